"""Exports of a petition's signatures, whoever asks and however: one home for all of it.

- An exporter (pretix's BaseExporter) owns its identifier, label, filter form, file name and rows.
- `signatures_export` is the one service the admin page and `manage.py export_signatures` call: it
  counts, writes the audit row, and returns an `Export` to stream or write, or a background job.
- The audit log is append-only: a 'started' row when an export begins, then a 'done' or 'failed'
  row (with the reason) when it ends, so the log never claims an export that did not finish.
- The writers (CSV, XLSX, JSON) are the site's, in campaign/exports.py.
"""

import datetime
import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from celery import shared_task
from django import forms
from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, Func
from django.utils import timezone
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from campaign.exports import FORMATS, Format, copy_csv_chunks, csv_line_sql
from petitions.handover import handover_pdf, public_name_count
from petitions.models import ExportJob, ExportRecord, Signature

log = logging.getLogger(__name__)

# How long a background export's file is kept (the privacy page says so).
EXPORT_EXPIRY = datetime.timedelta(hours=24)
# A background export still queued after this long lost its task (broker down): enqueue it again.
EXPORT_REQUEUE_AFTER = datetime.timedelta(minutes=2)
PROGRESS_EVERY = 10_000


class UTCText(Func):
    """A timestamp as ISO 8601 text in UTC, formatted by the database.

    Django's timestamptz loader for psycopg is pure Python: loading two timestamps per row took
    half the export's time (see bench/export_bench.py). SQLite stores UTC text already; its form
    avoids strftime's '%', which the debug cursor (DEBUG on) cannot format.
    """

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="replace(datetime(%(expressions)s), ' ', 'T') || 'Z'")


