"""The real stack for journey tests: a Celery worker process on Redis, an SMTP server on loopback,
and Chromium driven by Playwright. The site itself is pytest-django's live_server."""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from tests.smtp import SMTPServer

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def shared_database_url():
    """The URL of the database pytest-django created, for processes outside this one."""
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def smtp_server(port):
    server = SMTPServer(port)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def celery_worker(*, smtp_port, queues="default,mail,exports", extra_env=None, beat_schedule=None):
    """A real worker process reading the test database, which also runs the periodic tasks as `celery
    beat` does (among them recording the signatures the sign form took). Yields the Popen; stops it
    afterwards. `beat_schedule` is beat's file (a new temporary one by default)."""
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SITE_URL": settings.SITE_URL,
        "CONN_MAX_AGE": "0",
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "celery", "-A", "campaign", "worker", "-P", "solo", "-Q", queues]
    command += ["--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel=INFO", "--beat"]
    with tempfile.TemporaryDirectory(prefix="beat-") as scratch:
        command.append(f"--schedule={beat_schedule or Path(scratch) / 'schedule'}")
        # A process group of its own: beat runs in a child process, which must stop with the worker
        # even when a test has killed the worker itself.
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            yield worker
        finally:
            _stop_group(worker)


def _stop_group(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # whatever of the group is left


def wait_until(predicate, timeout=30, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def drop_broker_connections():
    """Forget pooled broker connections and producers, so that the next publish uses broker_url as it is now."""
    from kombu import pools

    from campaign.celery import app as celery_app

    celery_app.pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    pools.reset()  # kombu's own producer pools, per broker URL
