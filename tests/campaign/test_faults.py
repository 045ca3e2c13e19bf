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
from django.utils import timezone

from campaign.celery import app as celery_app
from campaign.mail import outbox_sweep
from campaign.models import OutgoingEmail
from tests.conftest import free_port, queued_email
from tests.journeys import ROOT, celery_worker, shared_database_url, smtp_server, wait_until


@pytest.fixture
def real_queue(services, transactional_db):
    celery_app.conf.task_always_eager = False


def test_a_worker_killed_mid_send_leaves_the_email_to_be_sent_exactly_once(real_queue):
    port = free_port()
    with smtp_server(port) as smtp:
        smtp.inbox.hold.set()
        with celery_worker(smtp_port=port, queues="mail") as worker:
            email = queued_email()  # autocommit: the task is enqueued at once
            assert smtp.inbox.held.wait(60), "the worker never reached the SMTP server"
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        smtp.inbox.hold.clear()
        email.refresh_from_db()
        assert email.status == OutgoingEmail.Status.INFLIGHT and not smtp.inbox.messages

        # Minutes later the sweep finds the row the dead worker held and a new worker sends it.
        OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=timezone.now() - timedelta(minutes=10))
        with celery_worker(smtp_port=port, queues="mail"):
            assert outbox_sweep() == 1
            assert len(smtp.inbox.wait_for(1, timeout=60)) == 1
            assert wait_until(lambda: OutgoingEmail.objects.get(pk=email.pk).status == "sent")
            assert outbox_sweep() == 0
            time.sleep(2)  # a duplicate would arrive by now
        assert len(smtp.inbox.messages) == 1


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
