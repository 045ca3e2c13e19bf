"""The periodic tasks (see CELERY_BEAT_SCHEDULE); each task that sends one thing lives beside its service."""

from celery import shared_task
from django.conf import settings

from campaign import limits
from campaign.mail import outbox_purge, outbox_sweep


@shared_task(ignore_result=True)
def sweep_outbox():
    outbox_sweep()


@shared_task(ignore_result=True)
def purge_outbox():
    """Daily: forget emails past the retention period, and rate-limit windows that are over."""
    outbox_purge(older_than_days=settings.OUTBOX_RETENTION_DAYS)
    limits.counters_purge()
