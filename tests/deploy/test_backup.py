"""Backups that restore: deploy/backup.sh (what the compose `backup` service runs) dumps a database with
signatures, outbox rows and people; deploy/restore.sh restores it into an empty one, and only an empty one."""

import os
import shutil
import subprocess
import time
from datetime import date

import psycopg
import pytest
from django.db import connection

from campaign.models import OutgoingEmail, Person, StatusChange
from petitions.models import Petition, Signature
from tests.campaign.builders import add_status, make_person
from tests.conftest import HAVE_SERVICES, _skip_or_fail, queued_email
from tests.journeys import ROOT, shared_database_url
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db(transaction=True)
BACKUP = ROOT / "deploy" / "backup.sh"
RESTORE = ROOT / "deploy" / "restore.sh"
DAY = 24 * 3600


@pytest.fixture
def postgres_tools():
    if not HAVE_SERVICES:
        _skip_or_fail("needs PostgreSQL (set DATABASE_URL and REDIS_URL)")
    for tool in ("pg_dump", "pg_restore", "psql"):
        if shutil.which(tool) is None:
            _skip_or_fail(f"needs {tool} (apt-get install postgresql-client)")


@pytest.fixture
def empty_database(postgres_tools):
    """A new, empty database next to the test database; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    admin_url = shared_database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield shared_database_url().rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(script, *args, **env):
    return subprocess.run(
        ["sh", str(script), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


def rows(url, table, order="id"):
    with psycopg.connect(url) as conn:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()


def campaign_data(petition):
    for n in range(25):
        make_signature(petition, first_name=f"Алесь {n}", status=Signature.Status.PENDING if n % 5 else "confirmed")
    for n in range(7):
        queued_email(to=f"reader{n}@example.org")
    person = make_person(slug="ales")
    add_status(person, "imprisoned", date(2021, 7, 14), source="https://spring96.org/")
    make_person(slug="valiantsin", name_latin="Valiantsin Stefanovich")


def test_a_dump_restores_into_an_empty_database_with_every_row(petition, empty_database, tmp_path):
    campaign_data(petition)
    backups = tmp_path / "backups"
    backups.mkdir()
    source = shared_database_url()

    result = run(BACKUP, "once", DATABASE_URL=source, BACKUP_DIR=str(backups))
    assert result.returncode == 0, result.stderr
    [dump] = backups.glob("campaign-*.dump")
    assert f"wrote {dump.name}" in result.stdout and "keeping 1 dumps" in result.stdout

    result = run(RESTORE, str(dump), empty_database)
    assert result.returncode == 0, result.stderr
    for model, count in [(Signature, 25), (OutgoingEmail, 7), (Person, 2), (StatusChange, 1), (Petition, 1)]:
        table = model._meta.db_table
        restored = rows(empty_database, table)
        assert len(restored) == count == model.objects.count()
        assert restored == rows(source, table)  # every column of every row, Cyrillic included
    assert rows(empty_database, "django_migrations") == rows(source, "django_migrations")


def test_restore_refuses_a_database_that_is_not_empty(petition, empty_database, tmp_path):
    campaign_data(petition)
    run(BACKUP, "once", DATABASE_URL=shared_database_url(), BACKUP_DIR=str(tmp_path))
    [dump] = tmp_path.glob("campaign-*.dump")
    assert run(RESTORE, str(dump), empty_database).returncode == 0

    again = run(RESTORE, str(dump), empty_database)
    assert again.returncode == 3
    assert "not empty" in again.stderr and "refusing" in again.stderr
    assert len(rows(empty_database, Signature._meta.db_table)) == 25

    into_live = run(RESTORE, str(dump), shared_database_url())
    assert into_live.returncode == 3
    assert Signature.objects.count() == 25


def test_restore_refuses_a_file_that_is_not_a_dump(empty_database, tmp_path):
    junk = tmp_path / "campaign-20260101T030000Z.dump"
    junk.write_bytes(b"not a dump")
    result = run(RESTORE, str(junk), empty_database)
    assert result.returncode == 2
    assert "not a dump" in result.stderr


def test_old_dumps_are_deleted_and_the_log_says_what_is_kept(petition, postgres_tools, tmp_path):
    now = time.time()
    ages = {"campaign-20260101T030000Z.dump": 3.5, "campaign-20260103T030000Z.dump": 1.5}
    for name, days in ages.items():
        (tmp_path / name).write_bytes(b"an older dump")
        os.utime(tmp_path / name, (now - days * DAY, now - days * DAY))

    result = run(BACKUP, "once", DATABASE_URL=shared_database_url(), BACKUP_DIR=str(tmp_path), BACKUP_KEEP_DAYS="2")

    assert result.returncode == 0, result.stderr
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept[0] == "campaign-20260103T030000Z.dump" and len(kept) == 2
    assert "deleted campaign-20260101T030000Z.dump (older than 2 days)" in result.stdout
    assert f"keeping 2 dumps, campaign-20260103T030000Z.dump to {kept[1]}" in result.stdout
    assert run(BACKUP, "check", DATABASE_URL="unused", BACKUP_DIR=str(tmp_path)).returncode == 0


def test_the_health_check_fails_without_a_recent_dump(postgres_tools, tmp_path):
    stale = tmp_path / "campaign-20260101T030000Z.dump"
    stale.write_bytes(b"an older dump")
    os.utime(stale, (time.time() - 2 * DAY, time.time() - 2 * DAY))
    assert run(BACKUP, "check", DATABASE_URL="unused", BACKUP_DIR=str(tmp_path)).returncode != 0


def test_the_service_loop_dumps_at_start_and_stops_on_sigterm(petition, postgres_tools, tmp_path):
    """What the compose service runs: with no recent dump it makes one at once; `docker compose stop` ends it."""
    env = {**os.environ, "DATABASE_URL": shared_database_url(), "BACKUP_DIR": str(tmp_path), "BACKUP_HOUR": "3"}
    loop = subprocess.Popen(
        ["sh", str(BACKUP), "loop"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("campaign-*.dump")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(list(tmp_path.glob("campaign-*.dump"))) == 1
        time.sleep(0.5)
    finally:
        loop.terminate()
        output, _ = loop.communicate(timeout=10)
    assert loop.returncode == 0
    assert "dumping every night at 3:00 UTC" in output and "keeping 1 dumps" in output and "stopped" in output
    assert run(BACKUP, "check", DATABASE_URL="unused", BACKUP_DIR=str(tmp_path)).returncode == 0
