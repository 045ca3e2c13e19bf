"""The organiser's journey in a real browser (Debian's Chromium): dashboard, then a CSV download."""

import csv
from urllib.parse import urlsplit

import pytest

from petitions.models import ExportRecord
from tests.conftest import authenticator_code
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.embedded]


def test_an_organiser_checks_the_dashboard_and_downloads_the_signatures(
    chromium, live_server, organiser, petition, tmp_path
):
    from playwright.sync_api import sync_playwright

    make_signature(petition, first_name="Алесь", last_name="Бяляцкі", country="BY")
    petition.add_to_count(1)
    hosts = set()
    code = authenticator_code(organiser)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(accept_downloads=True)
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.goto(f"{live_server.url}/en/admin/login/")
        page.fill("#id_username", "alice")
        page.fill("#id_password", "password")
        page.fill("#id_otp_token", code)
        page.click("input[type=submit]")
        page.goto(f"{live_server.url}/en/admin/dashboard/")
        assert page.locator("svg.dash-chart rect").count() == 30
        assert "Belarus" in page.locator("#content-main").inner_text()
        page.click("text=Export and handover")
        page.select_option("[name=format]", "csv")  # XLSX is offered first; CSV streams at once
        with page.expect_download() as download_info:
            page.click("input[value=Export]")
        path = tmp_path / download_info.value.suggested_filename
        download_info.value.save_as(path)
        browser.close()
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert path.name.startswith("free-them-signatures-") and path.suffix == ".csv"
    assert rows[1][:2] == ["Алесь", "Бяляцкі"]
    assert hosts == {urlsplit(live_server.url).netloc}  # nothing loaded from other sites
    assert ExportRecord.objects.get(outcome="done").actor == "alice"
