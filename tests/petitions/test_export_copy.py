"""The CSV export through PostgreSQL's COPY writes exactly the bytes of the Python writer
(campaign/exports.py csv_chunks: _csv_cell + defusedcsv + csv.writer), hostile cells included."""

import itertools

import pytest

from campaign.exports import csv_chunks
from petitions import exports
from petitions.models import ExportRecord, Signature
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.django_db]

HOSTILE = [
    "=1+1",
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "|calc",
    "%APPDATA%",
    '=HYPERLINK("http://evil.example","click")',
    "x;=2+5;",
    "=2+5;x",
    "-12",
    "-1,234.50",
    "+7",
    "-12\n",
    "a; =b\tc,@d",  # every piece a spreadsheet may split off, spaces first
    "\uff1d1+1",  # full-width equals
    "-12\n\n",
    "=x\n",
    "\tTAB first",
    "\rCR first",
    "\r\nCRLF first",
    "a,b",
    'quote "inside"',
    '"quoted"',
    "line one\nline two",
    "line one\r\nline two",
    "back\\slash \\n not a newline",
    "tab\tinside",
    "bell\x07, vertical\x0btab, form\x0cfeed, backspace\x08",
    "Алесь Бяляцкі",
    "عليس",
    "Anna ✊🏽 👩‍👩‍👧",
    "",
    "'apostrophe first",
    " leading space",
    "trailing space ",
    "|pipe|and|more",
    "-",
    "=",
    "%",
    "1,2",
    "Łucja Ŭ",
]


def _both(petition, filters):
    exporter = exports.EXPORTERS["signatures"]
    python = "".join(csv_chunks(exporter.rows(petition, filters))).encode()
    copy = b"".join(exporter.csv_chunks(petition, filters))
    return python, copy


def test_copy_writes_the_same_bytes_as_python_on_hostile_rows(services, petition):
    cycle = itertools.cycle(HOSTILE)
    for n, value in enumerate(HOSTILE):
        make_signature(
            petition,
            first_name=value,
            last_name=next(cycle),
            email=f"{next(cycle)}{n}@example.org",
            email_key=f"hostile{n}@example.org",
            city=next(cycle),
            comment=next(cycle),
            country=("LT", "BY", "", "XX", "AX")[n % 5],
            show_publicly=n % 2 == 0,
            keep_informed=n % 3 == 0,
            status=(Signature.Status.CONFIRMED, Signature.Status.PENDING)[n % 2],
            confirmed_at=None,
        )
    Signature.objects.filter(status="confirmed").update(confirmed_at="2026-05-21T10:00:00Z")

    python, copy = _both(petition, {"status": "all"})

    assert python.count(b"\r\n") > len(HOSTILE)  # the rows are there
    assert copy == python
    assert b"'=1+1" in copy and b"'|calc" in copy and b"'\tTAB first" in copy and b"x;'=2+5" in copy


@pytest.mark.parametrize(
    "filters",
    [
        {"status": "confirmed"},
        {"status": "pending"},
        {"status": "all", "country": "BY", "keep_informed": "yes"},
        {"status": "all", "date_from": "2020-01-01", "date_to": "2100-01-01"},
        {"status": "all", "date_from": "2100-01-01"},  # nothing: the header alone
    ],
)
def test_copy_applies_the_same_filters(services, petition, filters):
    for n in range(7):
        make_signature(
            petition,
            country=("BY", "LT")[n % 2],
            keep_informed=n % 3 == 0,
            status=("confirmed", "pending")[n % 2 if n < 6 else 0],
            comment="50% = half",
        )
    python, copy = _both(petition, filters)
    assert copy == python


def test_many_rows_come_in_chunks_without_growing(services, petition):
    from campaign.exports import CHUNK_ROWS

    Signature.objects.bulk_create(
        Signature(petition=petition, first_name="=Many", email=f"m{n}@example.org", email_key=f"m{n}@example.org")
        for n in range(2 * CHUNK_ROWS + 5)
    )
    exporter = exports.EXPORTERS["signatures"]
    chunks = list(exporter.csv_chunks(petition, {"status": "all"}))
    assert len(chunks) == 4  # the header, two full chunks, the rest
    assert max(len(chunk) for chunk in chunks) < 200 * CHUNK_ROWS
    assert b"".join(chunks) == "".join(csv_chunks(exporter.rows(petition, {"status": "all"}))).encode()


def test_an_interrupted_copy_leaves_the_connection_usable(services, organiser, petition):
    from campaign.exports import CHUNK_ROWS

    Signature.objects.bulk_create(
        Signature(petition=petition, first_name="A", email=f"i{n}@example.org", email_key=f"i{n}@example.org")
        for n in range(3 * CHUNK_ROWS)
    )
    download = exports.signatures_export(
        petition=petition, user=organiser, format="csv", filters={"status": "all"}, via=ExportRecord.Via.DOWNLOAD
    )
    chunks = download.chunks()
    next(chunks)
    next(chunks)  # in the middle of the COPY
    chunks.close()
    assert ExportRecord.objects.get(outcome="failed").reason == "the download was interrupted"
    assert Signature.objects.filter(petition=petition).count() == 3 * CHUNK_ROWS
