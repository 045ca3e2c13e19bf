"""The production shape's proxy, measured: the sign journey through Caddy (https, deploy/Caddyfile) against
straight to gunicorn, and static files from Caddy against WhiteNoise inside gunicorn.

    .venv/bin/python bench/proxy_bench.py [--journeys 30] [--seconds 10] [--quick]

Needs caddy, wrk, PostgreSQL and Redis on 127.0.0.1 (database bench_proxy and Redis db 11, dropped and
flushed afterwards). Prints a Markdown summary for bench/RESULTS.md.
"""

import argparse
import http.client
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench.stack import POSTGRES, REDIS_URL, drop_database, flush_redis, free_port, recreate_database  # noqa: E402
from bench.wrk import SCRIPT, parse, require_wrk  # noqa: E402
from tests.deploy import stack  # noqa: E402

DATABASE = "bench_proxy"
PETITION = "/en/petitions/bench/"
STEPS = ["petition page", "sign (POST)", "check your inbox", "confirm page", "confirm (POST)", "thank you"]


class Visitor:
    """One browser-like visitor on one keep-alive connection, with its cookies."""

    def __init__(self, connection, headers):
        self.connection = connection
        self.headers = headers
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {**self.headers, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.headers["Origin"]
            headers["Referer"] = self.headers["Origin"] + path
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = response_ = self.connection.getresponse()
        content = response.read()
        elapsed = time.perf_counter() - started
        for header in response_.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content.decode("utf-8", "replace"), elapsed


def csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def journey(visitor, n, label):
    """The sign journey as a browser makes it (no assets): the time of each request in ms."""
    times = []
    status, _, html, t = visitor.request("GET", PETITION)
    assert status == 200, status
    times.append(t)
    email = f"{label}-{n}-{secrets.token_hex(3)}@example.org"
    body = f"csrfmiddlewaretoken={csrf(html)}&first_name=Bench&last_name=Signer&email={email.replace('@', '%40')}"
    body += "&country=LT&city=Vilnius&comment=&website="
    status, headers, _, t = visitor.request("POST", PETITION + "sign/", body)
    assert status == 302, status
    times.append(t)
    status, _, _, t = visitor.request("GET", headers["Location"])
    times.append(t)
    with psycopg.connect(f"{POSTGRES}/{DATABASE}") as conn:
        text = conn.execute('SELECT body_text FROM campaign_outgoingemail WHERE "to" = %s', [email]).fetchone()[0]
    confirm = re.search(r"https?://[^/\s]+(/(?:[a-z]{2}/)?confirm/[^/\s]+/)", text)[1]
    status, _, html, t = visitor.request("GET", confirm)
    assert status == 200, status
    times.append(t)
    status, headers, _, t = visitor.request("POST", confirm, f"csrfmiddlewaretoken={csrf(html)}")
    assert status == 302, status
    times.append(t)
    status, _, _, t = visitor.request("GET", headers["Location"])
    assert status == 200, status
    times.append(t)
    return [t * 1000 for t in times]


def wrk(name, url, headers, seconds, connections=8):
    options = ["--threads=1", f"--connections={connections}", f"--duration={seconds}s", "--latency"]
    options += [f"--script={SCRIPT}", *[f"-H{k}: {v}" for k, v in headers.items()]]
    output = subprocess.run(["wrk", *options, url], capture_output=True, text=True, check=True).stdout
    return parse(name, output, ok_status=200)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--journeys", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="5 journeys and 3 s of wrk each")
    args = parser.parse_args()
    if args.quick:
        args.journeys, args.seconds = 5, 3
    require_wrk()
    if not stack.caddy_binary():
        raise SystemExit("caddy is not installed: apt-get install caddy")

    work = Path(tempfile.mkdtemp(prefix="proxy-bench-"))
    recreate_database(DATABASE)
    flush_redis()
    https_port, http_port, health_port, web_port = (free_port() for _ in range(4))
    site_url = f"https://{stack.SITE_HOST}:{https_port}"
    env = stack.site_env(
        database_url=f"{POSTGRES}/{DATABASE}",
        redis_url=REDIS_URL,
        site_url=site_url,
        secret_key=secrets.token_urlsafe(50),
        media_root=work / "media",
        static_root=work / "static",
        export_root=work / "exports",
        RATE_LIMIT_SIGN_PER_IP="1000000000",
    )
    (work / "media").mkdir()
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        create = (
            "from petitions.models import Petition; Petition.objects.create(slug='bench', title='Free them', goal=1000)"
        )
        subprocess.run([sys.executable, "manage.py", "shell", "-c", create], cwd=ROOT, env=env, check=True)
        stack.collect_static(work / "static")
        with (
            stack.gunicorn(port=web_port, env=env, log=work / "gunicorn.log", workers=3),
            stack.caddy(
                upstream=f"127.0.0.1:{web_port}",
                https_port=https_port,
                http_port=http_port,
                health_port=health_port,
                media_root=work / "media",
                static_root=work / "static",
                state_dir=work / "caddy",
                log=work / "caddy.log",
            ),
        ):
            report(args, site_url, web_port, https_port)
    finally:
        drop_database(DATABASE)
        flush_redis()


def report(args, site_url, web_port, https_port):
    direct_headers = {"Host": stack.SITE_HOST, "X-Forwarded-Proto": "https", "Origin": site_url}
    proxy_headers = {"Origin": site_url}
    runs = {"proxy": [], "direct": []}
    for n in range(args.journeys + 2):  # the first two of each warm up
        for side in ("proxy", "direct"):
            if side == "proxy":
                conn = http.client.HTTPSConnection(stack.SITE_HOST, https_port, context=stack.insecure_tls())
            else:
                conn = http.client.HTTPConnection("127.0.0.1", web_port)
            times = journey(Visitor(conn, proxy_headers if side == "proxy" else direct_headers), n, side)
            conn.close()
            if n >= 2:
                runs[side].append(times)

    print(f"## Proxy: the sign journey through Caddy vs straight to gunicorn ({args.journeys} journeys each)\n")
    print("| step | direct p50 ms | through Caddy (https) p50 ms | difference |")
    print("|---|---|---|---|")
    for i, step in enumerate(STEPS):
        direct = statistics.median(r[i] for r in runs["direct"])
        proxied = statistics.median(r[i] for r in runs["proxy"])
        print(f"| {step} | {direct:.1f} | {proxied:.1f} | {proxied - direct:+.1f} |")
    direct = statistics.median(sum(r) for r in runs["direct"])
    proxied = statistics.median(sum(r) for r in runs["proxy"])
    print(f"| **whole journey** | {direct:.1f} | {proxied:.1f} | {proxied - direct:+.1f} |")
    print("\n(The first request through Caddy includes the TLS handshake of a new connection.)\n")

    stylesheet = re.search(
        r'href="(/static/[^"]+\.css)"',
        Visitor(http.client.HTTPConnection("127.0.0.1", web_port), direct_headers).request("GET", PETITION)[2],
    )[1]
    gzip = {"Accept-Encoding": "gzip"}
    results = [
        wrk(
            "static CSS, WhiteNoise in gunicorn",
            f"http://127.0.0.1:{web_port}{stylesheet}",
            {**direct_headers, **gzip},
            args.seconds,
        ),
        wrk("static CSS, Caddy (https)", f"https://{stack.SITE_HOST}:{https_port}{stylesheet}", gzip, args.seconds),
        wrk(
            "petition page, gunicorn",
            f"http://127.0.0.1:{web_port}{PETITION}",
            {**direct_headers, **gzip},
            args.seconds,
        ),
        wrk(
            "petition page, through Caddy (https)",
            f"https://{stack.SITE_HOST}:{https_port}{PETITION}",
            gzip,
            args.seconds,
        ),
    ]
    print("## Proxy: bytes on the wire (Accept-Encoding: zstd, gzip)\n")
    print("| what | straight from gunicorn | through Caddy |")
    print("|---|---|---|")
    for name, path in [("petition page", PETITION), ("stylesheet", stylesheet)]:
        sizes = []
        for conn, headers in [
            (http.client.HTTPConnection("127.0.0.1", web_port), direct_headers),
            (http.client.HTTPSConnection(stack.SITE_HOST, https_port, context=stack.insecure_tls()), {}),
        ]:
            conn.request("GET", path, headers={**headers, "Accept-Encoding": "zstd, gzip"})
            response = conn.getresponse()
            sizes.append(f"{len(response.read()):,} B {response.headers.get('Content-Encoding') or 'identity'}")
            conn.close()
        print(f"| {name} | {sizes[0]} | {sizes[1]} |")
    print()

    print(f"## Proxy: wrk, {args.seconds} s each, 8 connections, gzip accepted ({stylesheet})\n")
    print("| what | requests/s (200) | p50 ms | p99 ms | other statuses / errors |")
    print("|---|---|---|---|---|")
    for r in results:
        others = {k: v for k, v in r.statuses.items() if k != 200}
        print(
            f"| {r.name} | {r.rate:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | {others or ''} {r.socket_errors or ''} |"
        )


if __name__ == "__main__":
    main()
