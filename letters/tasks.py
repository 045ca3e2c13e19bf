from celery import shared_task

from letters.services import reminders_send


@shared_task(ignore_result=True)
def send_reminders():
    """Daily: queue the reminders for the coming week's dates. Safe to run twice."""
    reminders_send()
