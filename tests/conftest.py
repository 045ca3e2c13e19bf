"""Shared fixtures. Tests that need real services use `services`; without DATABASE_URL and
REDIS_URL they are skipped, and with REQUIRE_SERVICES=1 (as in CI) a skip becomes a failure."""

import os
import socket

import pytest
from django.core.cache import cache
from django.utils import translation

from campaign.celery import app as celery_app
from campaign.pagecache import forget_local_copies
from petitions.models import Petition

HAVE_SERVICES = bool(os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL"))
CHROMIUM = "/usr/bin/chromium"


def _skip_or_fail(reason):
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def services():
    if not HAVE_SERVICES:
        _skip_or_fail("needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)")


@pytest.fixture
def chromium():
    if not os.path.exists(CHROMIUM):
        _skip_or_fail(f"needs Chromium at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "http://testserver"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PAGE_CACHE_SECONDS = 0  # pages rendered afresh; tests/campaign/test_pagecache.py turns it on
    cache.clear()
    forget_local_copies()
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True  # the journey tests turn this off and run a real worker
    yield
    celery_app.conf.task_always_eager = eager
    translation.deactivate()  # a test that switched language leaves the next one in English


@pytest.fixture
def petition(db):
    return Petition.objects.create(
        slug="free-them",
        title="Free Belarus's political prisoners",
        summary="Release everyone held for their views.",
        body="First paragraph.\n\nSecond paragraph.",
        addressee="The authorities of the Republic of Belarus",
        goal=100,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def sign_data():
    return {
        "first_name": "Alesia",
        "last_name": "Kavalenka",
        "email": "Alesia.Kavalenka+petition@Gmail.com",
        "country": "LT",
        "city": "Vilnius",
        "comment": "",
        "website": "",
    }


# --- personas (healthchecks' alice/bob/charlie) --------------------------------------------------------


def _staff(username, *, can_export=False, apps=()):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user(username, f"{username}@example.org", "password", is_staff=True)
    if can_export:
        user.user_permissions.add(Permission.objects.get(codename="export_signatures"))
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label__in=apps))
    return user


@pytest.fixture
def organiser(db):
    """Alice runs the campaign's petition: she may export signatures."""
    return _staff("alice", can_export=True)


@pytest.fixture
def second_organiser(db):
    return _staff("bob", can_export=True)


@pytest.fixture
def staff_without_permission(db):
    return _staff("charlie")


@pytest.fixture
def profile_editor(db):
    """Erin edits the people's pages (the campaign app's permissions), and exports nothing."""
    return _staff("erin", apps=["campaign"])


@pytest.fixture
def letters_keeper(db):
    """Dana keeps the letters pages (the letters app's permissions) and nothing else."""
    return _staff("dana", apps=["letters"])


@pytest.fixture
def stranger(db):
    from django.contrib.auth.models import User

    return User.objects.create_user("mallory", "mallory@example.org", "password")


def authenticator(user):
    """The organiser's TOTP device (what `manage.py otp_setup` creates)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="authenticator", defaults={"confirmed": True})
    return device


def authenticator_code(user):
    from django_otp.oath import totp

    device = authenticator(user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def verified_login(client, user):
    """Log in as if with password and authenticator code, as organisers who may export must."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
    session.save()


def queued_email(to="reader@example.org"):
    """A confirmation email in the outbox, rendered from plain values."""
    from campaign.mail import email_queue

    context = {
        "petition": {"title": "Free them"},
        "signature": {"first_name": "Ales"},
        "confirm_url": "http://testserver/c/",
        "withdraw_url": "http://testserver/w/",
        "max_age_days": 7,
    }
    return email_queue(to=to, template="confirm-signature", context=context)


@pytest.fixture
def browser(chromium, monkeypatch):
    """Chromium driven by Playwright (no browser download: Debian's /usr/bin/chromium)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    from tests.journeys import CHROMIUM_ARGS

    # Playwright's sync API runs an event loop in this thread; the ORM calls here are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()  # the ORM calls made while Playwright's loop ran had a connection of their own


@pytest.fixture
def real_stack(services, chromium, live_server, settings):
    """The site on loopback, a real Celery worker on Redis and a real SMTP server; yields the server."""
    from tests.journeys import celery_worker, smtp_server

    settings.SITE_URL = live_server.url
    celery_app.conf.task_always_eager = False
    port = free_port()
    with smtp_server(port) as smtp, celery_worker(smtp_port=port):
        yield smtp
