import functools
import logging
import os
import threading

from celery import Celery, Task
from django.core.signals import request_finished, request_started
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

log = logging.getLogger(__name__)
_after_response = threading.local()


def after_response(call):
    """Run `call` once the response has gone out, or now outside a request.

    A WSGI server closes the response after writing its last byte, and closing it sends
    `request_finished`. Work that depends on a typed-in address (is it known?) done there adds
    nothing to the time of the answer the visitor, or a stranger, measures.
    """
    calls = getattr(_after_response, "calls", None)
    if calls is None:
        call()
    else:
        calls.append(call)


def _collect_after_response(**kwargs):
    _after_response.calls = []


def _run_after_response(**kwargs):
    calls, _after_response.calls = getattr(_after_response, "calls", None) or [], None
    for call in calls:
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - the visitor has their answer; its message may hold an address
            log.error("work after the response failed: %s", type(exc).__name__)


request_started.connect(_collect_after_response, dispatch_uid="campaign.after_response.collect")
request_finished.connect(_run_after_response, dispatch_uid="campaign.after_response.run")


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
        """Run in a worker once the transaction commits; without a broker (none configured, or down),
        here once the response has gone out.

        For work that has no row of its own for a sweep to find: the forms that take an email address
        do their lookups and mail this way, so that they answer in the same time whatever the address.
        """
        transaction.on_commit(functools.partial(self._run_somewhere, args))

    def run_now_if_eager(self):
        """For a task that beat runs every second: where nothing polls (no broker: the embedded
        default, and the tests), run it once the transaction commits and the response has gone out."""
        if self.app.conf.task_always_eager:
            transaction.on_commit(functools.partial(after_response, self.apply))

    def _run_somewhere(self, args):
        if not self.app.conf.task_always_eager:
            try:
                self.delay(*args)
                return
            except Exception:  # any broker failure: slower, but nothing is lost
                log.warning("could not enqueue %s; running it after the response", self.name)
        after_response(functools.partial(self.apply, args))


app = Celery("campaign", task_cls=AfterCommitTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
