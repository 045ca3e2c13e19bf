"""Updates to supporters: organisers write one per petition; it goes, in each signer's language and at
a rate organisers set, to every confirmed signer who asked to be kept informed, at most once each.
Every email carries a one-click unsubscribe (RFC 8058)."""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from campaign.links import absolute_url
from campaign.mail import email_queue, email_render
from petitions.models import PetitionUpdate, Signature, UpdateDelivery
from petitions.services import stop_updates_url, withdraw_url

log = logging.getLogger(__name__)


# A batch task arriving this much early is a duplicate: the rate holds even if a batch is enqueued twice.
BATCH_TOLERANCE = datetime.timedelta(seconds=5)
# A sending update whose last batch is older than this lost its next task: the sweep enqueues it again.
BATCH_LOST_AFTER = 3


def update_recipients(update):
    """The signers an update goes to: confirmed, and asked to be kept informed."""
    return Signature.objects.filter(
        petition_id=update.petition_id, status=Signature.Status.CONFIRMED, keep_informed=True
    )


def _update_context(update, signature):
    return {
        "update": update,
        "petition": update.petition,
        "signature": signature,
        "petition_url": absolute_url(update.petition.get_absolute_url()),
        # A preview or a test has no signer: its links show where each signer's own link goes.
        "stop_url": stop_updates_url(signature) if signature.pk else _sample_url("petitions:stop_updates"),
        "withdraw_url": withdraw_url(signature) if signature.pk else _sample_url("petitions:withdraw"),
    }


def _sample_url(name):
    return absolute_url(reverse(name, args=["signers-own-link"]))


def _unsubscribe_headers(stop_url):
    # RFC 8058: mail clients offer 'Unsubscribe' and POST 'List-Unsubscribe=One-Click' to the URL.
    return {"List-Unsubscribe": f"<{stop_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def update_preview(*, update, language):
    """The update as a signer reading `language` gets it: subject, text and HTML."""
    sample = Signature(petition=update.petition, first_name="Alesia", language=language)
    with translation.override(language):
        return email_render(template="petition-update", context=_update_context(update, sample))


def update_send_test(*, update, user, language):
    """Send the update to the organiser, in `language`, marked as a test. Logged."""
    if not user.email:
        raise ValueError("Your account has no email address: add one on your user page first.")
    sample = Signature(petition=update.petition, first_name=user.first_name or user.get_username(), language=language)
    with transaction.atomic(), translation.override(language):
        context = {**_update_context(update, sample), "test": True}
        email = email_queue(to=user.email, template="petition-update", context=context, kind="update-test")
        _log_update(update, user, f"Sent a test in '{language}' to their own address.")
    return email


def update_send(*, update, user):
    """Start sending to every confirmed signer who asked for updates. Only once: a conditional UPDATE."""
    with transaction.atomic():
        started = PetitionUpdate.objects.filter(pk=update.pk, status=PetitionUpdate.Status.DRAFT).update(
            status=PetitionUpdate.Status.SENDING,
            sent_by=user,
            started_at=timezone.now(),
            recipients=update_recipients(update).count(),
        )
        if not started:
            return False
        _log_update(update, user, "Started sending to the signers who asked for updates.")
        send_update_batch.enqueue_after_commit(update.pk)
    log.info("update %s: sending started", update.pk)
    return True


@shared_task(acks_late=True, ignore_result=True)
def send_update_batch(update_id):
    update_send_batch(update_id=update_id)


def update_send_batch(*, update_id):
    """Put the next batch of an update in the outbox, spaced out at its rate, and schedule the next.

    The update's row is locked while the batch is written; a signer already with a delivery row is
    skipped, so a batch run twice, or after a worker died, sends nobody anything twice.
    """
    interval = settings.UPDATE_BATCH_SECONDS
    now = timezone.now()
    with transaction.atomic():
        update = (
            PetitionUpdate.objects.select_for_update()
            .select_related("petition")
            .filter(pk=update_id, status=PetitionUpdate.Status.SENDING)
            .first()
        )
        if update is None:
            return 0
        next_due = update.last_batch_at and update.last_batch_at + datetime.timedelta(seconds=interval)
        if interval and next_due and now < next_due - BATCH_TOLERANCE:
            return 0  # a duplicate task: this batch's time has not come
        # No interval (the embedded default: no worker, mail printed): everyone at once, no spacing.
        size = max(1, update.per_minute * interval // 60) if interval else None
        spacing = 60 / update.per_minute if interval else 0
        done = UpdateDelivery.objects.filter(update=update).values("signature_id")
        batch = list(update_recipients(update).exclude(pk__in=done).order_by("pk")[:size])
        for n, signature in enumerate(batch):
            send_after = now + datetime.timedelta(seconds=n * spacing)
            with translation.override(signature.language):
                context = _update_context(update, signature)
                email = email_queue(
                    to=signature.email,
                    template="petition-update",
                    context=context,
                    kind="update",
                    headers=_unsubscribe_headers(context["stop_url"]),
                    send_after=send_after,
                )
            UpdateDelivery.objects.create(update=update, signature=signature, email=email, language=signature.language)
        update.last_batch_at = now
        if size is None or len(batch) < size:
            update.status, update.finished_at = PetitionUpdate.Status.DONE, now
        update.save(update_fields=["last_batch_at", "status", "finished_at"])
        if update.status == PetitionUpdate.Status.SENDING:
            send_update_batch.enqueue_after_commit(update_id, countdown=interval)
    log.info("update %s: %s emails queued", update_id, len(batch))
    return len(batch)


def updates_resume():
    """Enqueue the next batch of every update whose task was lost (broker down, worker killed). Safe to
    run twice: a batch that comes too early does nothing."""
    stale = timezone.now() - datetime.timedelta(seconds=BATCH_LOST_AFTER * max(settings.UPDATE_BATCH_SECONDS, 20))
    sending = PetitionUpdate.objects.filter(status=PetitionUpdate.Status.SENDING)
    lost = sending.filter(Q(last_batch_at__lt=stale) | Q(last_batch_at__isnull=True, started_at__lt=stale))
    ids = list(lost.values_list("pk", flat=True))
    for update_id in ids:
        send_update_batch.enqueue(update_id)
    return len(ids)


def signature_stop_updates(*, signature_id):
    """Withdraw the consent to updates (one click in an email, no login). Harmless twice."""
    stopped = Signature.objects.filter(pk=signature_id, keep_informed=True).update(keep_informed=False)
    if stopped:
        log.info("signature %s: updates stopped", signature_id)
    return bool(stopped)


def _log_update(update, user, message):
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[update], action_flag=CHANGE, change_message=message, single_object=True
    )
