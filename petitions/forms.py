from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.countries import country_choices
from petitions.models import Signature

# Characters no name, city or comment needs: control characters (other than the comment's line
# breaks) and NUL. Rejecting them keeps garbage out of the database and headers out of emails.
CONTROL_CHARACTERS = {chr(c) for c in range(32)} | {chr(127)}
LINE_BREAKS = {"\n", "\r", "\t"}


def reject_control_characters(value, *, allow_line_breaks=False):
    forbidden = CONTROL_CHARACTERS - LINE_BREAKS if allow_line_breaks else CONTROL_CHARACTERS
    if any(ch in forbidden for ch in value):
        raise forms.ValidationError(_("Please remove the special characters from this field."))
    return value


def clean_email_address(value):
    """An address we may mail: no control characters, and no quoted local part ("bomb"@...), which
    would let one mailbox pass as many."""
    value = reject_control_characters(value.strip())
    if '"' in value or "\\" in value:
        raise forms.ValidationError(_("Please write the address without quotation marks or backslashes."))
    return value


class SignatureForm(forms.ModelForm):
    # The honeypot: hidden from people by CSS and aria-hidden, filled in by naive bots.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    # Built when the form is drawn: the names and their order are the page's language's.
    country = forms.ChoiceField(
        choices=lambda: [("", _("Choose your country")), *country_choices()],
        label=_("Country"),
    )

    class Meta:
        model = Signature
        fields = [
            "first_name",
            "last_name",
            "email",
            "country",
            "city",
            "comment",
            "show_publicly",
            "keep_informed",
        ]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "email": _("Email"),
            "city": _("City (optional)"),
            "comment": _("Comment (optional)"),
            "show_publicly": _("Show my first name and country in the list of signers"),
            "keep_informed": _("Keep me informed about this campaign by email"),
        }
        help_texts = {
            "email": _("We send one email to confirm your signature. It is never shown."),
        }
        widgets = {
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Div(
                Field("first_name", wrapper_class="col-sm-6"),
                Field("last_name", wrapper_class="col-sm-6"),
                css_class="row",
            ),
            "email",
            "country",
            HTML('{% include "campaign/_belarus_warning.html" with belarus_chosen=form.belarus_chosen %}'),
            "city",
            "comment",
            "show_publicly",
            "keep_informed",
            Div("website", css_class="hp-field", aria_hidden="true"),
            HTML('{% include "petitions/_privacy_notice.html" %}'),
            Submit("sign", _("Sign the petition"), css_class="btn-lg w-100"),
        )

    def clean_first_name(self):
        return reject_control_characters(self.cleaned_data["first_name"].strip())

    def clean_last_name(self):
        return reject_control_characters(self.cleaned_data["last_name"].strip())

    def clean_city(self):
        return reject_control_characters(self.cleaned_data["city"].strip())

    def clean_comment(self):
        return reject_control_characters(self.cleaned_data["comment"].strip(), allow_line_breaks=True)

    def clean_email(self):
        return clean_email_address(self.cleaned_data["email"])

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def belarus_chosen(self):
        return self.is_bound and self.data.get("country") == "BY"


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=_("The email address you signed with"), max_length=254)

    def clean_email(self):
        return clean_email_address(self.cleaned_data["email"])
