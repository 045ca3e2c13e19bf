"""The profile and home pages: content, structure, link previews, calls to action, query counts."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.models import Award, Book, KeyDate, Quotation, Source
from tests.campaign.builders import add_status, add_timeline, make_person, png_bytes
from tests.campaign.html_checks import check_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def ales(db):
    ales = make_person(birth_date=date(1962, 9, 25), featured=True)
    add_status(ales, "detained", date(2021, 7, 14))
    add_status(ales, "released", date(2025, 12, 13), source="Human Rights Watch, 15 December 2025")
    Award.objects.create(person=ales, year=2022, name="Nobel Peace Prize")
    Award.objects.create(person=ales, kind=Award.Kind.HONOUR, name="Honorary citizen of Paris (France)")
    Book.objects.create(person=ales, title="Literature and Nation", year=1991)
    Quotation.objects.create(
        person=ales,
        text="We must be a country without political prisoners.",
        speaker="Ales Bialiatski",
        source="IFEX, 25 June 2014",
        url="https://www.ifex.org/belarus/2014/06/25/early_release/",
    )
    Source.objects.create(person=ales, title="Human Rights Watch, 15 December 2025", url="https://www.hrw.org/")
    KeyDate.objects.create(month=12, day=10, title="Human Rights Day")
    return ales


@pytest.fixture
def valiantsin(db):
    person = make_person(slug="valiantsin-stefanovich", name_latin="Valiantsin Stefanovich", sort_order=20)
    person.name_be, person.name_ru = "Валянцін Стэфановіч", "Валентин Стефанович"
    person.save()
    add_status(person, "sentenced", date(2023, 3, 3))
    return person


def test_the_profile_shows_who_the_person_is(client, ales):
    response = client.get("/en/people/ales/")

    assert response.status_code == 200
    page = check_page(response.content.decode())
    html = response.content.decode()
    assert "Аляксандр Віктаравіч Бяляцкі" in page.lang["be"]
    assert "Александр Викторович Беляцкий" in page.lang["ru"]
    assert "Nobel Peace Prize" in html and "Honorary citizen of Paris (France)" in html
    assert "<cite>Literature and Nation</cite> (1991)" in html
    assert '<blockquote cite="https://www.ifex.org/belarus/2014/06/25/early_release/">' in html
    assert "— Ales Bialiatski" in html
    assert 'href="https://www.hrw.org/"' in html


def test_an_unknown_person_is_a_404(client, db):
    assert client.get("/en/people/nobody/").status_code == 404


def test_the_profile_has_link_previews_with_absolute_urls(client, ales, settings):
    settings.SITE_URL = "https://freeviasna.example"

    html = client.get("/en/people/ales/").content.decode()

    assert '<meta property="og:url" content="https://freeviasna.example/en/people/ales/">' in html
    assert '<meta property="og:image" content="https://freeviasna.example/static/img/share-card-en.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:title" content="Ales Bialiatski">' in html


def test_a_photo_is_shown_with_alt_text_and_used_for_previews(client, ales, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ales.photo.save("ales.png", ContentFile(png_bytes(300, 400)), save=True)

    html = client.get("/en/people/ales/").content.decode()

    assert 'alt="Portrait of Ales Bialiatski"' in html
    assert 'width="300" height="400"' in html
    assert f'<meta property="og:image" content="http://testserver{ales.photo.url}">' in html


def test_a_released_persons_calls_to_action_turn_to_colleagues_still_held(client, ales, valiantsin, petition):
    html = client.get("/en/people/ales/").content.decode()

    assert "Still held" in html
    assert 'href="/en/people/valiantsin-stefanovich/"' in html
    assert f'href="{petition.get_absolute_url()}#sign"' in html
    assert "0</strong>" in html  # the live count, from the petition row


def test_a_held_persons_page_does_not_list_colleagues_instead(client, ales, valiantsin):
    html = client.get("/en/people/valiantsin-stefanovich/").content.decode()

    check_page(html)
    assert "Colleagues still held" not in html
    assert "days behind bars" in html


def test_share_links_carry_the_campaign_hashtags(client, ales):
    html = client.get("/en/people/ales/").content.decode()

    assert "hashtags=FreeAles%2CFreeViasna" in html
    assert "url=http%3A%2F%2Ftestserver%2Fen%2Fpeople%2Fales%2F" in html


def test_letter_links_on_the_profiles_and_the_home_page(client, ales, valiantsin):
    held = client.get("/en/people/valiantsin-stefanovich/").content.decode()
    free = client.get("/en/people/ales/").content.decode()
    home = client.get("/en/").content.decode()

    assert 'href="/en/letters/write/?person=valiantsin-stefanovich"' in held
    assert "Write to Valiantsin Stefanovich" in held
    # Ales is free: his page sends letters to the colleague still held.
    assert "?person=ales" not in free
    assert 'href="/en/letters/write/?person=valiantsin-stefanovich"' in free
    assert 'href="/en/letters/"' in home


def test_profile_queries_do_not_grow_with_the_timeline(client, ales, valiantsin, petition):
    add_timeline(ales, 3)
    with CaptureQueriesContext(connection) as short:
        assert client.get("/en/people/ales/").status_code == 200
    add_timeline(ales, 27)
    with CaptureQueriesContext(connection) as long:
        assert "Event 29" in client.get("/en/people/ales/").content.decode()

    assert len(short) == len(long) <= 11, [q["sql"] for q in long.captured_queries]


def test_home_queries_are_fixed(client, ales, valiantsin, petition, django_assert_max_num_queries):
    for i in range(10):
        person = make_person(slug=f"p{i}", name_latin=f"Person {i}")
        add_status(person, "sentenced", date(2023, 1, 1))
    with django_assert_max_num_queries(4):
        client.get("/en/")


def test_home_shows_the_featured_person_the_petition_and_the_others(client, ales, valiantsin, petition):
    make_person(slug="marfa", name_latin="Marfa Rabkova", detention_start=None)

    response = client.get("/en/")

    html = response.content.decode()
    page = check_page(html)
    assert "Алесь Бяляцкі" in page.lang["be"]
    assert '<h1 id="featured-name" class="mb-1">Ales Bialiatski</h1>' in html
    assert "1,613 days behind bars</strong> — free since 13 December 2025" in html
    assert 'href="/en/people/ales/"' in html
    assert "What you can do in one minute" in html
    assert f'href="{petition.get_absolute_url()}#sign"' in html
    # Those held come before those whose status is not recorded.
    assert html.index("Valiantsin Stefanovich") < html.index("Marfa Rabkova")
    assert "No status is recorded here yet" in html


def test_home_without_people_still_renders(client, db):
    response = client.get("/en/")

    assert response.status_code == 200
    check_page(response.content.decode())


@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_pages_render_in_every_language(client, ales, valiantsin, language):
    for path in (f"/{language}/", f"/{language}/people/ales/", f"/{language}/people/valiantsin-stefanovich/"):
        response = client.get(path)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_the_link_preview_image_is_in_the_page_language(client, ales, settings, language):
    from PIL import Image

    html = client.get(f"/{language}/people/ales/").content.decode()
    assert f'content="{settings.SITE_URL}/static/img/share-card-{language}.png"' in html
    with Image.open(settings.BASE_DIR / "static" / "img" / f"share-card-{language}.png") as image:
        assert image.size == (1200, 630)
