"""Email through the outbox: render a template set, write a row, send it from a Celery task.

Templates live in templates/emails/<name>-subject.txt, <name>-body.txt and <name>-body.html.
"""

import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from campaign.models import OutgoingEmail

log = logging.getLogger(__name__)

# Seconds to wait before each retry of a temporary (4xx or connection) failure.
RETRY_DELAYS = (30, 120, 600, 1800, 3600, 3 * 3600)
# After a worker dies mid-send (kill -9, out of memory), its claimed row must go out again within two
# minutes of a worker running, and never twice. Celery's own redelivery of the unacknowledged task
# waits for the broker's visibility timeout (hours: see CELERY_BROKER_TRANSPORT_OPTIONS), so the
# outbox sweep (every OUTBOX_SWEEP_SECONDS) does it. It may re-queue a claimed row only when its
# sender is surely dead: a live sender has finished or failed by then, because an SMTP conversation
# is at most SMTP_ROUND_TRIPS round trips (greeting, EHLO, STARTTLS, EHLO, AUTH in up to three,
# MAIL, RCPT, DATA, the message, QUIT), each bounded by EMAIL_TIMEOUT. With the defaults (5 s, 15 s)
# a dead sender's row is re-queued 70-85 s after it was claimed.
SMTP_ROUND_TRIPS = 12
INFLIGHT_MARGIN = timedelta(seconds=10)
# A due row whose task has not run this long after it was due (a task lost with a dead worker's
# prefetch, or never enqueued while the broker was down) is enqueued again by the sweep; the grace
# keeps a busy queue from being flooded with duplicates (they would be skipped anyway).
SWEEP_GRACE = timedelta(seconds=30)
# Send tasks waiting in the broker from which on the sweep leaves overdue rows to them (see outbox_sweep).
SWEEP_BACKLOG = 100


def inflight_timeout():
    """How long after its claim a row still being sent surely belongs to a dead worker."""
    return timedelta(seconds=SMTP_ROUND_TRIPS * settings.EMAIL_TIMEOUT) + INFLIGHT_MARGIN


# Emails anyone can have sent to any address by typing it, before its owner has agreed to anything:
# they repeat nothing the requester typed, their subject names no cause, and they come from a neutral sender.
PRE_CONSENT_KINDS = {"confirm-signature", "already-signed", "your-data", "letters-reminders-confirm"}
# A retry's countdown may fire a moment early.
CLOCK_TOLERANCE = timedelta(seconds=5)


def email_render(*, template, context):
    """The subject, text and HTML of an email, as `email_queue` would send them (and previews show them)."""
    context = {"SITE_URL": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{template}-subject.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body_text": render_to_string(f"emails/{template}-body.txt", context),
        "body_html": render_to_string(f"emails/{template}-body.html", context),
    }


def email_queue(*, to, template, context, kind=None, headers=None, send_after=None):
    """Render `template` for `to` and add it to the outbox; the task is enqueued after commit.

    `send_after` holds the email back until then (updates to supporters go out at a set rate).
    """
    now = timezone.now()
    send_after = max(send_after or now, now)
    email = OutgoingEmail.objects.create(
        kind=kind or template,
        to=to,
        headers=headers or {},
        next_attempt_at=send_after,
        **email_render(template=template, context=context),
    )
    send_outgoing_email.enqueue_after_commit(email.pk, countdown=(send_after - now).total_seconds())
    return email


@shared_task(acks_late=True, ignore_result=True)
def send_outgoing_email(email_id):
    email_deliver(email_id=email_id)


