"""A newcomer opens the home page in a real browser, follows the featured person, and finds what to do."""

import os
import re

import pytest
from django.urls import NoReverseMatch, reverse

from campaign.seeding import seed_campaign


def letters_path():
    for name in ("letters:compose", "letters:index"):
        try:
            return reverse(name)
        except NoReverseMatch:
            pass
    return None


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_from_the_home_page_to_the_featured_person_and_what_to_do(services, browser, live_server, settings, width):
    settings.SITE_URL = live_server.url
    seed_campaign()
    page = browser.new_page(viewport={"width": width, "height": 900}, java_script_enabled=False)
    external_requests = []
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else external_requests.append(r.url))

    page.goto(live_server.url + "/en/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ales Bialiatski"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.get_by_text("1,613 days behind bars").first.is_visible()
    assert page.get_by_role("heading", name="What you can do in one minute").is_visible()

    page.get_by_role("link", name="Read the story of Ales Bialiatski").click()
    page.wait_for_url(re.compile(r"/en/people/ales-bialiatski/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Ales Bialiatski"
    assert page.locator('.names-cyrillic [lang="be"]').inner_text() == "Аляксандр Віктаравіч Бяляцкі"
    assert page.get_by_text("free since 13 December 2025").first.is_visible()

    sign = page.get_by_role("link", name="Sign the petition").first
    assert sign.get_attribute("href") == "/en/petitions/free-belarus-political-prisoners/#sign"
    share_x = page.get_by_role("link", name="X", exact=True)
    assert "hashtags=FreeAles%2CFreeViasna" in share_x.get_attribute("href")
    assert page.get_by_role("link", name="Telegram").is_visible()
    # He is free: the page turns to the colleagues still held.
    held = page.get_by_role("region", name="Still held")
    assert held.get_by_role("link", name="Valiantsin Stefanovich", exact=True).is_visible()
    if letters_path():
        assert page.locator(f'a[href^="{letters_path()}"]').count() > 0
    else:  # the letters app has not added its page yet: no dead link
        assert page.get_by_role("link", name=re.compile("^Write")).count() == 0

    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing runs off the screen
    os.makedirs("var/screenshots", exist_ok=True)
    page.screenshot(path=f"var/screenshots/journey-profile-{width}.png", full_page=True)

    held.get_by_role("link", name="Valiantsin Stefanovich", exact=True).click()
    page.wait_for_url(re.compile(r"/en/people/valiantsin-stefanovich/$"))
    assert page.get_by_text("days behind bars").first.is_visible()
    assert page.get_by_role("region", name="Still held").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.go_back()
    sign.click()
    page.wait_for_url(re.compile(r"/petitions/free-belarus-political-prisoners/"))
    assert page.get_by_role("heading", name="Add your name").is_visible()
    assert external_requests == []
