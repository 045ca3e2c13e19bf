"""The production shape on this machine: PostgreSQL, Redis, gunicorn, a Celery worker and beat, an SMTP sink.

Only databases named bench_* and Redis db 11 are touched; every process started here is stopped
by its own process group when the stack closes.
"""

import collections
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psycopg
import redis
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/11"
# Celery runs with a smaller CPU share than the site, as in docker-compose.yml (cpu_shares): under a
# burst people get their answer first, and the mail follows. Each process group started here is its
# own scheduling group (Linux's autogroup, like a container's cgroup), so the share is set for the group.
BACKGROUND_NICE = 10


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(name):
    assert name.startswith("bench_"), name
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    assert name.startswith("bench_"), name
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def flush_redis():
    redis.Redis.from_url(REDIS_URL).flushdb()


class Sink:
    """An SMTP server on loopback that counts the messages each recipient gets."""

    def __init__(self):
        self.port = free_port()
        self.received = collections.Counter()
        self.arrived_at = {}  # recipient: when its first message arrived (time.monotonic)
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self._lock:
            self.received.update(envelope.rcpt_tos)
            for address in envelope.rcpt_tos:
                self.arrived_at.setdefault(address, now)
        return "250 OK"

    def addresses(self):
        """Every recipient that got a message so far."""
        with self._lock:
            return set(self.arrived_at)

    @property
    def running(self):
        return self._controller._thread is not None

    def start(self):
        self._controller.start()

    def stop(self):
        self._controller.stop()


class Stack:
    """Use as a context manager: `with Stack(workdir) as stack: ...`; everything is undone on exit."""

    def __init__(self, workdir, *, database="bench_campaign", web_workers=None):
        self.workdir = Path(workdir)
        self.database = database
        self.web_workers = web_workers or 2 * os.cpu_count() + 1
        self.web_port = free_port()
        self.sink = Sink()
        self.processes = []
        self.env = self._environment()

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def database_url(self):
        return f"{POSTGRES}/{self.database}"

    def _environment(self):
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{self.web_port}",
            "DATABASE_URL": self.database_url,
            "CONN_MAX_AGE": "600",
            "REDIS_URL": REDIS_URL,
            "EMAIL_URL": f"smtp://127.0.0.1:{self.sink.port}",
            # All load comes from one address, and the limits are not what is measured.
            "RATE_LIMIT_SIGN_PER_IP": "1000000000",
            "RATE_LIMIT_SIGN_PER_EMAIL": "1000",
            "BENCH_STATIC_ROOT": str(self.workdir / "static"),
        }

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        recreate_database(self.database)
        flush_redis()
        self.manage("migrate", "--noinput")
        self.manage("seed_campaign")
        self.manage("collectstatic", "--noinput")
        self.sql(
            "CREATE TABLE bench_floor (id bigserial PRIMARY KEY, email text, created_at timestamptz DEFAULT now())"
        )
        self.sink.start()
        # Sync workers, 2 x cores + 1 (gunicorn's advice; the Dockerfile runs sync too): the views are short
        # and CPU-bound, and in production a proxy in front buffers slow clients, so threads would add little.
        self._spawn(
            "web",
            [
                BIN / "gunicorn",
                "campaign.wsgi:application",
                f"--bind=127.0.0.1:{self.web_port}",
                f"--workers={self.web_workers}",
                "--worker-class=sync",
                "--timeout=30",
            ],
        )
        self._spawn(
            "worker",
            [
                BIN / "celery",
                "-A",
                "campaign",
                "worker",
                "-Q",
                "mail,default",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
            ],
            background=True,
        )
        # As in production (docker-compose.yml): beat sends the periodic tasks, among them the one that
        # records the signatures the sign form took, every second.
        self._spawn(
            "beat",
            [BIN / "celery", "-A", "campaign", "beat", "--loglevel=WARNING", f"--schedule={self.workdir / 'beat'}"],
            background=True,
        )
        self._wait_for_web()

    def stop(self):
        for process in reversed(self.processes):
            _stop_group(process)
        self.processes.clear()
        if self.sink.running:
            self.sink.stop()
        drop_database(self.database)
        flush_redis()

    def manage(self, *args):
        subprocess.run(
            [sys.executable, ROOT / "manage.py", *args], env=self.env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    def sql(self, query, params=None):
        """Run one statement; return its rows if it has any."""
        with psycopg.connect(self.database_url, autocommit=True) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else None

    def log_path(self, name):
        return self.workdir / f"{name}.log"

    def _spawn(self, name, command, *, background=False):
        log = open(self.log_path(name), "w")  # noqa: SIM115 - closed when the process ends
        process = subprocess.Popen(
            [str(part) for part in command],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        if background:
            _lower_priority(process.pid)

    def _wait_for_web(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer; see {self.log_path('web')}")


def _lower_priority(pid):
    """A smaller CPU share for a process group we started (before it forks its pool)."""
    os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICE)
    try:
        Path(f"/proc/{pid}/autogroup").write_text(str(BACKGROUND_NICE))
    except OSError:  # a kernel without autogroup: the process's own priority is what counts
        pass


def _stop_group(process, timeout=20):
    """Stop a process we started and its children (it leads its own process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
