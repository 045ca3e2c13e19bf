"""A first-time writer in a real browser: open the letters page, compose from a template, add a phrase,
watch the live check flag a word and clear it, get the letter ready and download the PDF."""

import re
import shutil
import subprocess

import pytest

from letters.models import KeptLetter
from letters.seeding import seed as seed_letters
from tests.letters.builders import assign, make_facility, make_recipient

# The name in the dative, with a line for the patronymic no source gives.
ADDRESS = ["Рабковой Марии ______________", "ИК №99", "ул. Тестовая, 1", "210000, г. Витебск", "REPUBLIC OF BELARUS"]


@pytest.mark.browser
def test_compose_check_and_download_the_pdf(services, browser, live_server, tmp_path):
    seed_letters()
    marfa = make_recipient("marfa-rabkova", name_latin="Marfa Rabkova", postal_name_ru="Рабковой Марии")
    assign(marfa, make_facility())

    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    external_requests = []
    page.on("request", lambda r: external_requests.append(r.url) if not r.url.startswith(live_server.url) else None)

    page.goto(live_server.url + "/en/letters/")
    assert page.get_by_text("0 letters reported by supporters").is_visible()
    page.get_by_role("link", name="Write to Marfa Rabkova").click()
    page.wait_for_url(re.compile(r"/en/letters/write/\?person=marfa-rabkova"))

    page.get_by_role("combobox", name="Kind of letter").select_option("birthday")
    page.get_by_role("combobox", name="Language of the letter").select_option("ru")
    page.get_by_role("button", name="Use this template").click()
    body = page.locator("#id_body")
    page.wait_for_function("document.getElementById('id_body').value.startsWith('Здравствуйте, Марфа!')")

    # The phrase goes in at the cursor, without a page load.
    body.evaluate("el => el.setSelectionRange(el.value.length, el.value.length)")
    page.get_by_text("Nature and weather").click()  # open the phrasebook's section
    page.get_by_role("button", name=re.compile("Вчера выпал первый снег")).click()
    assert body.input_value().endswith("Вчера выпал первый снег.")

    flags = page.locator("#censor-flags")
    assert flags.inner_text().strip() == ""
    body.press_sequentially(" Желаю, чтобы скорее пришла свабода.")
    flag = flags.locator(".censor-flag--politics")
    flag.wait_for()
    assert "свабода" in flag.inner_text()

    body.fill(body.input_value().replace(" Желаю, чтобы скорее пришла свабода.", ""))
    flag.wait_for(state="detached")
    assert flags.locator("li").count() == 0

    page.get_by_role("button", name="Ready to post").click()
    page.get_by_role("heading", name="Ready to post").wait_for()
    for line in ADDRESS:
        assert page.locator(".envelope__recipient").get_by_text(line, exact=True).is_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF").click()
    path = tmp_path / "letter.pdf"
    download.value.save_as(path)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
        for line in ADDRESS:
            assert line in text
        assert "Вчера выпал первый снег." in " ".join(text.split())

    page.get_by_role("button", name="I sent this letter").click()
    page.wait_for_url(re.compile(r"/en/letters/#marfa-rabkova"))
    assert page.get_by_text("1 letter reported by supporters").is_visible()

    assert KeptLetter.objects.count() == 0
    assert external_requests == []


@pytest.mark.browser
def test_replacing_a_draft_with_a_template_asks_first(services, browser, live_server):
    seed_letters()
    assign(make_recipient("marfa-rabkova", name_latin="Marfa Rabkova"), make_facility())
    page = browser.new_page()
    page.goto(live_server.url + "/en/letters/write/")
    page.locator("#id_body").fill("Мой черновик.")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Use this template").click()
    assert page.locator("#id_body").input_value() == "Мой черновик."
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Use this template").click()
    page.wait_for_function("document.getElementById('id_body').value.startsWith('Здравствуйте, Марфа!')")
