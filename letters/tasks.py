from celery import shared_task

from letters.services import reminder_subscribe, reminders_send


@shared_task(ignore_result=True)
def send_reminders():
    """Daily: queue the reminders for the coming week's dates. Safe to run twice."""
    reminders_send()


@shared_task(ignore_result=True)
def subscribe_to_reminders(email, language):
    """The reminders form's lookup and mail, off the request (`run_after_commit`)."""
    reminder_subscribe(email=email, language=language)
