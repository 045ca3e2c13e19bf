"""The site in three languages: the URL carries the language, the first visit follows the browser, the
switcher keeps the page, content falls back to English and says so, dates and numbers read right."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from campaign.models import KeyDate, Person
from campaign.translated import translated
from petitions.models import Petition
from tests.campaign.builders import add_status, make_person
from tests.campaign.html_checks import check_page

pytestmark = pytest.mark.django_db

# A request leaves its language active in the test's thread: paths here are spelled out, not reversed.

LANGUAGES = ("en", "be", "ru")
NOTE = "(not yet translated — shown in English)"


def note(language):
    with translation.override(language):
        return gettext(NOTE)


@pytest.fixture
def ales():
    person = make_person(featured=True, role="Founder of Viasna", biography="Born in Karelia.")
    add_status(person, "detained", date(2021, 7, 14))
    add_status(person, "released", date(2025, 12, 13))
    return person


@pytest.fixture
def held():
    person = make_person("marfa", name_latin="Marfa Rabkova", name_be="Марфа Рабкова", short_name_be="")
    person.detention_start = date(2020, 9, 17)
    person.save()
    add_status(person, "penal_colony", date(2021, 5, 1))
    return person


# --- the first visit and the URL ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("be", "/be/"), ("be-BY,be;q=0.9,en;q=0.5", "/be/"), ("ru-RU,ru;q=0.9", "/ru/"), ("de", "/en/"), ("", "/en/")],
)
def test_the_first_visit_follows_the_browsers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_language_in_the_url_wins_over_the_browser(client, ales):
    response = client.get("/ru/", HTTP_ACCEPT_LANGUAGE="be")
    assert response.status_code == 200
    assert check_page(response.content.decode()).html_lang == "ru"


def switcher_links(html):
    nav = re.search(r'<ul class="navbar-nav[^"]*language-switcher".*?</ul>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav)}


def hreflang_links(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def public_paths(person, petition):
    return [
        reverse("home"),
        reverse("privacy"),
        person.get_absolute_url(),
        petition.get_absolute_url(),
        reverse("petitions:check_inbox", args=[petition.slug]),
        reverse("petitions:thanks", args=[petition.slug]),
        reverse("data_request"),
        reverse("letters:index"),
        reverse("letters:guide"),
        reverse("letters:compose"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_hreflang_links_and_a_switcher_that_keeps_the_page(client, ales, held, petition, language):
    with translation.override(language):
        paths = public_paths(ales, petition)
    for path in paths:
        assert path.startswith(f"/{language}/")
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        same_page = {code: f"/{code}/" + path.removeprefix(f"/{language}/") for code in LANGUAGES}
        assert hreflang_links(html) == {code: "http://testserver" + p for code, p in same_page.items()}, path
        assert switcher_links(html) == same_page, path
        assert check_page(html).html_lang == language


# --- content per language ------------------------------------------------------------------------------


def test_a_translated_field_reads_in_the_page_language(client, ales):
    Person.objects.filter(pk=ales.pk).update(summary_be="Праваабаронца.", role_be="Заснавальнік «Вясны»")

    html = client.get(f"/be/people/{ales.slug}/").content.decode()

    assert "Праваабаронца." in html and "A human rights defender." not in html
    assert "Заснавальнік «Вясны»" in html
    page = check_page(html)
    assert "Праваабаронца." not in " ".join(page.lang.get("en", []))


def test_a_missing_translation_falls_back_to_english_and_says_so(client, ales):
    Person.objects.filter(pk=ales.pk).update(summary_be="Праваабаронца.")
    ales.timeline_events.create(date=date(1962, 9, 25), title="Born in Karelia", title_be="Нарадзіўся ў Карэліі")
    ales.timeline_events.create(date=date(1979, 9, 1), title="Student in Gomel")

    html = client.get(f"/be/people/{ales.slug}/").content.decode()

    page = check_page(html)
    in_english = " ".join(page.lang["en"])
    assert "Born in Karelia." in in_english  # the biography has no Belarusian yet
    assert "Student in Gomel" in in_english
    assert "Нарадзіўся ў Карэліі" in html and "Нарадзіўся ў Карэліі" not in in_english
    assert "Праваабаронца." not in in_english
    assert html.count(note("be")) == 3  # the role in the head, the biography, the timeline: once each


def test_english_pages_carry_no_fallback_note(client, ales):
    html = client.get(f"/en/people/{ales.slug}/").content.decode()
    assert NOTE not in html
    assert check_page(html).lang["en"] == ["English"]  # the switcher's own name, nothing else


def test_the_petition_falls_back_per_field(client, petition):
    Petition.objects.filter(pk=petition.pk).update(title_ru="Освободите политзаключённых Беларуси")

    html = client.get(petition_path(petition, "ru")).content.decode()

    page = check_page(html)
    assert "Освободите политзаключённых Беларуси" in html
    assert "Release everyone held for their views." in " ".join(page.lang["en"])
    assert "First paragraph." in " ".join(page.lang["en"])
    assert note("ru") in html


def petition_path(petition, language):
    with translation.override(language):
        return petition.get_absolute_url()


def test_the_home_page_marks_english_content(client, ales, petition):
    html = client.get("/be/").content.decode()
    page = check_page(html)
    assert "A human rights defender." in " ".join(page.lang["en"])
    assert "Release everyone held for their views." in " ".join(page.lang["en"])
    assert note("be") in html


def test_key_dates_coming_up_fall_back_to_english(client, ales):
    KeyDate.objects.create(month=12, day=10, title="Human Rights Day", title_be="Дзень правоў чалавека")
    KeyDate.objects.create(month=5, day=21, title="Day of Political Prisoners of Belarus")
    html = client.get(f"/be/people/{ales.slug}/").content.decode()
    page = check_page(html)
    assert "Дзень правоў чалавека" in html
    assert "Day of Political Prisoners of Belarus" in " ".join(page.lang["en"])


def test_translated_tells_the_fallback(ales):
    with translation.override("be"):
        summary = translated(ales, "summary")
        assert (summary.text, summary.fallback, summary.lang) == ("A human rights defender.", True, "en")
    with translation.override("en"):
        assert translated(ales, "summary").fallback is False
    Person.objects.filter(pk=ales.pk).update(biography="")
    ales.refresh_from_db()
    with translation.override("be"):
        empty = translated(ales, "biography")
        assert (empty.text, empty.fallback, bool(empty)) == ("", False, False)


def test_names_are_in_the_pages_script(client, ales):
    be = client.get(f"/be/people/{ales.slug}/").content.decode()
    en = client.get(f"/en/people/{ales.slug}/").content.decode()
    assert '<h1 id="person-name" class="mb-1">Алесь Бяляцкі</h1>' in be
    assert '<h1 id="person-name" class="mb-1">Ales Bialiatski</h1>' in en


# --- dates and numbers ---------------------------------------------------------------------------------


def test_a_date_after_a_day_number_takes_the_genitive_month(client, ales):
    """'j F Y' would print the nominative ('13 снежань 2025'); the templates use 'j E Y'. The month names
    are the catalogues' (campaign/month_names.py)."""
    be = client.get(f"/be/people/{ales.slug}/").content.decode()
    ru = client.get(f"/ru/people/{ales.slug}/").content.decode()
    en = client.get(f"/en/people/{ales.slug}/").content.decode()

    assert "13 December 2025" in en
    for language, html in (("be", be), ("ru", ru)):
        with translation.override(language):
            genitive, nominative = pgettext("alt. month", "December"), gettext("December")
        assert genitive != "December"
        assert f"13 {genitive} 2025" in html
        if nominative != genitive:
            assert f"13 {nominative} 2025" not in html


