"""An organiser's first hour in a real browser: created from the command line, sets up the second factor
on the admin's own page (QR code drawn inline, the key to type), and signs in with a code after that."""

import base64
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django_otp.oath import totp

PASSWORD = "a long organiser passphrase"


def code_for(key, *, ahead=0):
    bin_key = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(bin_key, drift=ahead):06d}"


@pytest.mark.browser
def test_a_new_organiser_sets_up_the_second_factor_and_signs_in(browser, live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--noinput", username="olga", email="olga@example.org")
    page = browser.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None)
    csp_errors = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(live_server.url + "/en/admin/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(re.compile(r"/admin/second-factor/"))
    assert page.get_by_role("heading", name="Set up your authenticator").is_visible()
    qr = page.locator(".otp-qr svg")
    assert qr.is_visible() and qr.bounding_box()["width"] >= 200
    key = page.locator("code.otp-key").inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", key)

    page.get_by_label("Code from the app").fill("123456" if code_for(key) != "123456" else "654321")
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_text("That code is not right").is_visible()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user__username="olga").update(throttling_failure_count=0)
    page.get_by_label("Code from the app").fill(code_for(key))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/en/admin/$"))
    assert page.get_by_text("Your authenticator is set up").is_visible()
    assert page.get_by_role("heading", name="Campaign administration").is_visible()

    page.get_by_role("button", name="Log out").click()
    page.goto(live_server.url + "/en/admin/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_text("Please enter your OTP token").or_(page.locator(".errornote")).first.is_visible()

    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Authenticator code").fill(code_for(key, ahead=1))  # the code just used is spent
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/en/admin/$"))
    assert page.get_by_role("heading", name="Campaign administration").is_visible()
    assert User.objects.get(username="olga").totpdevice_set.get().confirmed
    assert external == [] and csp_errors == []
