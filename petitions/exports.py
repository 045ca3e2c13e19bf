"""The signatures exporter: filters, and the rows every format writes (see campaign/exports.py)."""

import datetime

from django import forms
from django.db.models import CharField, Func
from django.utils import timezone
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from campaign.exports import FORMATS
from petitions.models import Signature

# What an export holds: no ids, tokens or the normalised email key. Times are ISO 8601 in UTC.
HEADER = ("first_name", "last_name", "email", "country", "country_name", "city", "comment")
HEADER += ("show_publicly", "keep_informed", "language", "status", "signed_at", "confirmed_at")
FIELDS = ("first_name", "last_name", "email", "country", "city", "comment")
FIELDS += ("show_publicly", "keep_informed", "language", "status", "signed_at_utc", "confirmed_at_utc")


class UTCText(Func):
    """A timestamp as ISO 8601 text in UTC, formatted by the database.

    Django's timestamptz loader for psycopg is pure Python: loading two timestamps per row took
    half the export's time (see bench/export_bench.py).
    """

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', %(expressions)s)")


class ExportForm(forms.Form):
    """The filters (and format) of an export, shared by the admin page and the command."""

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


def signature_queryset(*, petition, filters):
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


def _start_of(iso_date, days=0):
    """Midnight in the site's time zone, so that a date means the organisers' day."""
    day = datetime.date.fromisoformat(iso_date) + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def signature_rows(*, petition, filters):
    """The header, then one tuple per signature, read with a server-side cursor."""
    names = dict(countries)
    yield HEADER
    signatures = signature_queryset(petition=petition, filters=filters)
    signatures = signatures.annotate(signed_at_utc=UTCText("created_at"), confirmed_at_utc=UTCText("confirmed_at"))
    rows = signatures.order_by("pk").values_list(*FIELDS)
    for row in rows.iterator(chunk_size=5000):
        yield row[:4] + (names.get(row[3], row[3]),) + row[4:]
