"""The outbox against a real SMTP server on loopback: sent once, 4xx retried, 5xx failed, lost
tasks swept up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.celery import app as celery_app
from campaign.mail import RETRY_DELAYS, SWEEP_BACKLOG, email_deliver, outbox_sweep, send_outgoing_email
from campaign.models import OutgoingEmail
from tests.conftest import free_port, queued_email
from tests.journeys import smtp_server
from tests.smtp import html_part, text_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    with smtp_server(port) as server:
        yield server


def test_an_email_is_sent_once_with_text_and_html(smtp):
    email = queued_email()
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert email_deliver(email_id=email.pk) is None  # a duplicate task finds nothing to do
    [message] = smtp.inbox.wait_for(1)
    assert message["To"] == "reader@example.org"
    assert message["Subject"] == "Confirm your email address"
    assert message["From"] == "Confirmation <confirm@localhost>"  # sent before consent: a neutral sender
    assert "http://testserver/c/" in text_part(message)
    assert 'href="http://testserver/c/"' in html_part(message)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.sent_at is not None


def test_a_temporary_failure_is_retried_with_back_off(smtp):
    smtp.inbox.reply = "451 4.3.0 try again later"
    email = queued_email()
    before = timezone.now()
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.QUEUED
    email.refresh_from_db()
    assert email.attempts == 1 and "451" in email.last_error
    assert email.next_attempt_at >= before + timedelta(seconds=RETRY_DELAYS[0])
    assert email_deliver(email_id=email.pk) is None  # not due yet

    smtp.inbox.reply = None
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.SENT
    assert len(smtp.inbox.wait_for(1)) == 1


def test_a_permanent_failure_is_marked_failed_for_organisers(smtp):
    smtp.inbox.reply = "550 5.1.1 no such mailbox"
    email = queued_email()
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.FAILED
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and "550" in email.last_error


def test_an_unreachable_server_counts_as_temporary(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    email = queued_email()
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.QUEUED


def test_giving_up_after_the_last_retry(smtp):
    smtp.inbox.reply = "421 busy"
    email = queued_email()
    OutgoingEmail.objects.filter(pk=email.pk).update(attempts=len(RETRY_DELAYS))
    assert email_deliver(email_id=email.pk) == OutgoingEmail.Status.FAILED


def test_the_sweep_requeues_what_a_dead_worker_left_and_sends_it_once(smtp, django_capture_on_commit_callbacks):
    stuck, lost, fresh = queued_email(), queued_email(), queued_email()
    long_ago = timezone.now() - timedelta(minutes=30)
    OutgoingEmail.objects.filter(pk=stuck.pk).update(status="inflight", claimed_at=long_ago)
    OutgoingEmail.objects.filter(pk=lost.pk).update(next_attempt_at=long_ago)
    assert outbox_sweep() == 2  # the fresh one still has its own task on the way
    assert outbox_sweep() == 0  # safe to run twice: the first sweep's tasks sent them
    statuses = dict(OutgoingEmail.objects.values_list("pk", "status"))
    assert statuses == {stuck.pk: "sent", lost.pk: "sent", fresh.pk: "queued"}
    assert len(smtp.inbox.wait_for(2)) == 2


def test_behind_a_backlog_the_sweep_leaves_overdue_rows_to_their_waiting_tasks(services, smtp):
    """A burst leaves thousands of send tasks in the queue: their rows are overdue, not lost, and a
    copy of each every sweep would bury the real ones (the bench's drain stalled so)."""
    overdue = queued_email()
    OutgoingEmail.objects.filter(pk=overdue.pk).update(next_attempt_at=timezone.now() - timedelta(minutes=30))
    celery_app.conf.task_always_eager = False
    try:
        for _ in range(SWEEP_BACKLOG):
            send_outgoing_email.apply_async((0,))  # waiting tasks (for no row: harmless if ever run)
        assert outbox_sweep() == 0
    finally:
        with celery_app.connection_for_write() as connection:
            connection.default_channel.queue_purge("mail")
    assert outbox_sweep() == 1  # the queue is empty again: the row's task may be lost, so it is sent again
    assert outbox_sweep() == 0  # and the first sweep's task sent it


def test_workers_keep_their_database_connection_between_tasks():
    """Celery's Django fix-up would close it around every task: a new PostgreSQL connection per email,
    hundreds a second in a burst, which stalled the bench's workers in `connect`."""
    from celery.fixups.django import DjangoWorkerFixup

    assert DjangoWorkerFixup(celery_app).db_reuse_max >= 100
