"""The periodic tasks (see CELERY_BEAT_SCHEDULE); each task that sends one thing lives beside its service."""

from celery import shared_task

from campaign.mail import outbox_sweep


@shared_task(ignore_result=True)
def sweep_outbox():
    outbox_sweep()
