import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.countries import country_choices
from campaign.forms import HoneypotForm, clean_email_address, reject_control_characters
from petitions.models import Signature


class SignatureForm(HoneypotForm, forms.ModelForm):
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

    @functools.cached_property
    def helper(self):
        """The layout, built only when the form is drawn: a signature being checked does not need it."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
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
        return helper

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
    def belarus_chosen(self):
        return self.is_bound and self.data.get("country") == "BY"
