"""Headers, the deploy check, and a crawl of every public page for anything from another origin."""

import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

# What production mode needs: a key nobody else has, and a mail server.
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50), "EMAIL_URL": "smtp://127.0.0.1:1025"}

# Attributes that make a browser fetch something by itself (unlike <a href>, which waits for a click).
RESOURCE_ATTRIBUTES = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("form", "action"),
    ("use", "href"),
    ("image", "href"),
}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.resources, self.links, self.inline_scripts, self.style_attributes = [], [], 0, 0
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if (tag, name) in RESOURCE_ATTRIBUTES and value:
                self.resources.append(value)
        if "style" in attrs:
            self.style_attributes += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self.inline_scripts += 1


def crawl(client, start="/en/", limit=60):
    """Visit same-origin pages reachable from `start` by GET; yield (url, response, parser)."""
    seen, queue = set(), [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        yield url, response, parser
        for link in parser.links:
            absolute = urljoin(url, link)
            parts = urlsplit(absolute)
            if parts.netloc in ("", "testserver") and parts.scheme in ("", "http") and "/admin/" not in parts.path:
                queue.append(parts.path)


def test_every_public_page_loads_nothing_from_another_origin(client, petition):
    pages = list(crawl(client))
    assert len(pages) >= 3
    for url, response, parser in pages:
        assert response.status_code == 200, url
        for resource in parser.resources:
            assert urlsplit(urljoin("http://testserver" + url, resource)).netloc == "testserver", (url, resource)
        assert parser.inline_scripts == 0, url
        assert parser.style_attributes == 0, url
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_the_deploy_check_is_clean_in_production_mode():
    env = {
        **os.environ,
        **PRODUCTION,
        "ALLOWED_HOSTS": "campaign.example.org",
        "SITE_URL": "https://campaign.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _check(**environment):
    """`manage.py check` with these variables set (None: unset)."""
    env = {k: v for k, v in {**os.environ, **environment}.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_production_mode_refuses_to_start_without_a_secret():
    result = _check(**{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "embedded-default-insecure-key-for-local-use-only",  # the embedded default, public in this repository
        "change-me-in-production-to-a-long-random-string",  # the old docker-compose default
        "django-insecure-" + secrets.token_urlsafe(40),  # startproject's marker
        secrets.token_urlsafe(20),  # random but short
        "ab" * 40,  # long but two characters
    ],
)
def test_production_mode_refuses_a_known_short_or_repetitive_secret(key):
    result = _check(**{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY" in result.stderr


def test_production_mode_refuses_to_start_without_a_mail_server():
    result = _check(**{**PRODUCTION, "EMAIL_URL": None})
    assert result.returncode != 0
    assert "EMAIL_URL must be set" in result.stderr


def test_production_mode_starts_with_a_random_secret_and_a_mail_server():
    result = _check(**PRODUCTION, ALLOWED_HOSTS="campaign.example.org")
    assert result.returncode == 0, result.stderr


def test_the_embedded_default_needs_no_environment():
    result = _check(DEBUG=None, SECRET_KEY=None, EMAIL_URL=None, DATABASE_URL=None, REDIS_URL=None)
    assert result.returncode == 0, result.stderr


def test_production_mode_sets_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s;"
        " print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    env = {**os.environ, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "campaign.settings"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["31536000", "True", "True"], result.stderr


def test_production_static_files_collect_and_pages_render(tmp_path):
    """DEBUG off uses the hashed manifest: a file it cannot process would turn every page into a 500."""
    env = {
        **os.environ,
        **PRODUCTION,
        "STATIC_ROOT": str(tmp_path),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DJANGO_SETTINGS_MODULE": "campaign.settings",
    }
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collect.returncode == 0, collect.stderr[-2000:]
    code = (
        "import django; django.setup(); from django.test import Client;"
        " r = Client().get('/en/privacy/'); print(r.status_code, b'/static/css/site.' in r.content)"
    )
    page = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    assert page.stdout.split() == ["200", "True"], page.stderr[-2000:]
