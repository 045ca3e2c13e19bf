import re

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.forms import HoneypotForm, clean_email_address, reject_control_characters
from campaign.models import Person
from letters.models import KeptLetter, LetterTemplate

SENDER_MAX_CHARS = 300
# The work a public PDF may take: 6,000 characters (KeptLetter.MAX_CHARS), and no more lines or paragraphs
# than a long letter has. 3,000 short lines took 8.6 s of CPU; 200 take under 0.3 s.
BODY_MAX_LINES = 200
BODY_MAX_PARAGRAPHS = 100


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return person.display_name


class LetterForm(forms.Form):
    """What the ready page, the PDF and the kept copy need: who, the text, and the envelope options."""

    person = PersonChoiceField(queryset=Person.objects.none(), label=_("Who are you writing to?"), empty_label=None)
    body = forms.CharField(
        label=_("Your letter"),
        max_length=KeptLetter.MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "lang": "ru"}),
    )
    sender = forms.CharField(
        label=_("Your name and address for the envelope (optional)"),
        required=False,
        max_length=SENDER_MAX_CHARS,
        help_text=_("A return address is optional. It is printed on the envelope and not kept by this site."),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    reply_sheet = forms.BooleanField(
        label=_("Add a blank sheet for a reply"),
        required=False,
        initial=True,
        help_text=_("Guides advise enclosing a blank sheet and an envelope addressed to you, with a Belarusian stamp."),
    )

    # The letter's language sets the envelope's and the reply sheet's (one language each); Russian if absent.
    language = forms.ChoiceField(choices=LetterTemplate.Language.choices, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people

    def clean_language(self):
        return self.cleaned_data.get("language") or "ru"

    def clean_body(self):
        body = reject_control_characters(self.cleaned_data["body"], allow_line_breaks=True)
        body = body.replace("\r\n", "\n").strip()
        if body.count("\n") + 1 > BODY_MAX_LINES or len(re.split(r"\n\s*\n", body)) > BODY_MAX_PARAGRAPHS:
            raise forms.ValidationError(
                _("Your letter has more than %(lines)s lines or %(paragraphs)s paragraphs. Please shorten it."),
                params={"lines": BODY_MAX_LINES, "paragraphs": BODY_MAX_PARAGRAPHS},
            )
        return body

    def clean_sender(self):
        return reject_control_characters(self.cleaned_data["sender"], allow_line_breaks=True).strip()


class ComposeForm(LetterForm):
    """The composer: a letter plus the template and language it starts from."""

    kind = forms.ChoiceField(label=_("Kind of letter"), choices=LetterTemplate.Kind.choices)
    language = forms.ChoiceField(label=_("Language of the letter"), choices=LetterTemplate.Language.choices)

    field_order = ["person", "kind", "language", "body", "sender", "reply_sheet"]

    def __init__(self, *args, body_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = body_required


class ReportForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class ReminderForm(HoneypotForm):
    email = forms.EmailField(label=_("Email"), max_length=254)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return clean_email_address(self.cleaned_data["email"])
