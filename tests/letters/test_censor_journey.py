"""A writer in Belarusian, in a real browser: the live check (asked of the server while typing) flags
Viasna with its reason and a rewording, and the letter cannot reach the ready page without a warning."""

import re

import pytest

from letters.models import KeptLetter
from letters.seeding import seed as seed_letters
from tests.letters.builders import assign, make_facility, make_recipient

RISKY = " «Вясна» Вас памятае."


@pytest.mark.browser
def test_a_belarusian_letter_is_flagged_live_and_warned_on_the_ready_page(services, browser, live_server):
    seed_letters()
    assign(make_recipient("marfa-rabkova", name_latin="Marfa Rabkova"), make_facility())

    page = browser.new_page(viewport={"width": 390, "height": 844})
    requests = []
    page.on("request", lambda r: requests.append(r.url))

    page.goto(live_server.url + "/be/letters/write/?person=marfa-rabkova&language=be")
    assert page.locator("#censor-rules").count() == 0  # no copy of the rules in the page
    page.locator("button[name=action][value=template]").click()
    page.wait_for_function("document.getElementById('id_body').value.startsWith('Добры дзень, Марфа!')")

    body = page.locator("#id_body")
    flags = page.locator("#censor-flags")
    assert flags.locator("li").count() == 0
    body.evaluate("el => el.setSelectionRange(el.value.length, el.value.length)")
    with page.expect_response(re.compile(r"/be/letters/write/check/$")) as answer:
        body.press_sequentially(RISKY, delay=20)
    assert answer.value.status == 200
    flag = flags.locator(".censor-flag--organisation")
    flag.wait_for()
    assert "Вясна" in flag.inner_text()
    assert "«Вясна» і іншыя арганізацыі" in flag.inner_text()  # the reason, in Belarusian
    assert "Сябры перадаюць Вам вялікае прывітанне." in flag.inner_text()  # and what to write instead

    page.get_by_role("button", name="Гатова да адпраўкі").click()  # 'Ready to post'
    warning = page.get_by_role("alert")
    warning.wait_for()
    assert page.locator("#censor-flags .censor-flag--organisation").is_visible()

    page.get_by_role("button", name="Усё роўна працягнуць").click()  # 'Continue anyway'
    page.get_by_role("heading", name="Гатова да адпраўкі").wait_for()
    ready_warning = page.locator(".alert-warning")
    assert ready_warning.is_visible()
    assert "Вы вырашылі працягнуць, хоць праверка нешта знайшла" in ready_warning.inner_text()
    assert ready_warning.locator(".censor-flag--organisation").is_visible()

    assert all(url.startswith(live_server.url) for url in requests)
    assert KeptLetter.objects.count() == 0
