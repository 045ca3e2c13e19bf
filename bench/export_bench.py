"""Benchmark: the CSV export against PostgreSQL's own COPY, on the same generated rows.

    python bench/export_bench.py [--rows 1000000 | --quick] [--keep]

Without DATABASE_URL it makes a database of its own (bench_export, migrated, dropped afterwards).

Generates N confirmed signatures on a petition of its own (one INSERT ... SELECT generate_series), and a
tenth of that on another, then, each in a fresh process so that peak memory is the export's own, runs
  1. the export as organisers get it on PostgreSQL: the exporter's csv_chunks (COPY with the
     neutralising in SQL), to /dev/null, for N rows and for N/10 (memory must stay flat);
  2. the Python path (rows() -> csv_chunks -> encode), which SQLite uses, for comparison;
  3. the floor: COPY (SELECT the same columns of the same rows) TO STDOUT (FORMAT csv), read by psycopg;
and prints rows/s and peak RSS for each, and the ratio to the floor. Not a test: nothing is asserted
but the exit code says whether the export reached a third of the floor with flat memory.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import stack

ROOT = Path(__file__).resolve().parents[1]
SLUG = "bench-export"
DATABASE = "bench_export"
COLUMNS = "first_name, last_name, email, country, city, comment, show_publicly, keep_informed, language, status"
COLUMNS += ", created_at, confirmed_at"

GENERATE = """
INSERT INTO petitions_signature (petition_id, first_name, last_name, email, email_key, country, city, comment,
    show_publicly, keep_informed, language, status, created_at, confirmed_at, public_id)
SELECT %(petition)s,
    (ARRAY['Алесь', 'Aleś', 'Наталля', 'Łucja', 'عليس', 'Jean', 'Anna ✊🏽', '=1+1'])[1 + i %% 8],
    (ARRAY['Бяляцкі', 'Bialacki', 'Kavalenka', 'Stefanovič'])[1 + i %% 4],
    'bench' || i || '@example.org', 'bench' || i || '@example.org',
    (ARRAY['BY', 'LT', 'PL', 'DE', 'FR', 'US', 'GB', 'UA'])[1 + i %% 8],
    (ARRAY['Vilnius', 'Warszawa', 'Мінск', ''])[1 + i %% 4],
    CASE WHEN i %% 10 = 0 THEN 'Свабоду палітвязням! Free them all.' ELSE '' END,
    i %% 3 = 0, i %% 2 = 0, 'be', 'confirmed',
    now() - (i %% 43200) * interval '1 minute', now() - (i %% 43200) * interval '1 minute' + interval '5 minutes',
    gen_random_uuid()
