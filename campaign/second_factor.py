"""The organisers' second factor (TOTP): enrolling an authenticator, and resetting a lost one.

An organiser who must use a second factor and has none signs in with the password alone and is then
held on the enrolment page until a first code from the new authenticator confirms it. Resetting is
done by another organiser with the permission to delete authenticators, and goes into the admin log.
"""

import base64
import io
import re

import qrcode
import qrcode.image.svg
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

EXPORT_PERMISSION = "petitions.export_signatures"
RESET_PERMISSION = "otp_totp.delete_totpdevice"
DEVICE_NAME = "authenticator"


# Models holding supporters' personal data (names, addresses, emails with live links, who wrote when).
PERSONAL_DATA_MODELS = {
    "petitions.signature",
    "petitions.exportrecord",
    "petitions.exportjob",
    "campaign.outgoingemail",
    "letters.remindersubscription",
    "letters.keptletter",
    "letters.letterreport",
}


def sees_personal_data(user):
    if user.is_superuser or user.has_perm(EXPORT_PERMISSION):
        return True
    for permission in user.get_all_permissions():
        app_label, codename = permission.split(".", 1)
        action, _, model = codename.partition("_")
        if action in ("view", "change", "delete") and f"{app_label}.{model}" in PERSONAL_DATA_MODELS:
            return True
    return False


def user_requires_otp(user):
    """Everyone who can see any supporter's personal data signs in with an authenticator code too."""
    return user.is_active and sees_personal_data(user)


def user_needs_enrolment(user):
    """Signed in with the password, must use a second factor, and has none yet."""
    return (
        user.is_authenticated
        and user.is_staff
        and user_requires_otp(user)
        and not _verified(user)
        and not user_has_device(user, confirmed=True)
    )


def _verified(user):
    # Right after the password check, request.user is the plain user that django-otp has not wrapped yet.
    if hasattr(user, "is_verified"):
        return user.is_verified()
    return getattr(user, "otp_device", None) is not None


def base32_key(device):
    """The key as authenticator apps take it when typed in by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device):
    """The set-up QR code as inline SVG markup: nothing loaded from anywhere."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    # A fixed size in pixels, and a white background so that it scans in the admin's dark theme too.
    size = 'width="240" height="240" role="img" aria-label="QR code"'
    svg = re.sub(r'width="[^"]*" height="[^"]*"', size, svg, count=1)
    return re.sub(r"(<svg[^>]*>)", r'\1<rect width="100%" height="100%" fill="#ffffff"/>', svg, count=1)


def qr_text(device):
    """The set-up QR code drawn with block characters, for a terminal."""
    code = qrcode.QRCode(border=2)
    code.add_data(device.config_url)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()


def device_pending(*, user):
    """The authenticator being set up: the same one until it is confirmed, so a reload keeps the scan valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def device_confirm(*, user, device, token):
    """Confirm the pending authenticator with its first code. Returns True if the code was right."""
    with transaction.atomic():
        if not device.verify_token(token):
            return False
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.confirmed = True
        _log(actor=user, user=user, message="Set up an authenticator (second factor).")
    return True


def device_reset(*, actor, user):
    """Remove `user`'s authenticators: at the next sign-in they set up a new one. Logged."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        _log(actor=actor, user=user, message=f"Reset the second factor ({removed} authenticator(s) removed).")
    return removed


def _log(*, actor, user, message):
    LogEntry.objects.log_actions(
        user_id=actor.pk, queryset=[user], action_flag=CHANGE, change_message=message, single_object=True
    )
