"""`make bench`: run every benchmark script in bench/ and write what they print to bench/RESULTS.md.

A benchmark script is any bench/bench_*.py or bench/*_bench.py. Each is run from the checkout's root
with the arguments given here (every script accepts --quick) and prints its figures next to their
floors. A --quick run only prints: RESULTS.md keeps full runs.

    bench/run.py                     # everything, full length; writes bench/RESULTS.md
    bench/run.py --quick             # a short try of everything
    bench/run.py --only site -- --duration 10
"""

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "RESULTS.md"


def discover(only=None):
    scripts = sorted(set(BENCH.glob("bench_*.py")) | set(BENCH.glob("*_bench.py")))
    return [script for script in scripts if only is None or only in script.stem]


def run_script(script, args):
    """Run one script, echoing its output as it comes; return (exit code, output)."""
    print(f"\n===== {script.name}", flush=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, script, *args], cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    lines = []
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    return process.wait(), "".join(lines)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(
        next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    )
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory_kb / 1024 / 1024:.1f} GiB RAM, {platform.platform()};"
        f" load average before the run: {load}"
    )


def write_results(command, machine_line, outputs):
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "# Benchmark results\n",
        "Written by `bench/run.py` (`make bench`); every figure is next to a floor measured in the same run.\n",
        f"- machine: {machine_line}",
        f"- date: {now}",
        f"- command: `{command}`",
        f"- commit: `{git_commit()}`\n",
    ]
    for script, code, output in outputs:
        parts += [f"## {script.name} (exit code {code})\n", "```", output.rstrip(), "```\n"]
    RESULTS.write_text("\n".join(parts))
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")


def git_commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the scripts whose name contains this")
    args, script_args = parser.parse_known_args()
    script_args = [arg for arg in script_args if arg != "--"]
    scripts = discover(args.only)
    if not scripts:
        sys.exit("no benchmark script found in bench/")
    machine_line = machine()
    outputs = [(script, *run_script(script, script_args)) for script in scripts]
    if "--quick" not in script_args:
        write_results(" ".join(["bench/run.py", *sys.argv[1:]]), machine_line, outputs)
    sys.exit(max(code for _, code, _ in outputs))


if __name__ == "__main__":
    main()
