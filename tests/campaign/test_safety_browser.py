"""Issue 10 in a real browser with JavaScript off: the warning for people in Belarus grows when Belarus is chosen."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_belarus_shows_the_warning_without_javascript(browser, live_server, petition):
    page = browser.new_page(java_script_enabled=False)
    for language, text in (("en", "You chose Belarus"), ("be", "Вы выбралі Беларусь"), ("ru", "Вы выбрали Беларусь")):
        page.goto(f"{live_server.url}/{language}/petitions/{petition.slug}/")
        warning = page.locator("form .belarus-warning")
        assert warning.is_visible()
        assert not page.locator("form .belarus-chosen").is_visible()
        page.select_option("select[name=country]", "BY")
        assert page.locator("form .belarus-chosen").is_visible()
        assert text in page.locator("form .belarus-chosen").inner_text()
        page.select_option("select[name=country]", "LT")
        assert not page.locator("form .belarus-chosen").is_visible()
    page.close()
