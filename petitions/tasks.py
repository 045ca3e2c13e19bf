"""Periodic tasks (see CELERY_BEAT_SCHEDULE) and the public forms' work, run off the request. Tasks that
send one thing live beside their service: exports.run_export_job, updates.send_update_batch."""

from celery import shared_task
from django.conf import settings

from petitions import exports, services, updates


@shared_task(ignore_result=True)
def expire_exports():
    exports.export_jobs_expire()


@shared_task(ignore_result=True)
def erase_unconfirmed_signatures():
    services.signature_erase_unconfirmed(older_than_days=settings.UNCONFIRMED_RETENTION_DAYS)


@shared_task(ignore_result=True)
def resume_updates():
    updates.updates_resume()


@shared_task(ignore_result=True)
def record_signatures():
    """The sign form's lookups and mail, every second (CELERY_BEAT_SCHEDULE): off the request, so it
    answers in the same time whatever the address, and one task for many signatures."""
    services.signatures_record()