def test_month_precision_dates_use_the_nominative(client, ales):
    ales.timeline_events.create(date=date(2023, 5, 1), date_precision="month", title="Moved to Horki")
    ru = client.get(f"/ru/people/{ales.slug}/").content.decode()
    with translation.override("ru"):
        may = gettext("May")
    assert may != "May"
    assert f'<time datetime="2023-05">{may} 2023</time>' in ru


def test_numbers_group_digits_the_languages_way(client, ales):
    """1,613 days: a comma in English, a (non-breaking) space in Belarusian and Russian."""
    en = client.get(f"/en/people/{ales.slug}/").content.decode()
    be = client.get(f"/be/people/{ales.slug}/").content.decode()
    ru = client.get(f"/ru/people/{ales.slug}/").content.decode()
    assert "1,613" in en
    assert "1\xa0613" in be and "1,613" not in be
    assert "1\xa0613" in ru and "1,613" not in ru


# --- text from Python in the page's language --------------------------------------------------------------


def test_status_labels_are_translatable(client, held):
    with translation.override("be"):
        label = str(held.status_changes.get().get_status_display())
        assert label == gettext("In a penal colony")
    html = client.get(f"/be/people/{held.slug}/").content.decode()
    assert label in html


def test_the_censor_speaks_the_page_language(monkeypatch):
    from letters import censor

    seen = []

    def fake_gettext(message):
        seen.append(message)
        return f"[be] {message}"

    monkeypatch.setattr("django.utils.translation._trans.gettext", fake_gettext, raising=False)
    with translation.override("be"):
        flags = censor.check_letter("Свобода " + "слова " * censor.MAX_WORDS)
    assert flags[0].message.startswith("[be] Political words")
    assert flags[-1].suggestion.startswith("[be] Keep to about one page (2\xa0500 characters")
    assert isinstance(flags[0].message, str)


