import csv
import dataclasses
import datetime
import io
import json

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from campaign.exports import FORMATS
from petitions import exports
from petitions.models import ExportJob, ExportRecord, Signature
from tests.conftest import verified_login
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

NAMES = {
    "cyrillic": ("Алесь", "Бяляцкі"),
    "lacinka": ("Aleś", "Bialacki Łukašenka-free ŭ"),
    "arabic": ("عليس", "بيالياتسكي"),
    "emoji": ("Ales ✊🏽", "🕊️ Viasna"),
}
FORMULAS = ['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def export_url(petition):
    return reverse("admin:petitions_petition_export", args=[petition.pk])


def export(client, petition, **data):
    return client.post(export_url(petition), {"format": "csv", "status": "confirmed", **data})


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def streamed(response):
    assert response.streaming
    return b"".join(response.streaming_content)


def written(file_format, petition, tmp_path, filters=None):
    path = tmp_path / f"out.{file_format}"
    FORMATS[file_format].write(exports.EXPORTERS["signatures"].rows(petition, filters or {}), path)
    return path


def xlsx_rows(path):
    workbook = openpyxl.load_workbook(path, read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_an_organiser_downloads_a_streamed_csv_with_sensible_columns(client, organiser, petition):
    make_signature(petition, first_name="Alesia", city="Vilnius", keep_informed=True)
    verified_login(client, organiser)
    response = export(client, petition)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{petition.slug}-signatures-' in response["Content-Disposition"]
    header, row = csv_rows(streamed(response))
    assert header == [
        "first_name",
        "last_name",
        "email",
        "country",
        "country_name",
        "city",
        "comment",
        "show_publicly",
        "keep_informed",
        "language",
        "status",
        "signed_at",
        "confirmed_at",
    ]
    assert row[:9] == ["Alesia", "Kavalenka", row[2], "LT", "Lithuania", "Vilnius", "", "no", "yes"]
    assert "id" not in header and "email_key" not in header


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, {"old-confirmed", "new-confirmed", "by-informed", "in-poland"}),
        ({"status": "pending"}, {"pending"}),
        ({"status": "all"}, {"old-confirmed", "new-confirmed", "by-informed", "in-poland", "pending"}),
        ({"country": "PL"}, {"in-poland"}),
        ({"keep_informed": "yes"}, {"by-informed"}),
        ({"keep_informed": "no"}, {"old-confirmed", "new-confirmed", "in-poland"}),
        ({"date_from": "2026-03-01"}, {"new-confirmed", "by-informed", "in-poland"}),
        ({"date_to": "2026-02-28"}, {"old-confirmed"}),
        ({"date_from": "2026-03-10", "date_to": "2026-03-10"}, {"new-confirmed"}),
    ],
)
def test_filters(client, organiser, petition, filters, expected):
    def at(day):
        return timezone.make_aware(datetime.datetime(2026, *day, 12))

    make_signature(petition, first_name="old-confirmed", created_at=at((2, 1)))
    make_signature(petition, first_name="new-confirmed", created_at=at((3, 10)))
    make_signature(petition, first_name="by-informed", created_at=at((3, 11)), keep_informed=True)
    make_signature(petition, first_name="in-poland", created_at=at((3, 12)), country="PL")
    make_signature(petition, first_name="pending", created_at=at((3, 12)), status=Signature.Status.PENDING)
    verified_login(client, organiser)
    rows = csv_rows(streamed(export(client, petition, **filters)))
    assert {row[0] for row in rows[1:]} == expected


def test_a_date_means_the_organisers_day(client, organiser, petition):
    """Signed at 23:30 UTC on 9 March is already 10 March in Minsk."""
    make_signature(petition, first_name="late", created_at=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC))
    verified_login(client, organiser)
    rows = csv_rows(streamed(export(client, petition, date_from="2026-03-10", date_to="2026-03-10")))
    assert [row[0] for row in rows[1:]] == ["late"]


def test_a_bad_date_range_is_refused(client, organiser, petition):
    verified_login(client, organiser)
    response = export(client, petition, date_from="2026-03-10", date_to="2026-03-01")
    assert response.status_code == 200 and "The start date is after the end date." in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_formulas_are_neutralised_in_csv_and_xlsx(petition, tmp_path):
    for n, formula in enumerate(FORMULAS):
        make_signature(
            petition, first_name=formula, last_name="Safe", city=formula, comment=formula, email=f"{n}@x.org"
        )
    with open(written("csv", petition, tmp_path), encoding="utf-8-sig", newline="") as file:
        csv_data = list(csv.reader(file))[1:]
    xlsx_data = xlsx_rows(written("xlsx", petition, tmp_path))[1:]
    expected = sorted("'" + formula for formula in FORMULAS)
    assert sorted(row[0] for row in csv_data) == expected
    # XML (inside XLSX) reads a carriage return back as a line feed; what matters is the apostrophe.
    assert sorted(row[0] for row in xlsx_data) == [value.replace("\r", "\n") for value in expected]
    for rows in (csv_data, xlsx_data):
        for row in rows:
            assert row[0] == row[5] == row[6]  # first name, city and comment alike
            assert row[1] == "Safe"
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert all(cell.data_type == "s" for row in workbook.active.iter_rows(min_row=2) for cell in row[:3])


