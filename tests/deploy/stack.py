"""gunicorn behind the real Caddy binary, run with the repository's deploy/Caddyfile on free loopback
ports: the production shape outside containers. Used by tests/deploy/test_proxy.py and bench/proxy_bench.py."""

import contextlib
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CADDYFILE = ROOT / "deploy" / "Caddyfile"
SITE_HOST = "localhost"


def caddy_binary():
    return shutil.which("caddy")


def insecure_tls():
    """For checks against Caddy's internal CA from this process (Chromium ignores the errors itself)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def fetch(url, *, headers=None, data=None, method=None, timeout=10):
    """One request, no redirects followed: (status, headers, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=insecure_tls()))
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for(url, *, headers=None, process=None, log=None, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited: {_tail(log)}")
        try:
            status, _, _ = fetch(url, headers=headers, timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s: {_tail(log)}")


def _tail(log):
    return Path(log).read_text()[-3000:] if log and Path(log).exists() else ""


def collect_static(static_root):
    """What the image's build does: the hashed, compressed static files for production mode."""
    env = {**os.environ, "DEBUG": "false", "STATIC_ROOT": str(static_root)}
    env |= {"SECRET_KEY": secrets.token_urlsafe(50), "EMAIL_URL": "smtp://build-only.invalid:25"}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def site_env(*, database_url, redis_url, site_url, secret_key, media_root, static_root, export_root, **extra):
    """The site's environment in docker-compose, pointed at loopback services."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": SITE_HOST,
        "SITE_URL": site_url,
        "TRUSTED_PROXY_HOPS": "1",
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "EXPORT_ROOT": str(export_root),
        "CONN_MAX_AGE": "0",
        "EMAIL_URL": "smtp://127.0.0.1:25",  # required in production mode; the worker sends, with its own
        **extra,
    }


@contextlib.contextmanager
def gunicorn(*, port, env, log, workers=2):
    """The Dockerfile's command on loopback; yields once /healthz answers."""
    command = [sys.executable, "-m", "gunicorn", "campaign.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--timeout", "30"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        headers = {"Host": SITE_HOST, "X-Forwarded-Proto": "https"}
        wait_for(f"http://127.0.0.1:{port}/healthz", headers=headers, process=process, log=log)
        yield process
    finally:
        _stop(process)


@dataclass
class Proxy:
    https_url: str
    http_url: str
    health_url: str
    process: subprocess.Popen


@contextlib.contextmanager
def caddy(*, upstream, https_port, http_port, health_port, media_root, static_root, state_dir, log):
    """Caddy with deploy/Caddyfile and its internal CA; its certificates and keys stay in state_dir."""
    env = {
        **os.environ,
        "SITE_HOST": SITE_HOST,
        "CADDY_TLS": "internal",
        "UPSTREAM": upstream,
        "HTTP_PORT": str(http_port),
        "HTTPS_PORT": str(https_port),
        "HTTPS_PORT_SUFFIX": f":{https_port}",
        "HEALTH_PORT": str(health_port),
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "CADDY_ADMIN": "off",
        "XDG_DATA_HOME": str(Path(state_dir) / "data"),
        "XDG_CONFIG_HOME": str(Path(state_dir) / "config"),
        "HOME": str(state_dir),
    }
    command = [caddy_binary(), "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        proxy = Proxy(
            https_url=f"https://{SITE_HOST}:{https_port}",
            http_url=f"http://{SITE_HOST}:{http_port}",
            health_url=f"http://127.0.0.1:{health_port}/healthz",
            process=process,
        )
        wait_for(proxy.health_url, process=process, log=log)
        wait_for(proxy.https_url + "/healthz", process=process, log=log)  # the certificate is issued
        yield proxy
    finally:
        _stop(process)


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
