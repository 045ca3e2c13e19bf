"""The export base: one writer per format over a row generator (header first, then tuples of
text, booleans, numbers or None).

An exporter (e.g. petitions.exports.signature_rows) yields rows from `.iterator()`; a writer turns
them into a file. CSV and JSON stream chunk by chunk, so memory does not grow with the row count;
XLSX is written by openpyxl's write-only mode to a file, which is why it always runs in the background.
"""

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from defusedcsv import csv as defusedcsv
from openpyxl import Workbook

# A cell starting with one of these is run as a formula (or a DDE command) by spreadsheets: the one list,
# for CSV and XLSX alike (it covers defusedcsv's = + - @ | %, and the full-width forms).
FORMULA_STARTS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# What a spreadsheet may split a CSV line on (',' in English locales, ';' in Belarusian, Russian and
# German ones, tab when pasted): each piece becomes a cell of its own.
SEPARATORS = re.compile(r"([,;\t])")
# Rows per chunk of a streamed file: big enough to keep the overhead low, small enough to flow.
CHUNK_ROWS = 2000


def neutralise(value):
    """Make a cell inert: an apostrophe turns a would-be formula into text, both at the start and at the
    start of every piece a spreadsheet could split it into (`x;=2+5` becomes `x;'=2+5`)."""
    if not isinstance(value, str):
        return value
    pieces = SEPARATORS.split(value)  # the separators are kept, at the odd positions
    for n in range(0, len(pieces), 2):
        if pieces[n].lstrip(" ").startswith(FORMULA_STARTS):
            pieces[n] = "'" + pieces[n]
    value = "".join(pieces)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value):
    """A value as CSV text, through the same neutralise() as XLSX (defusedcsv then finds nothing to do)."""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def csv_chunks(rows):
    """The CSV as str chunks, CHUNK_ROWS rows each."""
    buffer = io.StringIO()
    writer = defusedcsv.writer(buffer)
    buffer.write("\ufeff")  # a BOM, so that Excel reads UTF-8 (Cyrillic, Arabic) correctly
    for n, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if n % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(rows):
    """A JSON array of objects keyed by the header, written object by object."""
    rows = iter(rows)
    header = next(rows)
    yield "["
    for n, row in enumerate(rows):
        item = dict(zip(header, row, strict=True))
        yield ("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def write_text(chunks, path):
    with open(path, "w", encoding="utf-8", newline="") as file:
        for chunk in chunks:
            file.write(chunk)


def write_xlsx(rows, path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    workbook.save(path)


@dataclass(frozen=True)
class Format:
    """A file format: streaming ones turn rows into str chunks, the others write a file."""

    name: str
    extension: str
    content_type: str
    chunks: Callable | None = None
    writer: Callable | None = None

    @property
    def streams(self):
        return self.chunks is not None

    def write(self, rows, path):
        if self.streams:
            write_text(self.chunks(rows), path)
        else:
            self.writer(rows, path)


# XLSX first: a spreadsheet opens it without splitting anything, whatever its locale.
FORMATS = {
    "xlsx": Format(
        name="Excel (XLSX)",
        extension="xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        writer=write_xlsx,
    ),
    "csv": Format(name="CSV", extension="csv", content_type="text/csv; charset=utf-8", chunks=csv_chunks),
    "json": Format(name="JSON", extension="json", content_type="application/json", chunks=json_chunks),
}
