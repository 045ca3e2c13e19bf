"""The production shape, served: gunicorn behind the real Caddy binary with deploy/Caddyfile and Caddy's
internal CA, driven over https in Chromium. What docker-compose runs, minus the containers."""

import http.client
import io
import os
import re
import secrets

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from campaign.limits import hashed
from campaign.models import Person
from petitions.models import Signature
from tests.campaign.builders import make_person
from tests.conftest import CHROMIUM, HAVE_SERVICES, _skip_or_fail, authenticator, authenticator_code, free_port
from tests.deploy import stack
from tests.journeys import celery_worker, shared_database_url, smtp_server
from tests.petitions.test_journey import fill_sign_form
from tests.smtp import text_part

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIGN_PER_IP = 3


@pytest.fixture(scope="module")
def served(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn in production mode behind Caddy on free loopback ports; yields (proxy, site env)."""
    if not HAVE_SERVICES:
        _skip_or_fail("needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)")
    if not stack.caddy_binary():
        _skip_or_fail("needs the caddy binary (apt-get install caddy)")
    if not os.path.exists(CHROMIUM):
        _skip_or_fail(f"needs Chromium at {CHROMIUM}")
    base = tmp_path_factory.mktemp("served")
    static_root, media_root = base / "static", base / "media"
    media_root.mkdir()
    stack.collect_static(static_root)
    https_port, http_port, health_port, web_port = (free_port() for _ in range(4))
    with django_db_blocker.unblock():
        database_url = shared_database_url()
    env = stack.site_env(
        database_url=database_url,
        redis_url=django_settings.REDIS_URL,
        site_url=f"https://{stack.SITE_HOST}:{https_port}",
        secret_key=secrets.token_urlsafe(50),
        media_root=media_root,
        static_root=static_root,
        export_root=base / "exports",
        RATE_LIMIT_SIGN_PER_IP=str(SIGN_PER_IP),
    )
    with (
        stack.gunicorn(port=web_port, env=env, log=base / "gunicorn.log"),
        stack.caddy(
            upstream=f"127.0.0.1:{web_port}",
            https_port=https_port,
            http_port=http_port,
            health_port=health_port,
            media_root=media_root,
            static_root=static_root,
            state_dir=base / "caddy",
            log=base / "caddy.log",
        ) as proxy,
    ):
        yield proxy, env


@pytest.fixture
def tab(browser):
    """A Chromium tab that accepts the certificate of Caddy's internal CA."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_sign_and_confirm_over_https_behind_caddy(served, tab, petition, settings):
    proxy, env = served
    others = []
    tab.on("request", lambda r: others.append(r.url) if not r.url.startswith(proxy.https_url) else None)
    port = free_port()
    worker_env = {"SECRET_KEY": env["SECRET_KEY"], "SITE_URL": env["SITE_URL"], "DEBUG": "false"}
    with smtp_server(port) as smtp, celery_worker(smtp_port=port, extra_env=worker_env):
        response = tab.goto(proxy.https_url + petition.get_absolute_url())
        assert response.status == 200
        headers = response.all_headers()
        assert "max-age=31536000" in headers["strict-transport-security"]  # Django knows it is https
        assert "server" not in headers
        fill_sign_form(tab, email="hanna@example.org")
        tab.wait_for_url(re.compile(r"/check-your-inbox/"))

        [message] = smtp.inbox.wait_for(1, timeout=60)
        link = re.search(r"(https://\S+/confirm/\S+/)", text_part(message)).group(1)
        assert link.startswith(proxy.https_url + "/")
        tab.goto(link)
        tab.get_by_role("button", name="Confirm my signature").click()
        tab.wait_for_url(re.compile(r"/thank-you/"))
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    assert tab.get_by_text("1 signature", exact=False).first.is_visible()
    stylesheet = tab.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert others == []

    # Static files come from Caddy, compressed and cached for good under their hashed names.
    status, headers, _ = stack.fetch(proxy.https_url + stylesheet, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]


def test_an_organiser_uploads_a_portrait_and_the_profile_shows_it(served, tab, settings):
    proxy, _ = served
    # gunicorn checks passwords with the production hasher, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    from django.contrib.auth.models import User

    organiser = User.objects.create_superuser("alice", "alice@example.org", "a long organiser password")
    authenticator(organiser)
    person = make_person(slug="ales")
    photo = io.BytesIO()
    from PIL import Image

    Image.frombytes("RGB", (1200, 1500), os.urandom(1200 * 1500 * 3)).save(photo, format="JPEG", quality=95)
    assert len(photo.getvalue()) > 1_000_000  # a phone photo: well over the public forms' cap

    tab.goto(proxy.https_url + "/en/admin/login/")
    tab.fill("#id_username", "alice")
    tab.fill("#id_password", "a long organiser password")
    tab.fill("#id_otp_token", authenticator_code(organiser))
    tab.click("input[type=submit]")
    tab.wait_for_url(re.compile(r"/en/admin/$"))
    tab.goto(f"{proxy.https_url}/en/admin/campaign/person/{person.pk}/change/")
    tab.set_input_files(
        "#id_photo", files=[{"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}]
    )
    tab.click("input[name=_save]")
    tab.wait_for_url(re.compile(r"/en/admin/campaign/person/$"))
    assert Person.objects.values_list("photo", flat=True).get(pk=person.pk) == "people/ales.jpg"

    tab.goto(f"{proxy.https_url}/en/people/ales/")
    portrait = tab.locator("img.portrait").first
    assert portrait.get_attribute("src") == "/media/people/ales.jpg"
    assert tab.evaluate("() => document.querySelector('img.portrait').naturalWidth") == 800  # resized on upload
    status, headers, body = stack.fetch(proxy.https_url + "/media/people/ales.jpg")
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"
    assert headers["Content-Security-Policy"] == "default-src 'none'"


def test_a_spoofed_forwarded_for_does_not_change_the_address_the_limit_counts(served, tab, petition, settings):
    """Every try writes a new X-Forwarded-For; Caddy replaces it, so all count against one address."""
    proxy, env = served
    answers = []
    for n in range(SIGN_PER_IP + 1):
        tab.set_extra_http_headers({"X-Forwarded-For": f"198.51.100.{n}"})
        tab.goto(proxy.https_url + petition.get_absolute_url())
        with tab.expect_response(lambda r: r.request.method == "POST") as posted:
            fill_sign_form(tab, email=f"spoof{n}@example.org")
        answers.append(posted.value.status)
    assert answers == [302] * SIGN_PER_IP + [429]
    assert tab.get_by_role("alert").filter(has_text="Too many signatures have come from your network").is_visible()
    # The signatures themselves are written by a worker (none runs here): what counts is the limit's key.
    settings.SECRET_KEY = env["SECRET_KEY"]  # the limit's keys are hashed with the site's key
    addresses = ["127.0.0.1", "::1"] + [f"198.51.100.{n}" for n in range(SIGN_PER_IP + 1)]
    counted = {address: cache.get(f"rl:sign-ip:{hashed(address)}") for address in addresses}
    # Chromium reaches localhost over IPv4 or IPv6; either way one loopback address took every try.
    assert {address: count for address, count in counted.items() if count} in (
        {"127.0.0.1": SIGN_PER_IP + 1},
        {"::1": SIGN_PER_IP + 1},
    )


def test_http_redirects_to_https_and_big_bodies_stop_at_the_proxy(served, tab, petition):
    proxy, _ = served
    status, headers, _ = stack.fetch(proxy.http_url + "/en/privacy/?x=1")
    assert status == 308
    assert headers["Location"] == proxy.https_url + "/en/privacy/?x=1"
    tab.goto(proxy.http_url + "/en/privacy/")
    assert tab.url == proxy.https_url + "/en/privacy/"

    # A client that announces a big body is answered before it sends it (as curl does).
    port = int(proxy.https_url.rsplit(":", 1)[1])
    connection = http.client.HTTPSConnection(stack.SITE_HOST, port, context=stack.insecure_tls(), timeout=10)
    connection.putrequest("POST", petition.get_absolute_url() + "sign/")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Content-Length", "400000")
    connection.putheader("Expect", "100-continue")
    connection.endheaders()
    response = connection.getresponse()
    assert (response.status, response.read()) == (413, b"Request too large.")
    connection.close()
    assert Signature.objects.count() == 0
