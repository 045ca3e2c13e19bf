import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction

from campaign.emails import email_deliver, outbox_purge, outbox_sweep
from campaign.ratelimit import rate_limit_counters_purge

log = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def send_outgoing_email(email_id):
    email_deliver(email_id=email_id)


@shared_task(ignore_result=True)
def sweep_outbox():
    outbox_sweep()


@shared_task(ignore_result=True)
def purge_outbox():
    """Daily: forget emails past the retention period, and rate-limit windows that are over."""
    outbox_purge(older_than_days=settings.OUTBOX_RETENTION_DAYS)
    rate_limit_counters_purge()


def enqueue_after_commit(task, *args):
    """Run `task` in a worker once the transaction commits. Forms that take an email address do their
    lookups and mail this way, so that they answer in the same time whatever the address. If the
    broker is down, the task runs here instead: nothing is lost, only slower."""

    def enqueue():
        try:
            task.delay(*args)
        except Exception:  # any broker failure
            log.warning("could not enqueue %s; running it in the request", task.name)
            task.apply(args)

    transaction.on_commit(enqueue)
