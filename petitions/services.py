"""Signing, confirming and withdrawing: each a transaction that writes its email to the outbox."""

import logging

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from campaign.emails import email_queue, outbox_erase_address
from petitions.models import Signature, normalise_email

log = logging.getLogger(__name__)

CONFIRM_SALT = "petitions.confirm"
WITHDRAW_SALT = "petitions.withdraw"


def make_token(signature, *, salt):
    return signing.TimestampSigner(salt=salt).sign(str(signature.pk))


def read_token(token, *, salt, max_age=None):
    """The signature id in a token. Raises signing.SignatureExpired or signing.BadSignature."""
    value = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    return int(value)


def read_confirm_token(token):
    return read_token(token, salt=CONFIRM_SALT, max_age=settings.CONFIRMATION_MAX_AGE)


def signature_sign(*, petition, data, language):
    """Record a signature (or find the one already there) and email the signer.

    The caller shows the same 'check your inbox' page whatever happened here: a new signature, a
    pending one (its confirmation is sent again), or a confirmed one (a short note is sent).
    """
    email_key = normalise_email(data["email"])
    with transaction.atomic():
        existing = Signature.objects.filter(petition=petition, email_key=email_key).first()
        if existing is None:
            try:
                with transaction.atomic():
                    signature = Signature.objects.create(
                        petition=petition, email_key=email_key, language=language, **data
                    )
            except IntegrityError:  # the same address signed in a concurrent request
                existing = Signature.objects.get(petition=petition, email_key=email_key)
            else:
                _queue_confirmation(signature)
                log.info("signature %s created for petition %s", signature.pk, petition.pk)
                return signature
        if existing.status == Signature.Status.PENDING:
            _queue_confirmation(existing)
        else:
            _queue_email(existing, "already-signed")
        return existing


def signature_resend_confirmation(*, signature_id):
    with transaction.atomic():
        signature = Signature.objects.filter(pk=signature_id, status=Signature.Status.PENDING).first()
        if signature is not None:
            _queue_confirmation(signature)
        return signature


def signature_confirm(*, signature_id):
    """Confirm once. Returns the signature, or None if it no longer exists (withdrawn)."""
    with transaction.atomic():
        won = Signature.objects.filter(pk=signature_id, status=Signature.Status.PENDING).update(
            status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
        )
        signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
        if won and signature is not None:
            signature.petition.add_to_count(1)
            _queue_email(signature, "thank-you")
            log.info("signature %s confirmed", signature.pk)
        return signature


def signature_withdraw(*, signature_id):
    """Erase the signature and every email to its address. Returns False if it was already gone."""
    with transaction.atomic():
        signature = Signature.objects.select_for_update().select_related("petition").filter(pk=signature_id).first()
        if signature is None:
            return False
        if signature.status == Signature.Status.CONFIRMED:
            signature.petition.add_to_count(-1)
        outbox_erase_address(signature.email)
        signature.delete()
        log.info("signature %s withdrawn and erased", signature_id)
        return True


def _queue_confirmation(signature):
    _queue_email(signature, "confirm-signature")


def _queue_email(signature, template):
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "petition": signature.petition,
            "confirm_url": _absolute(reverse("petitions:confirm", args=[make_token(signature, salt=CONFIRM_SALT)])),
            "withdraw_url": _absolute(reverse("petitions:withdraw", args=[make_token(signature, salt=WITHDRAW_SALT)])),
            "petition_url": _absolute(signature.petition.get_absolute_url()),
            "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
        }
        email_queue(to=signature.email, template=template, context=context)


def _absolute(path):
    return settings.SITE_URL + path
