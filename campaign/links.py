"""Links in emails: signed, expiring tokens and absolute URLs; the headers of the pages they open.

A token carries only an object's random public id (a UUID), never an address, a name or a
sequential id: a link in a browser's history, a proxy's log or a screenshot tells nothing about who
it belongs to, nor how many signed before.
"""

import uuid
from functools import wraps

from django.conf import settings
from django.core import signing


def make_token(obj, *, salt):
    return signing.TimestampSigner(salt=salt).sign(obj.public_id.hex)


def read_token(token, *, salt, max_age):
    """The public id in a token. Raises signing.SignatureExpired or signing.BadSignature."""
    value = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    try:
        return uuid.UUID(hex=value)
    except ValueError as exc:
        raise signing.BadSignature("not a public id") from exc


def absolute_url(path):
    return settings.SITE_URL + path


def private_page(view):
    """For pages opened from an emailed link: nothing kept in the browser's cache, no Referer sent on."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped
