"""Signing, confirming, withdrawing and erasing; milestones. Each a transaction that writes its
email to the outbox. Exports are in petitions/exports.py."""

import datetime
import logging
import math

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from campaign.forms import normalise_email
from campaign.links import absolute_url, make_token, read_token
from campaign.mail import email_queue, outbox_erase_address
from campaign.models import OutgoingEmail
from campaign.pagecache import pages_changed
from petitions.models import Petition, PetitionMilestone, ReceivedSignature, Signature

log = logging.getLogger(__name__)

CONFIRM_SALT = "petitions.confirm"
WITHDRAW_SALT = "petitions.withdraw"
UPDATES_STOP_SALT = "petitions.updates-stop"
# Percentages of the goal announced to organisers below 100%; from then on, each multiple of the goal.
MILESTONE_PERCENTS = (75, 50, 25)
ERASE_BATCH = 500
# Received signatures recorded per transaction.
RECORD_BATCH = 100


def _signature_id(public_id):
    return Signature.objects.filter(public_id=public_id).values_list("pk", flat=True).first()


def read_confirm_token(token):
    """The signature's id (None if it is gone). Raises signing.SignatureExpired or signing.BadSignature."""
    return _signature_id(read_token(token, salt=CONFIRM_SALT, max_age=settings.CONFIRMATION_MAX_AGE))


def read_resend_token(token):
    """A confirmation link may ask for a fresh one as long as the unconfirmed signature is kept."""
    max_age = settings.UNCONFIRMED_RETENTION_DAYS * 86400
    return _signature_id(read_token(token, salt=CONFIRM_SALT, max_age=max_age))


def read_withdraw_token(token):
    return _signature_id(read_token(token, salt=WITHDRAW_SALT, max_age=settings.WITHDRAW_LINK_MAX_AGE))


def withdraw_token(signature):
    return make_token(signature, salt=WITHDRAW_SALT)


def signature_receive(*, slug, data, language):
    """Take a signature for the open petition `slug` from the form; False if there is none.

    The same work whatever the address (the answer's time tells no one whether it signed before): one
    statement that finds the petition and inserts the row, for this is the request a viral moment is
    made of. A worker records it within seconds (`signatures_record`).
    """
    field = ReceivedSignature._meta.get_field
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ReceivedSignature._meta.db_table} (petition_id, data, language, received_at) "
            f"SELECT id, %s, %s, %s FROM {Petition._meta.db_table} WHERE slug = %s AND is_open",
            [
                field("data").get_db_prep_value(data, connection),
                language,
                field("received_at").get_db_prep_value(timezone.now(), connection),
                slug,
            ],
        )
        return cursor.rowcount == 1


def petition_is_open(*, slug):
    return Petition.objects.filter(slug=slug, is_open=True).exists()


def signatures_record():
    """Record every received signature and queue its email; returns how many were taken. Safe to run
    in several workers at once: a batch locks its rows and skips those another batch holds."""
    taken, last_pk = 0, 0
    while batch := _record_batch(after_pk=last_pk):
        taken += len(batch)
        last_pk = batch[-1]
    return taken


def _record_batch(*, after_pk):
    """Record up to RECORD_BATCH received signatures in one transaction; returns their ids.

    One that fails (a bug, not a duplicate) is logged and stays for the next run, so that it never
    holds up everyone else's; the log names its row, not the signer.
    """
    with transaction.atomic():
        received = list(
            ReceivedSignature.objects.select_for_update(skip_locked=True, of=("self",))  # not the petition
            .select_related("petition")
            .filter(pk__gt=after_pk)
            .order_by("pk")[:RECORD_BATCH]
        )
        recorded = []
        for row in received:
            # Taken while the petition was open (the sign statement checks): recorded even if it has
            # closed since, as a signature made before closing may still be confirmed after it.
            try:  # signature_sign's savepoints undo a failure's half-done work
                signature_sign(petition=row.petition, data=row.data, language=row.language)
            except Exception as exc:  # noqa: BLE001 - any failure of one row must not stop the others
                log.error("received signature %s not recorded: %s", row.pk, type(exc).__name__)
            else:
                recorded.append(row.pk)
        ReceivedSignature.objects.filter(pk__in=recorded).delete()
    return [row.pk for row in received]


def signature_sign(*, petition, data, language):
    """Record a signature (or find the one already there) and email the signer.

    The caller shows the same 'check your inbox' page whatever happened here: a new signature, a
    pending one (its confirmation is sent again), or a confirmed one (a short note is sent).
    """
    email_key = normalise_email(data["email"])
    # Insert first, in a savepoint of its own: most signers are new, and for them this is two INSERTs.
    # The unique constraint finds the others (or a concurrent batch's), who are answered in a second.
    try:
        with transaction.atomic():
            signature = Signature.objects.create(petition=petition, email_key=email_key, language=language, **data)
            _queue_confirmation(signature)
    except IntegrityError:  # this address signed before, or in a concurrent batch
        pass
    else:
        log.info("signature %s created for petition %s", signature.pk, petition.pk)
        return signature
    with transaction.atomic():
        existing = Signature.objects.get(petition=petition, email_key=email_key)
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
            petition_milestone_check(petition_id=signature.petition_id)
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


def signature_erase_unconfirmed(*, older_than_days):
    """Erase signatures never confirmed, and the emails to their addresses. Safe to run twice.

    The delete re-checks the status, so a signature confirmed meanwhile is kept.
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    stale = Signature.objects.filter(status=Signature.Status.PENDING, created_at__lt=cutoff)
    erased = 0
    while batch := list(stale.values_list("pk", "email")[:ERASE_BATCH]):
        with transaction.atomic():
            erased += stale.filter(pk__in=[pk for pk, _ in batch]).delete()[0]
            addresses = {address for _, address in batch}
            # An address that also signed something else keeps that signature's emails.
            addresses -= set(Signature.objects.filter(email__in=addresses).values_list("email", flat=True))
            OutgoingEmail.objects.filter(to__in=addresses).delete()
    if erased:
        log.info("erased %s unconfirmed signatures older than %s days", erased, older_than_days)
    return erased


def milestone_percent(*, goal, count):
    """The percentage of the goal that `count` reaches exactly, if it is a milestone, else None."""
    if not goal or not count:
        return None
    if count % goal == 0:
        return count * 100 // goal
    for percent in MILESTONE_PERCENTS:
        if count == math.ceil(goal * percent / 100):
            return percent
    return None


def petition_milestone_check(*, petition_id):
    """Announce a milestone to the organisers once. Runs inside the confirming transaction.

    Our increment holds the petition's row lock until commit, so the count read here is the one
    this confirmation made: concurrent confirmations each see their own. The unique constraint
    stops a second announcement when a withdrawal takes the count back below and it rises again.
    """
    goal, count = Petition.objects.filter(pk=petition_id).values_list("goal", "confirmed_count").get()
    percent = milestone_percent(goal=goal, count=count)
    if percent is None:
        return None
    try:
        with transaction.atomic():
            milestone = PetitionMilestone.objects.create(petition_id=petition_id, count=count, percent=percent)
    except IntegrityError:
        return None
    pages_changed()  # the petition's page shows the new count at once, not a few seconds later
    with translation.override(settings.LANGUAGE_CODE):  # the organisers' language, not the signer's
        context = {
            "petition": milestone.petition,
            "milestone": milestone,
            "dashboard_url": absolute_url(reverse("dashboard")),
        }
        for address in settings.ORGANISER_EMAILS:
            email_queue(to=address, template="milestone", context=context)
    log.info("petition %s reached %s%% (%s)", petition_id, percent, count)
    return milestone


def _queue_confirmation(signature):
    _queue_email(signature, "confirm-signature")


def _queue_email(signature, template):
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "petition": signature.petition,
            "confirm_url": absolute_url(reverse("petitions:confirm", args=[make_token(signature, salt=CONFIRM_SALT)])),
            "withdraw_url": withdraw_url(signature),
            "petition_url": absolute_url(signature.petition.get_absolute_url()),
            "stop_url": stop_updates_url(signature) if signature.keep_informed else "",
            "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
        }
        email_queue(to=signature.email, template=template, context=context)


def withdraw_url(signature):
    return absolute_url(reverse("petitions:withdraw", args=[withdraw_token(signature)]))


def stop_updates_url(signature):
    return absolute_url(reverse("petitions:stop_updates", args=[make_token(signature, salt=UPDATES_STOP_SALT)]))


def read_stop_updates_token(token):
    """The signature id in a 'stop these emails' link (None if it is gone); they last as long as a
    withdraw link. Raises signing.BadSignature (or SignatureExpired)."""
    return _signature_id(read_token(token, salt=UPDATES_STOP_SALT, max_age=settings.WITHDRAW_LINK_MAX_AGE))
