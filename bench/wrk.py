"""Run wrk and read its report: rate of good answers, p50/p99 latency, status counts, errors."""

import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).with_name("count.lua")
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class WrkResult:
    name: str
    ok_status: int
    elapsed: float
    p50_ms: float
    p99_ms: float
    statuses: dict = field(default_factory=dict)
    socket_errors: int = 0
    raw: str = ""

    @property
    def ok(self):
        return self.statuses.get(self.ok_status, 0)

    @property
    def rate(self):
        """Good answers per second (200 for a page, 302 for a signature)."""
        return self.ok / self.elapsed if self.elapsed else 0.0


def require_wrk():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")


def run_wrk(name, url, *, duration, connections, ok_status=200, script_args=()):
    """One wrk run. `script_args` go to count.lua (a POST's path, CSRF token, cookie, label)."""
    options = [
        "--threads=1",  # one thread keeps up with a few hundred requests/s and splits no connections
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        "--latency",
        f"--script={SCRIPT.relative_to(SCRIPT.parent.parent)}",
    ]
    command = ["wrk", *options, url, *(["--", *script_args] if script_args else [])]
    output = subprocess.run(command, cwd=SCRIPT.parent.parent, capture_output=True, text=True, check=True).stdout
    return parse(name, f"$ wrk {' '.join(options)} {url}\n{output}", ok_status=ok_status)


def parse(name, raw, *, ok_status):
    return WrkResult(
        name=name,
        ok_status=ok_status,
        elapsed=_seconds(re.search(r"requests in ([\d.]+)(\w+),", raw)),
        p50_ms=_percentile(raw, "50"),
        p99_ms=_percentile(raw, "99"),
        statuses={int(code): int(count) for code, count in re.findall(r"^status (\d+) (\d+)$", raw, re.M)},
        socket_errors=sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", raw)),
        raw=raw,
    )


def _percentile(raw, percent):
    match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", raw, re.M)
    return float(match[1]) * TO_MS[match[2]] if match else float("nan")


def _seconds(match):
    if match is None:
        return 0.0
    return float(match[1]) * TO_MS[match[2]] / 1000


def combine(results):
    """Several runs of the same URL as one: counts and time added, the median p50, the worst p99."""
    statuses = {}
    for result in results:
        for code, count in result.statuses.items():
            statuses[code] = statuses.get(code, 0) + count
    return WrkResult(
        name=results[0].name,
        ok_status=results[0].ok_status,
        elapsed=sum(r.elapsed for r in results),
        p50_ms=statistics.median(r.p50_ms for r in results),
        p99_ms=max(r.p99_ms for r in results),
        statuses=statuses,
        socket_errors=sum(r.socket_errors for r in results),
        raw="\n".join(r.raw for r in results),
    )
