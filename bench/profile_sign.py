"""Where a signature's time goes: py-spy samples the gunicorn workers while wrk signs.

    python bench/profile_sign.py [--duration 20] [--quick]

Prints the share of the workers' busy samples spent in each part of the sign request (database,
Redis, Celery's publish, form validation, templates, ...) and the busiest functions of this codebase.
Not part of `make bench`'s figures (sampling slows the workers); run it by hand, or through
`bench/run.py --only profile`.
"""

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.site_bench import csrf_pair, load, say
from bench.stack import BIN, Stack
from bench.wrk import require_wrk

ROOT = Path(__file__).resolve().parent.parent
# (label, substrings of a frame): a sample counts for the first part found deepest in its stack.
PARTS = [
    ("PostgreSQL round trips (psycopg)", ("psycopg/",)),
    ("Redis round trips (rate limits, Celery's publish)", ("redis/", "django/core/cache/")),
    ("Celery publish (kombu)", ("kombu/", "celery/")),
    ("email rendering", ("campaign/mail.py:email_queue",)),
    ("templates (the email, rendered in the request)", ("django/template/",)),
    ("form validation", ("django/forms/", "petitions/forms.py", "campaign/forms.py", "campaign/countries.py")),
    ("signing tokens", ("django/core/signing.py", "campaign/links.py")),
    ("middleware and request handling", ("django/core/handlers/", "django/middleware/", "django/contrib/")),
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--quick", action="store_true")
    args, _ = parser.parse_known_args(argv)
    if args.quick:
        args.duration = 8
    args.connections = None
    return args


def main(argv=None):
    args = parse_args(argv)
    require_wrk()
    with tempfile.TemporaryDirectory(prefix="profile-") as workdir, Stack(workdir) as stack:
        args.connections = stack.web_workers
        slug = stack.sql("SELECT slug FROM petitions_petition ORDER BY id LIMIT 1")[0][0]
        token, cookie = csrf_pair(f"{stack.base_url}/en/your-data/")
        master = stack.processes[0].pid  # gunicorn's master; its workers are its subprocesses
        output = Path(workdir) / "sign.txt"
        spy = subprocess.Popen(
            [
                BIN / "py-spy",
                "record",
                "--pid",
                str(master),
                "--subprocesses",
                "--format",
                "raw",
                "--rate",
                "250",
                "--duration",
                str(args.duration + 2),
                "--nonblocking",
                "--output",
                str(output),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        load(
            stack,
            args,
            "sign the petition (sampled)",
            f"/en/petitions/{slug}/sign/",
            csrf=(token, cookie),
            label="profile",
        )
        spy.wait(timeout=60)
        summarise(output)
    return 0


def summarise(path):
    """py-spy's raw format: one line per distinct stack, `frame;frame;... count`, root first."""
    parts = collections.Counter()
    ours = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any("petition_sign" in frame for frame in frames):
            continue  # idle workers waiting for a request, and gunicorn's own loop
        count = int(count)
        total += count
        part = next(
            (label for frame in reversed(frames) for label, marks in PARTS if any(m in frame for m in marks)),
            "the rest (Python in views, services, models)",
        )
        parts[part] += count
        for frame in set(frames):
            if any(app in frame for app in ("campaign/", "petitions/")) and "site-packages" not in frame:
                ours[frame.split(" (")[0] + " " + frame.split("/")[-1].rstrip(")")] += count
    if not total:
        say("no samples in petition_sign: was py-spy allowed to attach (ptrace)?")
        return
    say(f"\npy-spy: {total:,} samples inside petition_sign (250 Hz, every gunicorn worker)")
    for label, count in parts.most_common():
        say(f"  {count / total:6.1%}  {label}")
    say("busiest functions of this codebase (share of samples with the function on the stack):")
    for name, count in ours.most_common(12):
        say(f"  {count / total:6.1%}  {name}")


if __name__ == "__main__":
    sys.exit(main())
