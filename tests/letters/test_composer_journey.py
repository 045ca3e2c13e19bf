"""The composer's rough edges in a real browser, on a phone: a phrase after 'Use this template' goes at the
end on its own line (or where the writer put the cursor), the page does not jump away from the phrasebook,
a kept copy opens in a tab of its own with the ready page still there, and form addresses opened directly
show a page."""

import re

import pytest

from letters.models import KeptLetter
from letters.seeding import seed as seed_letters
from tests.letters.builders import assign, make_facility, make_recipient

PHRASE = "Вчера выпал первый снег."


@pytest.mark.browser
def test_phrases_after_a_template_and_keeping_a_copy_on_a_phone(services, browser, live_server):
    seed_letters()
    assign(make_recipient("marfa-rabkova", name_latin="Marfa Rabkova"), make_facility())
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/en/letters/write/?person=marfa-rabkova")
    page.get_by_role("combobox", name="Language of the letter").select_option("ru")
    page.get_by_role("button", name="Use this template").click()
    page.wait_for_function("document.getElementById('id_body').value.startsWith('Здравствуйте, Марфа!')")
    body = page.locator("#id_body")
    template = body.input_value()

    # From the letter to the phrasebook and back by links; the phrase goes in without the page jumping.
    page.get_by_role("link", name=re.compile("Phrasebook: safe lines")).click()
    page.get_by_text("Nature and weather").click()
    phrase = page.get_by_role("button", name=re.compile(PHRASE))
    phrase.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    phrase.click()
    assert body.input_value() == template.rstrip(" ") + ("" if template.endswith("\n") else "\n") + PHRASE
    assert page.evaluate("window.scrollY") == scrolled and not body.evaluate("el => el === document.activeElement")
    assert page.locator("#phrase-status").inner_text() == "Added to your letter"

    # Where the writer puts the cursor, the next phrase goes: here, after the greeting.
    page.get_by_role("link", name=re.compile("Back to my letter")).first.click()
    body.click()
    page.keyboard.press("Control+Home")
    page.keyboard.press("End")
    page.get_by_role("link", name=re.compile("Phrasebook: safe lines")).click()
    phrase.click()
    assert body.input_value().split("\n")[0] == "Здравствуйте, Марфа! " + PHRASE

    page.get_by_role("button", name="Ready to post").click()
    page.get_by_role("heading", name="Ready to post").wait_for()
    with context.expect_page() as new_tab:
        page.get_by_role("button", name="Keep a copy for me").click()
    kept = new_tab.value
    kept.wait_for_load_state()
    assert re.search(r"/en/letters/kept/[^/]+/\?new=1$", kept.url)
    assert kept.get_by_role("heading", name="Your copy is kept").is_visible()
    kept.reload()  # a GET: no 'resubmit the form?' question
    assert kept.get_by_role("heading", name="Your copy is kept").is_visible()
    assert KeptLetter.objects.count() == 1
    # The ready page is still there, with the PDF and 'I sent this letter'.
    assert page.get_by_role("button", name="Download the PDF").is_visible()
    page.get_by_role("button", name="I sent this letter").click()
    page.wait_for_url(re.compile(r"/en/letters/#marfa-rabkova"))

    for path, lands_on in (
        ("/en/letters/sent/", r"/en/letters/$"),
        ("/en/letters/keep/", r"/en/letters/write/$"),
        ("/en/letters/reminders/", r"/en/letters/#reminders$"),
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200 and re.search(lands_on, page.url), path
    context.close()
