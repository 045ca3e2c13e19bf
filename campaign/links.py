"""Links in emails: signed, expiring tokens that carry an object's id, and absolute URLs."""

from django.conf import settings
from django.core import signing


def make_token(obj, *, salt):
    return signing.TimestampSigner(salt=salt).sign(str(obj.pk))


def read_token(token, *, salt, max_age=None):
    """The id in a token. Raises signing.SignatureExpired or signing.BadSignature."""
    return int(signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age))


def absolute_url(path):
    return settings.SITE_URL + path
