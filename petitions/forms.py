import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.countries import COUNTRY_CODES, country_choices
from campaign.forms import HoneypotForm, clean_email_address, reject_control_characters
from petitions.models import Signature


def _from_model(name, **kwargs):
    """The form field the Signature model would give (its max_length, required or not), labelled."""
    return Signature._meta.get_field(name).formfield(**kwargs)


def _autocomplete(hint):
    return forms.TextInput(attrs={"autocomplete": hint})


class CountryChoiceField(forms.ChoiceField):
    """The country names are drawn in the page's language; a code is checked against a set, not by
    walking ~250 translated choices for every signature."""

    def valid_value(self, value):
        return value in COUNTRY_CODES


class SignatureForm(HoneypotForm):
    """A plain form, not a ModelForm: the request only hands its data to a worker (services.
    signature_receive), which creates the Signature; the fields are the model's."""

    first_name = _from_model("first_name", label=_("First name"), widget=_autocomplete("given-name"))
    last_name = _from_model("last_name", label=_("Last name"), widget=_autocomplete("family-name"))
    email = _from_model(
        "email",
        label=_("Email"),
        help_text=_("We send one email to confirm your signature. It is never shown."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Built when the form is drawn: the names and their order are the page's language's.
    country = CountryChoiceField(
        choices=lambda: [("", _("Choose your country")), *country_choices()], label=_("Country")
    )
    city = _from_model("city", label=_("City (optional)"), widget=_autocomplete("address-level2"))
    comment = _from_model("comment", label=_("Comment (optional)"), widget=forms.Textarea(attrs={"rows": 3}))
    show_publicly = _from_model("show_publicly", label=_("Show my first name and country in the list of signers"))
    keep_informed = _from_model("keep_informed", label=_("Keep me informed about this campaign by email"))

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

    def signature_data(self):
        """What the worker needs to create the Signature: the cleaned fields, without the honeypot."""
        return {name: value for name, value in self.cleaned_data.items() if name != "website"}

    @property
    def belarus_chosen(self):
        return self.is_bound and self.data.get("country") == "BY"
