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


# --- CSV through PostgreSQL's COPY -------------------------------------------------------------------
# The same bytes as csv_chunks, written by the database at COPY speed: each cell is neutralised and
# quoted in SQL exactly as _csv_cell, defusedcsv and csv.writer (excel dialect) do it in Python
# (tests/petitions/test_export_copy.py compares the two on hostile rows). Placeholders are %s, so a
# literal percent sign is written %%.

# neutralise() in SQL: an apostrophe before every piece (split on , ; or tab) whose first non-space
# character is in FORMULA_STARTS, then before a cell that starts with a tab.
_SQL_PIECE_FORMULA = r"'(^|[,;\t])( *[=+@|%%\r\n＝＋－＠-])'"


def csv_cell_sql(text):
    """SQL for one CSV cell from the SQL text expression `text` (NULL is an empty cell).

    1. neutralise(): an apostrophe before each piece that would start a formula, and before a leading
       tab (defusedcsv then finds nothing left to do);
    2. a cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled (csv.writer).
    The apostrophes never change whether a cell needs quotes: step 2 tests the input.
    """
    x = f"coalesce({text}, '')"
    pieces = rf"regexp_replace({x}, {_SQL_PIECE_FORMULA}, '\1''\2', 'g')"
    neutralised = rf"CASE WHEN left({x}, 1) = E'\t' THEN '''' || {pieces} ELSE {pieces} END"
    return (
        rf"""CASE WHEN {x} ~ '[",\r\n]' THEN '"' || replace({neutralised}, '"', '""') || '"' ELSE {neutralised} END"""
    )


def csv_bool_sql(column):
    return f"CASE WHEN {column} THEN 'yes' ELSE 'no' END"


# A cell needs work when a piece of it could start a formula, it starts with a tab, or it holds a
# quote, a comma, CR or LF.
_NEEDS_WORK = r"""'[",\r\n]|^\t|(^|[,;\t]) *[=+@|%%\r\n＝＋－＠-]'"""
# The same test on a row's text cells joined by \x01: a cell's start is the line's or follows \x01.
_ROW_NEEDS_WORK = r"""'[",\r\n]|(^|\x01)\t|(^|[,;\t\x01]) *[=+@|%%\r\n＝＋－＠-]'"""


def csv_line_sql(columns):
    """SQL for one CSV line (without its end) from `columns`, pairs of (SQL expression, kind).

    kind is "text", "bool" (yes/no) or "plain" (text that never needs work, like a timestamp from
    to_char). Most rows need no work at all: one test of the whole row sends those the cheap way,
    the others through csv_cell_sql for each cell that needs it.
    """

    def cell(expression, kind, *, careful):
        if kind == "bool":
            return csv_bool_sql(expression)
        if kind == "plain" or not careful:
            return f"coalesce({expression}, '')"
        plain = f"coalesce({expression}, '')"
        return f"CASE WHEN {expression} ~ {_NEEDS_WORK} THEN {csv_cell_sql(expression)} ELSE {plain} END"

    texts = [expression for expression, kind in columns if kind == "text"]
    quick = " || ',' || ".join(cell(e, k, careful=False) for e, k in columns)
    careful = " || ',' || ".join(cell(e, k, careful=True) for e, k in columns)
    probe = f"concat_ws(E'\\x01', {', '.join(texts)})"
    return f"CASE WHEN {probe} ~ {_ROW_NEEDS_WORK} THEN {careful} ELSE {quick} END"


# COPY's text format escapes these within a line; the line itself ends with a bare LF.
_COPY_ESCAPES = {b"\\": b"\\", b"b": b"\b", b"f": b"\f", b"n": b"\n", b"r": b"\r", b"t": b"\t", b"v": b"\v"}
_COPY_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)


def _copy_unescape(match):
    return _COPY_ESCAPES.get(match[1], match[1])


def copy_csv_chunks(*, cursor, header, select, params):
    """The CSV as bytes chunks: the header as csv_chunks writes it, then one line per row of `select`.

    `select` is a query returning one text column: the row's line made by csv_line_sql. COPY sends the
    rows in its text format, one per message; they are gathered CHUNK_ROWS at a time and turned into
    CSV bytes in bulk (line ends, escapes), so memory does not grow with the rows.
    """
    yield "".join(csv_chunks([header])).encode()
    buffer = bytearray()
    rows = 0
    with cursor.copy(f"COPY ({select}) TO STDOUT", params) as copy:
        try:
            for data in copy:
                buffer += data
                rows += 1
                if rows % CHUNK_ROWS == 0:
                    yield _copy_to_csv(buffer)
                    buffer.clear()
        except GeneratorExit:
            # The reader went away. Read the rest rather than cancel: a cancel would abort the
            # transaction around us (and the audit row that says the download was interrupted).
            for _ in copy:
                pass
            raise
    if buffer:
        yield _copy_to_csv(buffer)


def _copy_to_csv(buffer):
    lines = bytes(buffer).replace(b"\n", b"\r\n")  # every bare LF ends a line: those in cells are escaped
    return _COPY_ESCAPE.sub(_copy_unescape, lines) if b"\\" in lines else lines


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
