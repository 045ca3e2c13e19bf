"""Benchmark: how long the censor check takes to answer for a one-page letter (target: p95 < 50 ms).

    python bench/censor_bench.py [--letters 500 | --quick] [--seed 12]

Builds one-page letters (about 2,000–2,500 characters, Belarusian or Russian) from the starting templates
and the labelled sentences in tests/letters/censor_cases/, a different mix each, about a third of them
risky sentences, so the check finds several things per letter. Then, in this process:
  1. the engine: letters.censor.check_letter(text);
  2. the answer: a POST of {"text": …} to the live check's endpoint through Django's whole stack
     (middleware, rate limit in the configured cache, JSON, the flags' template), with the test client;
  3. the floor: the same endpoint with an empty letter, i.e. what the framework costs on its own.
The first call, which builds the word tables, is timed apart (it happens once per process).
Prints p50/p95/p99/max for each; exits 1 if the answer's p95 misses the target.
"""

import argparse
import json
import logging
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "letters" / "censor_cases"
TARGET_P95_MS = 50
PAGE = (2000, 2500)


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
    import django

    django.setup()


def letters(count, seed):
    from letters.content import TEMPLATES

    rng = random.Random(seed)
    sentences = {"be": ([], []), "ru": ([], [])}  # (harmless, risky)
    for path in CASES.glob("*.tsv"):
        for line in path.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                language, label, sentence = line.split("\t")
                if language in sentences:
                    sentences[language][label != "ok"].append(sentence)
    bodies = {language: [t["body"] for t in TEMPLATES if t["language"] == language] for language in sentences}
    result = []
    for _ in range(count):
        language = rng.choice(("be", "ru"))
        harmless, risky = sentences[language]
        text = rng.choice(bodies[language]).format(name="Марфа")
        length = rng.randint(*PAGE)
        while len(text) < length:
            text += " " + rng.choice(risky if rng.random() < 1 / 3 else harmless)
        result.append(text[: PAGE[1]])
    return result


def percentiles(seconds):
    ms = sorted(s * 1000 for s in seconds)

    def at(p):
        return ms[min(len(ms) - 1, round(p / 100 * (len(ms) - 1)))]

    return {"p50": at(50), "p95": at(95), "p99": at(99), "max": ms[-1], "mean": statistics.fmean(ms)}


def line(name, figures):
    return f"{name:<34} " + "  ".join(f"{key} {value:7.2f} ms" for key, value in figures.items())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=500, help="letters to check (default 500)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--quick", action="store_true", help="100 letters: to try it out")
    args, _ = parser.parse_known_args(argv)  # flags meant for other bench scripts are ignored
    if args.quick:
        args.letters = 100
    setup_django()
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    from django.test import Client
    from django.urls import reverse

    from letters import views
    from letters.censor import check_letter

    views.CHECKS_PER_IP = (10**9, 600)  # the limiter's cache round trip is timed, its refusal is not
    texts = letters(args.letters, args.seed)
    started = time.perf_counter()
    first_flags = check_letter(texts[0])
    cold = time.perf_counter() - started

    engine, flags = [], 0
    for text in texts:
        started = time.perf_counter()
        flags += len(check_letter(text))
        engine.append(time.perf_counter() - started)

    client, url = Client(HTTP_HOST="localhost"), reverse("letters:check")

    def post(text):
        started = time.perf_counter()
        response = client.post(url, json.dumps({"text": text}), content_type="application/json")
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        return elapsed

    post("")  # the first request loads templates and translations
    floor, answer = [], []
    for text in texts:  # alternate, so a busy spell of the shared machine falls on both
        floor.append(post(""))
        answer.append(post(text))

    answer_figures = percentiles(answer)
    print(f"{len(texts)} one-page letters of {PAGE[0]:,}–{PAGE[1]:,} characters (be and ru), seed {args.seed};")
    print(f"{flags / len(texts):.1f} flags per letter on average ({len(first_flags)} in the first)")
    print(f"first check in the process (builds the word tables): {cold * 1000:.0f} ms")
    print(line("engine: check_letter", percentiles(engine)))
    print(line("answer: POST /letters/write/check/", answer_figures))
    print(line("floor: the same POST, empty letter", percentiles(floor)))
    met = answer_figures["p95"] < TARGET_P95_MS
    print(f"target: answer p95 < {TARGET_P95_MS} ms: {'met' if met else 'MISSED'} ({answer_figures['p95']:.1f} ms)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
