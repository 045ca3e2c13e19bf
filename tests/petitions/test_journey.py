"""A supporter signs in a real browser, the real worker sends the mail to a real SMTP server, the
supporter follows the link from that mail, confirms, and sees the count go up."""

import os
import re

import pytest

from campaign.celery import app as celery_app
from campaign.models import OutgoingEmail
from petitions.models import ReceivedSignature, Signature
from tests.conftest import free_port
from tests.journeys import celery_worker, drop_broker_connections, smtp_server, wait_until
from tests.smtp import html_part, text_part


def fill_sign_form(page, *, email):
    page.locator("#id_first_name").fill("Hanna")
    page.locator("#id_last_name").fill("Bialiatskaja")
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_role("combobox", name="Country").select_option("PL")
    page.get_by_label("Show my first name and country").check()
    page.get_by_role("button", name="Sign the petition").click()


@pytest.mark.browser
def test_sign_confirm_by_email_and_see_the_count(real_stack, browser, live_server, petition):
    smtp = real_stack
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    external_requests = []
    page.on("request", lambda r: external_requests.append(r.url) if not r.url.startswith(live_server.url) else None)

    page.goto(live_server.url + petition.get_absolute_url())
    assert page.get_by_text("0 signatures").first.is_visible()
    fill_sign_form(page, email="Hanna.B+viasna@example.org")
    page.wait_for_url(re.compile(r"/check-your-inbox/"))
    assert page.get_by_role("heading", name="Check your inbox").is_visible()

    [message] = smtp.inbox.wait_for(1)
    assert message["To"] == "Hanna.B+viasna@example.org"
    assert message["Subject"] == "Confirm your email address"  # before consent: no cause in the inbox
    assert "/withdraw/" in text_part(message) and "Open the link" in html_part(message)
    link = re.search(r"(http://\S+/confirm/\S+/)", text_part(message)).group(1)
    assert Signature.objects.get().status == Signature.Status.PENDING

    page.goto(link)
    page.get_by_role("button", name="Confirm my signature").click()
    page.wait_for_url(re.compile(r"/thank-you/"))
    assert page.get_by_text("1 signature", exact=False).first.is_visible()
    assert Signature.objects.get().status == Signature.Status.CONFIRMED

    thanks = smtp.inbox.wait_for(2)[1]
    assert thanks["Subject"] == "Thank you — your signature is confirmed"
    page.goto(live_server.url + petition.get_absolute_url())
    assert page.get_by_text("Hanna · Poland").is_visible()
    assert wait_until(lambda: OutgoingEmail.objects.filter(status="sent").count() == 2)
    assert external_requests == []
    os.makedirs("var/screenshots", exist_ok=True)
    page.screenshot(path="var/screenshots/journey-petition-phone.png", full_page=True)


@pytest.mark.browser
def test_signing_while_redis_is_down_keeps_the_signature_and_mails_later(
    services, chromium, live_server, settings, monkeypatch, browser, petition
):
    """Redis down: the page answers normally and the signature is kept in PostgreSQL; once Redis is
    back, beat's next tick has the worker record it and send the mail."""
    settings.SITE_URL = live_server.url
    celery_app.conf.task_always_eager = False
    dead_redis = f"redis://127.0.0.1:{free_port()}/0"
    working_caches = settings.CACHES
    monkeypatch.setattr(celery_app.conf, "broker_url", dead_redis)
    drop_broker_connections()  # pooled connections would still reach the live Redis
    settings.CACHES = {
        **working_caches,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": dead_redis},
    }
    page = browser.new_page()
    page.goto(live_server.url + petition.get_absolute_url())
    fill_sign_form(page, email="offline@example.org")
    page.wait_for_url(re.compile(r"/check-your-inbox/"))
    assert ReceivedSignature.objects.get().data["email"] == "offline@example.org"
    assert not Signature.objects.exists() and not OutgoingEmail.objects.exists()

    # Redis is back, and with it beat and the worker.
    monkeypatch.setattr(celery_app.conf, "broker_url", settings.REDIS_URL)
    drop_broker_connections()  # and now those to the dead one
    settings.CACHES = working_caches
    port = free_port()
    with smtp_server(port) as smtp, celery_worker(smtp_port=port):
        [message] = smtp.inbox.wait_for(1, timeout=60)

    assert Signature.objects.get().email == "offline@example.org"
    assert not ReceivedSignature.objects.exists()
    assert message["To"] == "offline@example.org"
    assert "/confirm/" in text_part(message)