# --- countries ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "poland", "first"),
    [("en", "Poland", "Afghanistan"), ("ru", "Польша", "Австралия"), ("be", "Польшча", "Аб’яднаныя Арабскія Эміраты")],
)
def test_the_sign_form_names_countries_in_the_page_language(client, petition, language, poland, first):
    html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
    options = re.findall(r'<option value="(\w\w)"[^>]*>([^<]+)</option>', html)
    assert ("PL", poland) in options
    assert options[0][1] == first


def test_belarusian_countries_sort_in_belarusian_order():
    from campaign.countries import country_choices

    with translation.override("be"):
        names = [name for _, name in country_choices()]
    assert names.index("Зімбабвэ") < names.index("Ізраіль") < names.index("Каба-Вердэ") < names.index("Японія")


def test_signers_are_listed_with_the_country_in_the_page_language(client, petition, sign_data):
    from petitions.models import Signature

    Signature.objects.create(
        petition=petition,
        first_name="Hanna",
        last_name="B",
        email="h@example.org",
        email_key="h@example.org",
        country="PL",
        show_publicly=True,
        status="confirmed",
    )
    assert "Hanna · Польшча" in client.get(f"/be/petitions/{petition.slug}/").content.decode()
    assert "Hanna · Poland" in client.get(f"/en/petitions/{petition.slug}/").content.decode()


def test_quotations_are_marked_with_their_own_language(client, ales):
    ales.quotations.create(text="I am not sorry.", speaker="Ales Bialiatski", source="PEN", language="en")
    ales.quotations.create(text="Жыве!", speaker="Ales Bialiatski", source="Viasna", language="be")
    be = check_page(client.get(f"/be/people/{ales.slug}/").content.decode())
    en = check_page(client.get(f"/en/people/{ales.slug}/").content.decode())
    assert "I am not sorry." in be.lang["en"] and "Жыве!" not in be.lang.get("be", [])
    assert "Жыве!" in en.lang["be"] and "I am not sorry." not in en.lang["en"]
