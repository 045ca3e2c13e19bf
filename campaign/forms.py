"""What every public form shares: the control-character check, the honeypot and the email key."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Characters no name, city or comment needs: control characters (other than a text's line
# breaks) and NUL. Rejecting them keeps garbage out of the database and headers out of emails.
CONTROL_CHARACTERS = {chr(c) for c in range(32)} | {chr(127)}
LINE_BREAKS = {"\n", "\r", "\t"}
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


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


def normalise_email(address):
    """The key for duplicate checks and the per-address limits: one key per mailbox.

    Quotes and backslash escapes dropped from the local part ("bomb"@ and "b\\omb"@ are bomb@), case
    folded, +tags dropped, Gmail's dots removed, the domain IDNA-encoded (пример.бел is xn--...). The
    address is still sent to as typed; this key only decides whether two addresses are one mailbox.
    """
    local, _at, domain = address.strip().rpartition("@")
    local = local.replace("\\", "").replace('"', "").casefold()
    domain = domain.strip().rstrip(".").casefold()
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid international name: the form refuses it anyway
        pass
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


class HoneypotForm(forms.Form):
    """A field hidden from people by CSS and aria-hidden, which naive bots fill in."""

    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class DataRequestForm(forms.Form):
    email = forms.EmailField(label=_("The email address you signed with"), max_length=254)

    def clean_email(self):
        return clean_email_address(self.cleaned_data["email"])
