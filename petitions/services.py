"""Signing, confirming, withdrawing and erasing; milestones; exports. Each a transaction that
writes its email to the outbox."""

import datetime
import logging
import math
import uuid
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from campaign.emails import email_queue, outbox_erase_address
from campaign.exports import FORMATS
from campaign.links import absolute_url, make_token, read_token
from campaign.models import OutgoingEmail
from petitions.exports import signature_rows
from petitions.models import ExportJob, ExportRecord, Petition, PetitionMilestone, Signature, normalise_email

log = logging.getLogger(__name__)

CONFIRM_SALT = "petitions.confirm"
WITHDRAW_SALT = "petitions.withdraw"
DATA_SALT = "petitions.your-data"
DATA_REMINDERS_SALT = "petitions.your-data.reminders"  # for an address that only asked for reminders
# Percentages of the goal announced to organisers below 100%; from then on, each multiple of the goal.
MILESTONE_PERCENTS = (75, 50, 25)
ERASE_BATCH = 500
PROGRESS_EVERY = 10_000
# How long a background export's file is kept (the privacy page says so).
EXPORT_EXPIRY = datetime.timedelta(hours=24)
# A background export still queued after this long lost its task (broker down): enqueue it again.
EXPORT_REQUEUE_AFTER = datetime.timedelta(minutes=2)


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


def signature_data_request(*, email):
    """Email a link to everything kept about an address, if anything is. Runs in the background, so
    that the form answers in the same time whether or not the address is known."""
    from letters.models import ReminderSubscription  # the page lists reminders too

    email_key = normalise_email(email)
    record = Signature.objects.filter(email_key=email_key).order_by("created_at").first()
    salt = DATA_SALT
    if record is None:
        record = ReminderSubscription.objects.filter(email_key=email_key).first()
        salt = DATA_REMINDERS_SALT
    if record is None:
        return False
    with transaction.atomic(), translation.override(record.language):
        context = {
            "data_url": absolute_url(reverse("petitions:your_data", args=[make_token(record, salt=salt)])),
            "max_age_hours": settings.DATA_LINK_MAX_AGE // 3600,
        }
        email_queue(to=record.email, template="your-data", context=context)
    return True


def read_data_token(token):
    """The normalised address a 'your data' link is for, or None if its record is gone.

    Raises signing.BadSignature (or SignatureExpired)."""
    from letters.models import ReminderSubscription

    for salt, model in ((DATA_SALT, Signature), (DATA_REMINDERS_SALT, ReminderSubscription)):
        try:
            public_id = read_token(token, salt=salt, max_age=settings.DATA_LINK_MAX_AGE)
        except signing.SignatureExpired:
            raise
        except signing.BadSignature:
            continue
        return model.objects.filter(public_id=public_id).values_list("email_key", flat=True).first()
    raise signing.BadSignature("not a 'your data' link")


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
    with translation.override(settings.LANGUAGE_CODE):  # the organisers' language, not the signer's
        context = {
            "petition": milestone.petition,
            "milestone": milestone,
            "dashboard_url": absolute_url(reverse("admin:petitions_dashboard")),
        }
        for address in settings.ORGANISER_EMAILS:
            email_queue(to=address, template="milestone", context=context)
    log.info("petition %s reached %s%% (%s)", petition_id, percent, count)
    return milestone


def export_record(*, petition, user, via, format, filters, row_count, actor=None):
    """The audit log entry every export writes."""
    return ExportRecord.objects.create(
        petition=petition,
        user=user,
        actor=actor or user.get_username(),
        via=via,
        format=format,
        filters=filters,
        row_count=row_count,
    )


def export_job_create(*, petition, user, format, filters, expected_rows):
    """Queue a background export on the exports queue; the file is the requester's until it expires."""
    from petitions.tasks import run_export_job

    with transaction.atomic():
        job = ExportJob.objects.create(
            petition=petition,
            requested_by=user,
            format=format,
            filters=filters,
            expected_rows=expected_rows,
            expires_at=timezone.now() + EXPORT_EXPIRY,
        )
        export_record(
            petition=petition,
            user=user,
            via=ExportRecord.Via.BACKGROUND,
            format=format,
            filters=filters,
            row_count=expected_rows,
        )
        transaction.on_commit(lambda: _enqueue_export(run_export_job, job.pk))
    return job


def _enqueue_export(task, job_id):
    try:
        task.delay(job_id)
    except Exception:  # any broker failure: the job stays queued and the expiry sweep enqueues it again
        log.warning("exports: could not enqueue job %s", job_id)


def export_job_run(*, job_id):
    """Write the export file. Runs once: the conditional UPDATE claims the job."""
    job = ExportJob.objects.filter(pk=job_id).select_related("petition").first()
    if job is None:
        return None
    file_format = FORMATS[job.format]
    file_name = f"{uuid.uuid4().hex}.{file_format.extension}"
    if not ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING, file_name=file_name
    ):
        return None  # another worker has it, or it is done
    path = export_path(file_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = _with_progress(signature_rows(petition=job.petition, filters=job.filters), job_id=job_id)
    try:
        file_format.write(rows, path)
    except Exception:
        path.unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job_id).update(status=ExportJob.Status.FAILED, finished_at=timezone.now())
        raise
    ExportJob.objects.filter(pk=job_id).update(status=ExportJob.Status.DONE, finished_at=timezone.now())
    log.info("export job %s done", job_id)
    return path


def export_path(file_name):
    return Path(settings.EXPORT_ROOT) / file_name


def _with_progress(rows, *, job_id):
    """Pass the rows on, saving how many went by so that the organiser sees the progress."""
    rows = iter(rows)
    yield next(rows)  # the header
    done = 0
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job_id).update(rows_done=done)
    ExportJob.objects.filter(pk=job_id).update(rows_done=done)


def export_jobs_expire():
    """Delete expired export files and jobs; enqueue jobs whose task was lost. Safe to run twice."""
    from petitions.tasks import run_export_job

    now = timezone.now()
    for job_id, file_name in ExportJob.objects.filter(expires_at__lte=now).values_list("pk", "file_name"):
        if file_name:
            export_path(file_name).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job_id).delete()
    lost = ExportJob.objects.filter(status=ExportJob.Status.QUEUED, created_at__lt=now - EXPORT_REQUEUE_AFTER)
    for job_id in lost.values_list("pk", flat=True):
        _enqueue_export(run_export_job, job_id)


def _queue_confirmation(signature):
    _queue_email(signature, "confirm-signature")


def _queue_email(signature, template):
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "petition": signature.petition,
            "confirm_url": absolute_url(reverse("petitions:confirm", args=[make_token(signature, salt=CONFIRM_SALT)])),
            "withdraw_url": absolute_url(
                reverse("petitions:withdraw", args=[make_token(signature, salt=WITHDRAW_SALT)])
            ),
            "petition_url": absolute_url(signature.petition.get_absolute_url()),
            "max_age_days": settings.CONFIRMATION_MAX_AGE // 86400,
        }
        email_queue(to=signature.email, template=template, context=context)