FROM generate_series(1, %(rows)s) AS i
"""


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
    import django

    django.setup()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def generate(rows, slug=SLUG):
    from django.db import connection, transaction

    from petitions.models import Petition

    Petition.objects.filter(slug=slug).delete()
    started = time.perf_counter()
    with transaction.atomic():
        petition = Petition.objects.create(slug=slug, title="Benchmark", summary="-", body="-", addressee="-")
        with connection.cursor() as cursor:
            cursor.execute(GENERATE, {"petition": petition.pk, "rows": rows})
            cursor.execute("ANALYZE petitions_signature")
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=rows)
    return petition, time.perf_counter() - started


def measure_export(petition_id):
    """The CSV download as organisers get it (COPY on PostgreSQL), byte for byte, into /dev/null."""
    from petitions.exports import EXPORTERS
    from petitions.models import Petition

    petition = Petition.objects.get(pk=petition_id)
    baseline = peak_rss_mb()
    started = time.perf_counter()
    size = 0
    with open(os.devnull, "wb") as sink:
        for chunk in EXPORTERS["signatures"].csv_chunks(petition, {}):
            size += sink.write(chunk)
    return {"seconds": time.perf_counter() - started, "bytes": size, "baseline_mb": baseline}


def measure_python(petition_id):
    """The Python path (rows, defusedcsv), which SQLite uses."""
    from campaign.exports import FORMATS
    from petitions.exports import EXPORTERS
    from petitions.models import Petition

    petition = Petition.objects.get(pk=petition_id)
    baseline = peak_rss_mb()
    started = time.perf_counter()
    size = 0
    with open(os.devnull, "wb") as sink:
        for chunk in FORMATS["csv"].chunks(EXPORTERS["signatures"].rows(petition, {})):
            size += sink.write(chunk.encode())
    return {"seconds": time.perf_counter() - started, "bytes": size, "baseline_mb": baseline}


def measure_copy(petition_id):
    from django.db import connection

    baseline = peak_rss_mb()
    query = (
        f"COPY (SELECT {COLUMNS} FROM petitions_signature WHERE petition_id = {int(petition_id)}"
        " AND status = 'confirmed' ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)"
    )
    started = time.perf_counter()
    size = 0
    connection.ensure_connection()
    with open(os.devnull, "wb") as sink, connection.connection.cursor() as cursor, cursor.copy(query) as copy:
        for block in copy:
            size += sink.write(block)
    return {"seconds": time.perf_counter() - started, "bytes": size, "baseline_mb": baseline}


def child(kind, petition_id):
    """Run one measurement in this (fresh) process and print it as JSON."""
    setup_django()
    result = {"export": measure_export, "python": measure_python, "copy": measure_copy}[kind](petition_id)
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def run_child(kind, petition_id):
    command = [sys.executable, __file__, "--child", kind, "--petition", str(petition_id)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(name, rows, result):
    print(
        f"{name:<34} {result['seconds']:8.2f} s {rows / result['seconds']:>12,.0f} rows/s "
        f"{result['bytes'] / 1e6:8.1f} MB out   peak RSS {result['peak_mb']:6.1f} MB "
        f"(after start-up {result['baseline_mb']:.1f} MB)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="100,000 rows: to try it out")
    parser.add_argument("--keep", action="store_true", help="Keep the generated petition and signatures.")
    parser.add_argument("--skip-python", action="store_true", help="Do not time the Python path (slow).")
    parser.add_argument("--child", choices=["export", "python", "copy"], help=argparse.SUPPRESS)
    parser.add_argument("--petition", type=int, help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args()  # flags meant for other bench scripts are ignored
    if args.child:
        return child(args.child, args.petition)
    if args.quick:
        args.rows = 100_000
    own_database = "DATABASE_URL" not in os.environ
    if own_database:
        stack.recreate_database(DATABASE)
        os.environ["DATABASE_URL"] = f"{stack.POSTGRES}/{DATABASE}"
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)
    try:
        return measure(args)
    finally:
        if own_database:
            stack.drop_database(DATABASE)


def measure(args):
    setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: the comparison is with PostgreSQL's COPY.")
    small_rows = args.rows // 10
    petition, seconds = generate(args.rows)
    small, _ = generate(small_rows, slug=f"{SLUG}-small")
    print(f"generated {args.rows:,} + {small_rows:,} signatures in {seconds:.1f} s")
    copy = run_child("copy", petition.pk)
    export = run_child("export", petition.pk)
    export_small = run_child("export", small.pk)
    python = run_child("python", petition.pk) if not args.skip_python else None
    report("floor: COPY ... TO STDOUT (csv)", args.rows, copy)
    report("CSV export (COPY, neutralised in SQL)", args.rows, export)
    report(f"CSV export, {small_rows:,} rows", small_rows, export_small)
    if python:
        report("Python path (rows + defusedcsv)", args.rows, python)
    ratio = copy["seconds"] / export["seconds"]
    growth = export["peak_mb"] - export_small["peak_mb"]
    print(
        f"\nCSV export, {args.rows:,} rows: {args.rows / export['seconds']:,.0f} rows/s; floor (COPY) "
        f"{args.rows / copy['seconds']:,.0f} rows/s; ratio {ratio:.2f} (must reach 0.33, aim 0.5): "
        f"{'met' if ratio >= 0.33 else 'MISSED'}"
    )
    print(
        f"memory, {small_rows:,} -> {args.rows:,} rows: peak RSS {export_small['peak_mb']:.1f} -> "
        f"{export['peak_mb']:.1f} MB ({growth:+.1f} MB): {'flat' if growth < 10 else 'GROWS'}"
    )
    if python:
        print(
            f"(the Python path: {args.rows / python['seconds']:,.0f} rows/s,"
            f" ratio {copy['seconds'] / python['seconds']:.2f})"
        )
    if not args.keep:
        petition.delete()
        small.delete()
    return 0 if ratio >= 0.33 and growth < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
