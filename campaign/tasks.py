from celery import shared_task

from campaign.emails import email_deliver, outbox_sweep


@shared_task(acks_late=True, ignore_result=True)
def send_outgoing_email(email_id):
    email_deliver(email_id=email_id)


@shared_task(ignore_result=True)
def sweep_outbox():
    outbox_sweep()