def email_deliver(*, email_id):
    """Send one outbox row at most once. Returns the row's final status for this attempt."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(
        pk=email_id, status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now + CLOCK_TOLERANCE
    ).update(status=OutgoingEmail.Status.INFLIGHT, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return None  # already sent, being sent, not due yet, or gone (erased)
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _send(email)
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            return _retry_later(email, f"{exc.smtp_code} temporary failure")
        return _mark_failed(email, f"{exc.smtp_code} permanent failure")
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if all(400 <= code < 500 for code in codes):
            return _retry_later(email, "recipient temporarily refused")
        return _mark_failed(email, "recipient refused")
    except (OSError, smtplib.SMTPException) as exc:
        return _retry_later(email, f"{type(exc).__name__}")
    # Once sent, the body (with its live links) is not needed: only what was sent, and when, is kept.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), last_error="", body_text="", body_html=""
    )
    return OutgoingEmail.Status.SENT


def _send(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.NEUTRAL_FROM_EMAIL if email.kind in PRE_CONSENT_KINDS else settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Auto-Submitted": "auto-generated", **email.headers},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    message.send()


def _retry_later(email, reason):
    if email.attempts >= len(RETRY_DELAYS):
        return _mark_failed(email, f"gave up after {email.attempts} attempts: {reason}")
    delay = RETRY_DELAYS[email.attempts - 1]
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.QUEUED,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        last_error=reason[:500],
    )
    log.info("outbox: email %s will be retried in %ss (%s)", email.pk, delay, reason)
    send_outgoing_email.enqueue_after_commit(email.pk, countdown=delay)
    return OutgoingEmail.Status.QUEUED


def _mark_failed(email, reason):
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.FAILED, last_error=reason[:500], body_text="", body_html=""
    )
    log.warning("outbox: email %s failed: %s", email.pk, reason)
    return OutgoingEmail.Status.FAILED


def outbox_sweep():
    """Re-queue rows whose task was lost. Safe to run twice: sending claims each row first.

    A dead sender's row (in flight too long) is always sent again. A row merely overdue is sent again
    only while no send tasks wait in the broker: behind a backlog (a burst of signatures) its task is
    waiting, not lost, and a copy per row every sweep would bury the real ones. Each row re-queued is
    stamped, so the next sweeps leave it alone for SWEEP_GRACE.
    """
    now = timezone.now()
    stuck = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.INFLIGHT, claimed_at__lt=now - inflight_timeout())
    stuck_ids = list(stuck.values_list("pk", flat=True)[:1000])
    stuck.filter(pk__in=stuck_ids).update(status=OutgoingEmail.Status.QUEUED, next_attempt_at=now)
    overdue_ids = []
    if _mail_tasks_waiting() < SWEEP_BACKLOG:
        overdue = OutgoingEmail.objects.filter(
            status=OutgoingEmail.Status.QUEUED, next_attempt_at__lte=now - SWEEP_GRACE
        ).exclude(pk__in=stuck_ids)
        overdue_ids = list(overdue.values_list("pk", flat=True)[:1000])
        OutgoingEmail.objects.filter(pk__in=overdue_ids).update(next_attempt_at=now)
    ids = stuck_ids + overdue_ids
    for email_id in ids:
        send_outgoing_email.enqueue(email_id)
    return len(ids)


def _mail_tasks_waiting():
    """How many send tasks wait in the broker's mail queue; 0 when it cannot tell (broker down)."""
    queue = settings.CELERY_TASK_ROUTES[send_outgoing_email.name]["queue"]
    try:
        with send_outgoing_email.app.connection_for_read() as connection:
            return connection.default_channel.queue_declare(queue=queue, passive=True).message_count
    except Exception:  # noqa: BLE001 - no broker to ask: sweep as if nothing waits
        return 0


def outbox_purge(*, older_than_days):
    """Delete sent and failed rows older than the retention period (the privacy page states it). Safe
    to run twice."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    done = [OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED]
    purged = OutgoingEmail.objects.filter(status__in=done, created_at__lt=cutoff).delete()[0]
    if purged:
        log.info("outbox: purged %s emails older than %s days", purged, older_than_days)
    return purged


def outbox_erase_address(address):
    """Forget every email to `address` (a withdrawn signer's right to erasure)."""
    return OutgoingEmail.objects.filter(to__iexact=address).delete()[0]