def test_names_in_every_script_survive_the_round_trip(petition, tmp_path):
    for n, (first, last) in enumerate(NAMES.values()):
        make_signature(petition, first_name=first, last_name=last, comment=f"{first} — {last}", email=f"n{n}@x.org")
    expected = sorted((first, last, f"{first} — {last}") for first, last in NAMES.values())

    with open(written("csv", petition, tmp_path), encoding="utf-8-sig", newline="") as file:
        from_csv = [(row[0], row[1], row[6]) for row in list(csv.reader(file))[1:]]
    from_xlsx = [(row[0], row[1], row[6]) for row in xlsx_rows(written("xlsx", petition, tmp_path))[1:]]
    from_json = [
        (item["first_name"], item["last_name"], item["comment"])
        for item in json.loads(written("json", petition, tmp_path).read_text(encoding="utf-8"))
    ]
    assert sorted(from_csv) == sorted(from_xlsx) == sorted(from_json) == expected


def test_json_keeps_types(petition, tmp_path):
    signature = make_signature(petition, show_publicly=True, confirmed_at=timezone.now())
    [item] = json.loads(written("json", petition, tmp_path).read_text(encoding="utf-8"))
    assert item["show_publicly"] is True and item["keep_informed"] is False
    assert item["confirmed_at"] == signature.confirmed_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert item["signed_at"].endswith("Z")


def test_every_export_is_audited(client, organiser, petition, settings, django_capture_on_commit_callbacks, tmp_path):
    make_signature(petition)
    make_signature(petition, country="PL")
    verified_login(client, organiser)
    export(client, petition, country="PL")
    with django_capture_on_commit_callbacks(execute=True):
        export(client, petition, format="xlsx")
    call_command("export_signatures", petition.slug, "--format", "json", "--output", str(tmp_path / "x.json"))
    records = list(ExportRecord.objects.filter(outcome="started").order_by("created_at"))
    assert [(r.actor.split(" ")[0], r.via, r.format, r.row_count, r.filters) for r in records] == [
        ("alice", "download", "csv", 1, {"status": "confirmed", "country": "PL"}),
        ("alice", "background", "xlsx", 2, {"status": "confirmed"}),
        ("manage.py", "command", "json", 2, {"status": "confirmed"}),
    ]
    assert records[0].user == organiser and records[2].user is None
    # The download was never read, so only the job and the command finished.
    finished = ExportRecord.objects.exclude(outcome="started")
    assert sorted((r.started.via, r.outcome) for r in finished) == [("background", "done"), ("command", "done")]


def test_organisers_read_the_audit_log_and_nobody_edits_it(client, organiser, petition):
    make_signature(petition)
    verified_login(client, organiser)
    export(client, petition)
    record = ExportRecord.objects.get()
    changelist = client.get(reverse("admin:petitions_exportrecord_changelist"))
    assert changelist.status_code == 200 and "alice" in changelist.content.decode()
    change = client.get(reverse("admin:petitions_exportrecord_change", args=[record.pk]))
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    change_url = reverse("admin:petitions_exportrecord_change", args=[record.pk])
    delete_url = reverse("admin:petitions_exportrecord_delete", args=[record.pk])
    assert client.post(change_url, {"row_count": 0}).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:petitions_exportrecord_add")).status_code == 403
    verified_login(client, type(organiser).objects.create_superuser("root", "root@example.org", "password"))
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert ExportRecord.objects.get().row_count == 1


@pytest.mark.parametrize("persona", ["staff_without_permission", "stranger", "anonymous"])
def test_only_organisers_with_the_permission_may_export(client, request, petition, persona, organiser):
    make_signature(petition)
    job = ExportJob.objects.create(
        petition=petition, requested_by=organiser, format="csv", status="done", expires_at=timezone.now()
    )
    if persona != "anonymous":
        verified_login(client, request.getfixturevalue(persona))
    assert client.get(export_url(petition)).status_code == 403
    assert export(client, petition).status_code == 403
    assert client.post(reverse("admin:petitions_petition_handover", args=[petition.pk])).status_code == 403
    assert client.get(reverse("admin:petitions_exportjob_download", args=[job.pk])).status_code == 403
    assert not ExportRecord.objects.exists()


