"""An organiser's first hour in a real browser: created from the command line, sets up the second factor
on the admin's own page (QR code drawn inline, the key to type), signs in with a code after that, then
exports the signatures in each format and downloads the handover PDF. `make test` runs it again on
SQLite with DEBUG on, as `make run` gives (the `embedded` mark)."""

import base64
import csv
import io
import json
import re
import subprocess

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django_otp.oath import totp

from campaign.seeding import seed_campaign
from petitions.models import ExportRecord, Petition, Signature
from tests.petitions.conftest import make_signature

PASSWORD = "a long organiser passphrase"


def code_for(key, *, ahead=0):
    bin_key = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(bin_key, drift=ahead):06d}"


@pytest.mark.browser
@pytest.mark.embedded
def test_a_new_organiser_sets_up_the_second_factor_signs_in_and_exports(browser, live_server, monkeypatch, tmp_path):
    seed_campaign()
    petition = Petition.objects.get()
    for first_name, country in (("Алесь", "BY"), ("Aleś", "PL"), ("=1+2", "LT")):
        make_signature(petition, first_name=first_name, country=country, show_publicly=True)
    petition.add_to_count(3)
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

    page.goto(live_server.url + "/en/admin/dashboard/")
    assert "Belarus" in page.locator("#content-main").inner_text()
    downloads = {name: download(page, petition, name, tmp_path) for name in ("csv", "json", "xlsx")}
    rows = list(csv.reader(io.StringIO(downloads["csv"].read_text(encoding="utf-8-sig"))))
    assert sorted(row[0] for row in rows[1:]) == ["'=1+2", "Aleś", "Алесь"]
    assert sorted(item["first_name"] for item in json.loads(downloads["json"].read_text())) == sorted(
        ["=1+2", "Aleś", "Алесь"]
    )
    assert downloads["xlsx"].read_bytes()[:2] == b"PK"

    page.goto(live_server.url + f"/en/admin/petitions/petition/{petition.pk}/export/")
    page.get_by_role("button", name="Prepare the handover PDF").click()
    page.wait_for_url(re.compile(r"/exportjob/"))
    with page.expect_download() as handover:
        page.get_by_role("link", name="Download").first.click()  # the newest first
    pdf = tmp_path / "handover.pdf"
    handover.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "3 people confirmed" in text and "Алесь (Belarus)" in text
    outcomes = sorted(ExportRecord.objects.values_list("format", "outcome"))
    assert outcomes == sorted([(f, o) for f in ("csv", "json", "xlsx", "pdf") for o in ("started", "done")])
    assert Signature.objects.count() == 3
    assert external == [] and csp_errors == []


def download(page, petition, file_format, tmp_path):
    """Export in `file_format`: CSV and JSON come at once, XLSX from the list of background exports."""
    page.goto(page.url.split("/en/")[0] + f"/en/admin/petitions/petition/{petition.pk}/export/")
    page.get_by_label("Format").select_option(file_format)
    if file_format == "xlsx":
        page.get_by_role("button", name="Export").click()
        page.wait_for_url(re.compile(r"/exportjob/"))
        with page.expect_download() as ready:
            page.get_by_role("link", name="Download").first.click()
    else:
        with page.expect_download() as ready:
            page.get_by_role("button", name="Export").click()
    path = tmp_path / f"export.{file_format}"
    ready.value.save_as(path)
    return path
