"""The periodic tasks (see CELERY_BEAT_SCHEDULE); the export job's task lives beside it in exports.py."""

from celery import shared_task
from django.conf import settings

from petitions import exports, services


@shared_task(ignore_result=True)
def expire_exports():
    exports.export_jobs_expire()


@shared_task(ignore_result=True)
def erase_unconfirmed_signatures():
    services.signature_erase_unconfirmed(older_than_days=settings.UNCONFIRMED_RETENTION_DAYS)
