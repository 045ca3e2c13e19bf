"""Benchmark: the CSV export path against PostgreSQL's own COPY, on the same generated rows.

    python bench/export_bench.py [--rows 1000000 | --quick] [--keep]

Without DATABASE_URL it makes a database of its own (bench_export, migrated, dropped afterwards).

Generates N confirmed signatures on a petition of its own (one INSERT ... SELECT generate_series),
then, each in a fresh process so that peak memory is the export's own, runs
  1. the export the admin's streaming download uses: signature_rows -> csv_chunks -> encode, to /dev/null;
  2. COPY (SELECT the same columns of the same rows) TO STDOUT (FORMAT csv), read by psycopg, to /dev/null;
and prints rows/s and peak RSS for each, and the ratio. Not a test: nothing is asserted.
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
    show_publicly, keep_informed, language, status, created_at, confirmed_at)
SELECT %(petition)s,
    (ARRAY['Алесь', 'Aleś', 'Наталля', 'Łucja', 'عليس', 'Jean', 'Anna ✊🏽', '=1+1'])[1 + i %% 8],
    (ARRAY['Бяляцкі', 'Bialacki', 'Kavalenka', 'Stefanovič'])[1 + i %% 4],
    'bench' || i || '@example.org', 'bench' || i || '@example.org',
    (ARRAY['BY', 'LT', 'PL', 'DE', 'FR', 'US', 'GB', 'UA'])[1 + i %% 8],
    (ARRAY['Vilnius', 'Warszawa', 'Мінск', ''])[1 + i %% 4],
    CASE WHEN i %% 10 = 0 THEN 'Свабоду палітвязням! Free them all.' ELSE '' END,
    i %% 3 = 0, i %% 2 = 0, 'be', 'confirmed',
    now() - (i %% 43200) * interval '1 minute', now() - (i %% 43200) * interval '1 minute' + interval '5 minutes'
FROM generate_series(1, %(rows)s) AS i
"""


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
    import django

    django.setup()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def generate(rows):
    from django.db import connection, transaction

    from petitions.models import Petition

    Petition.objects.filter(slug=SLUG).delete()
    started = time.perf_counter()
    with transaction.atomic():
        petition = Petition.objects.create(slug=SLUG, title="Benchmark", summary="-", body="-", addressee="-")
        with connection.cursor() as cursor:
            cursor.execute(GENERATE, {"petition": petition.pk, "rows": rows})
            cursor.execute("ANALYZE petitions_signature")
    Petition.objects.filter(pk=petition.pk).update(confirmed_count=rows)
    return petition, time.perf_counter() - started


def measure_export(petition_id):
    """The streaming download's path, byte for byte, into /dev/null."""
    from campaign.exports import FORMATS
    from petitions.exports import signature_rows
    from petitions.models import Petition

    petition = Petition.objects.get(pk=petition_id)
    baseline = peak_rss_mb()
    started = time.perf_counter()
    size = 0
    with open(os.devnull, "wb") as sink:
        for chunk in FORMATS["csv"].chunks(signature_rows(petition=petition, filters={})):
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
    result = {"export": measure_export, "copy": measure_copy}[kind](petition_id)
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
    parser.add_argument("--child", choices=["export", "copy"], help=argparse.SUPPRESS)
    parser.add_argument("--petition", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
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
        measure(args)
    finally:
        if own_database:
            stack.drop_database(DATABASE)


def measure(args):
    setup_django()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: the comparison is with PostgreSQL's COPY.")
    petition, seconds = generate(args.rows)
    print(f"generated {args.rows:,} signatures in {seconds:.1f} s")
    export = run_child("export", petition.pk)
    copy = run_child("copy", petition.pk)
    report("export (signature_rows + csv_chunks)", args.rows, export)
    report("PostgreSQL COPY ... TO STDOUT", args.rows, copy)
    print(f"COPY is {export['seconds'] / copy['seconds']:.1f}x faster than the export path")
    if not args.keep:
        petition.delete()


if __name__ == "__main__":
    main()