def test_a_big_export_runs_in_the_background_for_its_requester_only(
    client, organiser, second_organiser, petition, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_STREAM_MAX_ROWS = 2
    for _ in range(3):
        make_signature(petition, first_name="Алесь")
    verified_login(client, organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = export(client, petition)
    assert response.status_code == 302 and response["Location"] == reverse("admin:petitions_exportjob_changelist")
    job = ExportJob.objects.get()
    assert (job.status, job.rows_done, job.expected_rows, job.filters) == ("done", 3, 3, {"status": "confirmed"})
    page = client.get(response["Location"]).content.decode()
    assert "100% (3 of about 3)" in page and "Download" in page
    assert "The export of 3 signatures runs in the background" in page

    download = client.get(reverse("admin:petitions_exportjob_download", args=[job.pk]))
    assert download.status_code == 200
    rows = csv_rows(b"".join(download.streaming_content))
    assert [row[0] for row in rows] == ["first_name", "Алесь", "Алесь", "Алесь"]

    verified_login(client, second_organiser)
    assert client.get(reverse("admin:petitions_exportjob_download", args=[job.pk])).status_code == 404
    assert "Download" not in client.get(response["Location"]).content.decode()


def test_xlsx_always_runs_in_the_background(client, organiser, petition, django_capture_on_commit_callbacks):
    make_signature(petition, first_name="Aleś")
    verified_login(client, organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = export(client, petition, format="xlsx")
    assert response.status_code == 302
    job = ExportJob.objects.get()
    download = client.get(reverse("admin:petitions_exportjob_download", args=[job.pk]))
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    assert [row[0] for row in workbook.active.iter_rows(values_only=True)] == ["first_name", "Aleś"]


def test_expired_exports_are_deleted_and_the_sweep_is_safe_to_run_twice(
    client, organiser, petition, django_capture_on_commit_callbacks
):
    make_signature(petition)
    verified_login(client, organiser)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, petition, format="xlsx")
    job = ExportJob.objects.get()
    path = exports.export_path(job.file_name)
    assert path.exists()
    exports.export_jobs_expire()
    assert path.exists()  # not yet expired
    ExportJob.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(reverse("admin:petitions_exportjob_download", args=[job.pk])).status_code == 404
    exports.export_jobs_expire()
    exports.export_jobs_expire()
    assert not path.exists() and not ExportJob.objects.exists()
    assert ExportRecord.objects.count() == 2  # the audit log (started, done) outlives the file


def test_a_lost_export_task_is_enqueued_again(organiser, petition, django_capture_on_commit_callbacks):
    make_signature(petition)
    job = exports.signatures_export(
        petition=petition, user=organiser, format="csv", filters={}, via=ExportRecord.Via.BACKGROUND
    ).job  # on_commit never ran: as if the broker had been down
    ExportJob.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    exports.export_jobs_expire()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and exports.export_path(job.file_name).exists()
    assert exports.export_job_run(job_id=job.pk) is None  # a duplicate task does nothing


def test_the_command_exports_with_the_same_filters(petition, tmp_path):
    make_signature(petition, first_name="Aleś", country="PL")
    make_signature(petition, first_name="Other")
    output = tmp_path / "pl.csv"
    out = io.StringIO()
    call_command("export_signatures", petition.slug, "--country", "PL", "--output", str(output), stdout=out)
    assert "Wrote 1 signatures" in out.getvalue()
    with open(output, encoding="utf-8-sig", newline="") as file:
        assert [row[0] for row in csv.reader(file)] == ["first_name", "Aleś"]
    with pytest.raises(CommandError, match="No petition"):
        call_command("export_signatures", "nope", "--output", str(output))
    with pytest.raises(CommandError, match="date_from"):
        call_command("export_signatures", petition.slug, "--from", "yesterday", "--output", str(output))


def test_a_streamed_export_is_logged_done_only_when_the_last_chunk_went_out(client, organiser, petition):
    make_signature(petition)
    verified_login(client, organiser)
    response = export(client, petition, format="json")
    assert list(ExportRecord.objects.values_list("outcome", flat=True)) == ["started"]
    json.loads(streamed(response))
    done = ExportRecord.objects.get(outcome="done")
    assert done.started == ExportRecord.objects.get(outcome="started") and done.row_count == 1


def test_an_interrupted_download_is_logged_as_failed(organiser, petition):
    make_signature(petition)
    download = exports.signatures_export(
        petition=petition, user=organiser, format="csv", filters={}, via=ExportRecord.Via.DOWNLOAD
    )
    chunks = download.chunks()
    next(chunks)
    chunks.close()  # what the server's response.close() does when the browser goes away
    failed = ExportRecord.objects.get(outcome="failed")
    assert failed.reason == "the download was interrupted"


def test_a_failed_background_export_is_logged_with_its_reason(
    organiser, petition, monkeypatch, django_capture_on_commit_callbacks
):
    make_signature(petition)

    def broken(rows, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(FORMATS, "xlsx", dataclasses.replace(FORMATS["xlsx"], writer=broken))
    with django_capture_on_commit_callbacks(execute=True):  # the eager task logs the error
        exports.signatures_export(
            petition=petition, user=organiser, format="xlsx", filters={}, via=ExportRecord.Via.DOWNLOAD
        )
    assert ExportJob.objects.get().status == ExportJob.Status.FAILED
    failed = ExportRecord.objects.get(outcome="failed")
    assert failed.via == "background" and "No space left on device" in failed.reason
    assert not ExportRecord.objects.filter(outcome="done").exists()


def test_the_message_for_a_background_export_of_one_signature_is_singular(
    client, organiser, petition, django_capture_on_commit_callbacks
):
    make_signature(petition)
    verified_login(client, organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = export(client, petition, format="xlsx")  # XLSX is always made in the background
    assert "The export of 1 signature runs in the background" in client.get(response["Location"]).content.decode()
