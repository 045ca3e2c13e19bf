"""Faults with the real services: a worker killed mid-send, PostgreSQL dropping every connection."""

import signal
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection

from campaign import mail
from campaign.celery import app as celery_app
from campaign.models import OutgoingEmail
from tests.conftest import free_port, queued_email
from tests.journeys import ROOT, celery_worker, shared_database_url, smtp_server, wait_until


@pytest.fixture
def real_queue(services, transactional_db):
    celery_app.conf.task_always_eager = False


def test_the_production_defaults_send_a_dead_workers_email_within_two_minutes():
    """A claimed row is taken back once its sender is surely dead, then the next sweep sends it."""
    worst = mail.inflight_timeout() + timedelta(seconds=settings.OUTBOX_SWEEP_SECONDS)
    assert (settings.EMAIL_TIMEOUT, settings.OUTBOX_SWEEP_SECONDS) == (5, 15)  # what production runs
    assert worst <= timedelta(seconds=90), worst  # leaves 30 s of the two minutes for sending it
    assert mail.SWEEP_GRACE + timedelta(seconds=settings.OUTBOX_SWEEP_SECONDS) <= timedelta(seconds=90)


def test_a_worker_killed_mid_send_leaves_every_email_sent_once_in_time(real_queue, tmp_path):
    """Three emails; the worker is killed (kill -9) while the SMTP server holds the first one.
    A new worker (with the periodic sweep) sends all three within the bound, none twice, even
    though Redis also redelivers the dead worker's tasks (visibility timeout shortened to 5 s)."""
    email_timeout, sweep_seconds = 2, 2  # shortened; the production bound is checked above
    env = {
        "EMAIL_TIMEOUT": str(email_timeout),
        "OUTBOX_SWEEP_SECONDS": str(sweep_seconds),
        "CELERY_VISIBILITY_TIMEOUT": "5",
    }
    inflight = mail.SMTP_ROUND_TRIPS * email_timeout + mail.INFLIGHT_MARGIN.total_seconds()
    bound = max(inflight, mail.SWEEP_GRACE.total_seconds()) + sweep_seconds + 10  # 10 s to start and send
    port = free_port()
    with smtp_server(port) as smtp:
        smtp.inbox.hold.set()
        with celery_worker(smtp_port=port, queues="mail", extra_env=env) as worker:
            emails = [queued_email(to=f"reader{n}@example.org") for n in range(3)]  # autocommit: enqueued at once
            assert smtp.inbox.held.wait(60), "the worker never reached the SMTP server"
            worker.send_signal(signal.SIGKILL)  # within EMAIL_TIMEOUT of the hold: mid-send
            worker.wait(timeout=10)
        smtp.inbox.hold.clear()
        statuses = set(OutgoingEmail.objects.values_list("status", flat=True))
        assert OutgoingEmail.Status.INFLIGHT in statuses and not smtp.inbox.messages

        started = time.monotonic()
        with celery_worker(smtp_port=port, queues="mail,default", extra_env=env, beat_schedule=tmp_path / "beat"):
            arrived = smtp.inbox.wait_for(3, timeout=bound)
            took = time.monotonic() - started
            assert len(arrived) == 3, f"{len(arrived)} of 3 emails within {bound:.0f} s"
            time.sleep(8)  # Redis's redelivery (5 s) and more sweeps: a duplicate would arrive by now
        assert sorted(m["To"] for m in smtp.inbox.messages) == sorted(e.to for e in emails)
        assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {OutgoingEmail.Status.SENT}
        print(f"all three sent {took:.1f} s after the new worker started (bound {bound:.0f} s)")


def test_the_site_recovers_by_itself_when_postgresql_drops_its_connections(services, transactional_db):
    port = free_port()
    env = {
        "DATABASE_URL": shared_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "CONN_MAX_AGE": "600",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PATH": "/usr/bin:/bin",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "campaign.wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/healthz"

    def status():
        try:
            return urllib.request.urlopen(url, timeout=5).status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    try:
        assert wait_until(lambda: status() == 200, timeout=30)
        with connection.cursor() as cursor:  # what a restart does to every open connection
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone()[0] >= 1
        assert status() == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
