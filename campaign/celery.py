import functools
import logging
import os

from celery import Celery, Task
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

log = logging.getLogger(__name__)


class AfterCommitTask(Task):
    """A task that is enqueued when the transaction that asked for it commits.

    Work written in a transaction (an outbox row, an export job) is only visible to a worker after
    the commit. If the broker is down then, the row stays in the database for a periodic sweep.
    """

    def enqueue_after_commit(self, *args, countdown=0):
        transaction.on_commit(functools.partial(self.enqueue, *args, countdown=countdown))

    def enqueue(self, *args, countdown=0):
        try:
            self.apply_async(args, countdown=countdown)
        except Exception:  # any broker failure: the periodic sweep enqueues it again
            log.warning("could not enqueue %s%s; the sweep will retry", self.name, args)

    def run_after_commit(self, *args):
        """Run in a worker once the transaction commits; if the broker is down, run here instead.

        For work that has no row of its own for a sweep to find: the forms that take an email address
        do their lookups and mail this way, so that they answer in the same time whatever the address.
        """
        transaction.on_commit(functools.partial(self._run_somewhere, args))

    def run_now_if_eager(self):
        """For a task that beat runs every second: where nothing polls (no broker: the embedded
        default, and the tests), run it once the transaction commits instead."""
        if self.app.conf.task_always_eager:
            transaction.on_commit(self.apply)

    def _run_somewhere(self, args):
        try:
            self.delay(*args)
        except Exception:  # any broker failure: slower, but nothing is lost
            log.warning("could not enqueue %s; running it in the request", self.name)
            self.apply(args)


app = Celery("campaign", task_cls=AfterCommitTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