class ExportForm(forms.Form):
    """The filters (and format) of a signatures export, shared by the admin page and the command."""

    format = forms.ChoiceField(choices=[(key, f.name) for key, f in FORMATS.items()], initial="xlsx")
    status = forms.ChoiceField(
        choices=[("confirmed", "Confirmed"), ("pending", "Waiting for confirmation"), ("all", "All")],
        initial="confirmed",
    )
    date_from = forms.DateField(required=False, label="Signed on or after", widget=forms.DateInput({"type": "date"}))
    date_to = forms.DateField(required=False, label="Signed on or before", widget=forms.DateInput({"type": "date"}))
    country = LazyTypedChoiceField(choices=[("", "Any country")] + list(countries), required=False)
    keep_informed = forms.ChoiceField(
        choices=[
            ("", "Everyone"),
            ("yes", "Only those who asked to be kept informed"),
            ("no", "Only those who did not"),
        ],
        required=False,
        label="Kept informed",
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("The start date is after the end date.")
        return data

    def filters(self):
        """The filters as JSON-safe values: stored on the job and in the audit log."""
        data = self.cleaned_data
        filters = {"status": data["status"]}
        for key in ("date_from", "date_to"):
            if data.get(key):
                filters[key] = data[key].isoformat()
        for key in ("country", "keep_informed"):
            if data.get(key):
                filters[key] = data[key]
        return filters


class SignaturesExporter:
    """Every signature of a petition that passes the filters. No ids, tokens or email keys."""

    identifier = "signatures"
    label = "Signatures"
    form_class = ExportForm
    header = ("first_name", "last_name", "email", "country", "country_name", "city", "comment")
    header += ("show_publicly", "keep_informed", "language", "status", "signed_at", "confirmed_at")
    fields = ("first_name", "last_name", "email", "country", "city", "comment")
    fields += ("show_publicly", "keep_informed", "language", "status", "signed_at_utc", "confirmed_at_utc")
    # For the CSV written by COPY (campaign.exports.csv_line_sql); the others are text. Timestamps
    # formatted by to_char never start with a formula character nor hold a comma.
    csv_kinds = {
        "show_publicly": "bool",
        "keep_informed": "bool",
        "signed_at_utc": "plain",
        "confirmed_at_utc": "plain",
    }

    def file_name(self, petition, extension):
        return f"{petition.slug}-signatures-{timezone.localdate():%Y-%m-%d}.{extension}"

    def queryset(self, petition, filters):
        signatures = Signature.objects.filter(petition=petition)
        if filters.get("status", "confirmed") != "all":
            signatures = signatures.filter(status=filters.get("status", "confirmed"))
        if filters.get("date_from"):
            signatures = signatures.filter(created_at__gte=_start_of(filters["date_from"]))
        if filters.get("date_to"):
            signatures = signatures.filter(created_at__lt=_start_of(filters["date_to"], days=1))
        if filters.get("country"):
            signatures = signatures.filter(country=filters["country"])
        if filters.get("keep_informed"):
            signatures = signatures.filter(keep_informed=filters["keep_informed"] == "yes")
        return signatures

    def rows(self, petition, filters):
        """The header, then one tuple per signature, read with a server-side cursor."""
        names = dict(countries)
        yield self.header
        signatures = self.queryset(petition, filters).annotate(
            signed_at_utc=UTCText("created_at"), confirmed_at_utc=UTCText("confirmed_at")
        )
        for row in signatures.order_by("pk").values_list(*self.fields).iterator(chunk_size=5000):
            yield row[:4] + (names.get(row[3], row[3]),) + row[4:]

    def csv_chunks(self, petition, filters):
        """The CSV file as bytes: on PostgreSQL written by COPY (the same bytes as csv_chunks(rows()))."""
        if connection.vendor != "postgresql":
            yield from (chunk.encode() for chunk in FORMATS["csv"].chunks(self.rows(petition, filters)))
            return
        signatures = self.queryset(petition, filters).annotate(
            signed_at_utc=UTCText("created_at"), confirmed_at_utc=UTCText("confirmed_at")
        )
        # Unordered inside, ordered outside: PostgreSQL then flattens the two, and the lines are made
        # below the sort, in its parallel workers.
        inner, params = signatures.order_by().values_list("pk", *self.fields).query.sql_with_params()
        columns = ("pk", *self.fields)
        cells = []
        for field in self.fields:
            cells.append((f"s.{field}", self.csv_kinds.get(field, "text")))
            if field == "country":  # the country's name follows its code, as in rows()
                cells.append(("coalesce(n.names ->> s.country, s.country)", "text"))
        names = json.dumps(dict(countries))
        select = (
            f"SELECT {csv_line_sql(cells)} FROM (SELECT %s::jsonb AS names) AS n,"
            f" ({inner}) AS s({', '.join(columns)}) ORDER BY s.pk"
        )
        with connection.cursor() as cursor:  # psycopg's own cursor: Django's debug wrapper takes no params
            raw = cursor.cursor
            yield from copy_csv_chunks(cursor=raw, header=self.header, select=select, params=(names, *params))


EXPORTERS = {exporter.identifier: exporter for exporter in (SignaturesExporter(),)}


def _start_of(iso_date, days=0):
    """Midnight in the site's time zone, so that a date means the organisers' day."""
    day = datetime.date.fromisoformat(iso_date) + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


# --- the audit log ----------------------------------------------------------------------------------


def export_started(*, petition, user, via, format, filters, row_count, actor=None):
    """The audit row every export writes before it hands anything out."""
    return ExportRecord.objects.create(
        petition=petition,
        user=user,
        actor=actor or user.get_username(),
        via=via,
        format=format,
        filters=filters,
        row_count=row_count,
        outcome=ExportRecord.Outcome.STARTED,
    )


def export_finished(started, *, error=None):
    """Append 'done', or 'failed' with the reason, for the export `started` began."""
    return ExportRecord.objects.create(
        petition_id=started.petition_id,
        user_id=started.user_id,
        actor=started.actor,
        via=started.via,
        format=started.format,
        filters=started.filters,
        row_count=started.row_count,
        outcome=ExportRecord.Outcome.FAILED if error else ExportRecord.Outcome.DONE,
        reason=error or "",
        started=started,
    )


def _failure_reason(exc):
    return f"{type(exc).__name__}: {exc}"[:500]


# --- the one way to export --------------------------------------------------------------------------


@dataclass
class Export:
    """An export that was counted and logged: stream it, write it, or wait for its background job."""

    petition: object
    exporter: SignaturesExporter
    file_format: Format
    filters: dict
    count: int
    record: ExportRecord
    job: ExportJob | None = None

    @property
    def file_name(self):
        return self.exporter.file_name(self.petition, self.file_format.extension)

    def rows(self):
        return self.exporter.rows(self.petition, self.filters)

    def byte_chunks(self):
        """The file as UTF-8 chunks (CSV through COPY on PostgreSQL), without logging."""
        if self.file_format.extension == "csv":
            return self.exporter.csv_chunks(self.petition, self.filters)
        return (chunk.encode() for chunk in self.file_format.chunks(self.rows()))

    def chunks(self):
        """The file as UTF-8 chunks; the log says 'done' after the last one, 'failed' if it broke off."""
        try:
            yield from self.byte_chunks()  # closing this closes the COPY first, then logs
        except GeneratorExit:  # the browser went away
            export_finished(self.record, error="the download was interrupted")
            raise
        except Exception as exc:
            export_finished(self.record, error=_failure_reason(exc))
            raise
        export_finished(self.record)

    def write(self, path):
        try:
            if self.file_format.streams:
                write_bytes(self.byte_chunks(), path)
            else:
                self.file_format.write(self.rows(), path)
        except Exception as exc:
            Path(path).unlink(missing_ok=True)
            export_finished(self.record, error=_failure_reason(exc))
            raise
        export_finished(self.record)


def signatures_export(*, petition, format, filters, via, user=None, actor=None, exporter="signatures"):
    """Count the rows, log the export, and return it.

    A download that may stream (CSV, JSON) and is small enough comes back ready to stream; anything
    else asked for in the admin becomes a background job. The command always gets the file itself.
    """
    exporter = EXPORTERS[exporter]
    file_format = FORMATS[format]
    count = exporter.queryset(petition, filters).count()
    if via == ExportRecord.Via.DOWNLOAD and not (file_format.streams and count <= settings.EXPORT_STREAM_MAX_ROWS):
        via = ExportRecord.Via.BACKGROUND
    with transaction.atomic():
        record = export_started(
            petition=petition, user=user, actor=actor, via=via, format=format, filters=filters, row_count=count
        )
        job = None
        if via == ExportRecord.Via.BACKGROUND:
            job = ExportJob.objects.create(
                petition=petition,
                requested_by=user,
                format=format,
                filters=filters,
                expected_rows=count,
                expires_at=timezone.now() + EXPORT_EXPIRY,
                record=record,
            )
            run_export_job.enqueue_after_commit(job.pk)
    return Export(petition, exporter, file_format, filters, count, record, job)


def handover_export(*, petition, user):
    """Log the handover PDF and build it in the background (11 s at a million signatures)."""
    count = public_name_count(petition)
    with transaction.atomic():
        record = export_started(
            petition=petition, user=user, via=ExportRecord.Via.HANDOVER, format="pdf", filters={}, row_count=count
        )
        job = ExportJob.objects.create(
            petition=petition,
            requested_by=user,
            format="pdf",
            expected_rows=count,
            expires_at=timezone.now() + EXPORT_EXPIRY,
            record=record,
        )
        run_export_job.enqueue_after_commit(job.pk)
    return job


def job_download(job):
    """(file name, content type) of a finished job's file, for its requester's download."""
    if job.format == "pdf":
        return f"{job.petition.slug}-handover-{timezone.localdate()}.pdf", "application/pdf"
    file_format = FORMATS[job.format]
    return EXPORTERS["signatures"].file_name(job.petition, file_format.extension), file_format.content_type


# --- background jobs --------------------------------------------------------------------------------


@shared_task(acks_late=True, ignore_result=True)
def run_export_job(job_id):
    export_job_run(job_id=job_id)


def export_job_run(*, job_id):
    """Write the export file. Runs once: the conditional UPDATE claims the job."""
    job = ExportJob.objects.filter(pk=job_id).select_related("petition", "record").first()
    if job is None:
        return None
    file_format = FORMATS.get(job.format)  # None for the handover PDF
    file_name = f"{uuid.uuid4().hex}.{job.format}"
    if not ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING, file_name=file_name
    ):
        return None  # another worker has it, or it is done
    path = export_path(file_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    exporter = EXPORTERS["signatures"]
    try:
        if job.format == "pdf":
            with open(path, "wb") as file:
                handover_pdf(job.petition, file)
            ExportJob.objects.filter(pk=job_id).update(rows_done=job.expected_rows)
        elif job.format == "csv":  # COPY holds the connection: progress is saved at the end
            write_bytes(exporter.csv_chunks(job.petition, job.filters), path)
            ExportJob.objects.filter(pk=job_id).update(rows_done=job.expected_rows)
        else:
            file_format.write(_with_progress(exporter.rows(job.petition, job.filters), job_id=job_id), path)
    except Exception as exc:
        path.unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job_id).update(status=ExportJob.Status.FAILED, finished_at=timezone.now())
        if job.record:
            export_finished(job.record, error=_failure_reason(exc))
        raise
    ExportJob.objects.filter(pk=job_id).update(status=ExportJob.Status.DONE, finished_at=timezone.now())
    if job.record:
        export_finished(job.record)
    log.info("export job %s done", job_id)
    return path


def write_bytes(chunks, path):
    with open(path, "wb") as file:
        for chunk in chunks:
            file.write(chunk)


def export_path(file_name):
    return Path(settings.EXPORT_ROOT) / file_name


def _with_progress(rows, *, job_id):
    """Pass the rows on, saving how many went by so that the organiser sees the progress."""
    rows = iter(rows)
    yield next(rows)  # the header
    done = 0
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job_id).update(rows_done=done)
    ExportJob.objects.filter(pk=job_id).update(rows_done=done)


def export_jobs_expire():
    """Delete expired export files and jobs; enqueue jobs whose task was lost. Safe to run twice."""
    now = timezone.now()
    for job_id, file_name in ExportJob.objects.filter(expires_at__lte=now).values_list("pk", "file_name"):
        if file_name:
            export_path(file_name).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job_id).delete()
    lost = ExportJob.objects.filter(status=ExportJob.Status.QUEUED, created_at__lt=now - EXPORT_REQUEUE_AFTER)
    for job_id in lost.values_list("pk", flat=True):
        run_export_job.enqueue(job_id)
