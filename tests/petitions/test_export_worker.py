"""The background export end to end: a real Celery worker on Redis, on the exports queue."""

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from campaign.celery import app as celery_app
from petitions.models import ExportJob
from tests.conftest import verified_login
from tests.journeys import wait_until
from tests.petitions.conftest import make_signature

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def export_worker(services, transactional_db, settings, tmp_path):
    """`celery worker -Q exports` in a subprocess, on the test database and Redis."""
    celery_app.conf.task_always_eager = False
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge("exports")  # nothing left over from an earlier run
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "EXPORT_ROOT": str(settings.EXPORT_ROOT),
    }
    command = [sys.executable, "-m", "celery", "-A", "campaign", "worker", "-Q", "exports", "-P", "solo"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"]
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 (closed below)
    worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    yield worker
    worker.terminate()
    worker.wait(timeout=20)
    log.seek(0)
    print(log.read())  # shown by pytest if the test failed
    log.close()


@pytest.mark.django_db(transaction=True)
def test_an_xlsx_export_is_written_by_a_real_worker(client, export_worker, petition, organiser):
    for name in ("Алесь", "Aleś", "عليس", "✊🏽"):
        make_signature(petition, first_name=name)
    verified_login(client, organiser)
    response = client.post(
        reverse("admin:petitions_petition_export", args=[petition.pk]), {"format": "xlsx", "status": "confirmed"}
    )
    assert response.status_code == 302
    job = ExportJob.objects.get()
    done = lambda: ExportJob.objects.get(pk=job.pk).status == ExportJob.Status.DONE  # noqa: E731
    assert wait_until(done, timeout=60), "the worker did not run"
    job.refresh_from_db()
    assert job.rows_done == 4 and job.file_name.endswith(".xlsx")
    assert (Path(settings.EXPORT_ROOT) / job.file_name).exists()

    download = client.get(reverse("admin:petitions_exportjob_download", args=[job.pk]))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    names = [row[0] for row in workbook.active.iter_rows(values_only=True)]
    assert names == ["first_name", "Алесь", "Aleś", "عليس", "✊🏽"]
