"""Issue 11: quotations keep their original with a translation where organisers give one; a title that is
a translation is not quoted as if it were the published title."""

import pytest
from django.urls import reverse
from django.utils import translation

from campaign.models import Book, Person, Quotation

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    person = Person.objects.create(slug="someone", name_latin="Someone", name_be="Нехта", name_ru="Некто")
    Quotation.objects.create(
        person=person,
        text="Four years is four years too many.",
        language="en",
        speaker="Marie Struthers",
        speaker_be="Мары Стратэрс",
        translation_be="Чатыры гады — гэта на чатыры гады больш, чым можна.",
        source="Amnesty International",
    )
    Book.objects.create(person=person, title_en="Mercurial Silver of Life", title_is_translation=True)
    Book.objects.create(person=person, title_en="Literature and Nation", title_be="Літаратура і нацыя")
    return person


def page(client, language):
    with translation.override(language):
        url = reverse("person_detail", args=["someone"])
    return client.get(url).content.decode()


def test_a_quotation_shows_the_original_and_the_translation_into_the_page_language(client, person):
    html = page(client, "be")
    assert "Four years is four years too many." in html  # the original, as published
    assert "Чатыры гады — гэта на чатыры гады больш" in html
    assert "Мары Стратэрс" in html and "Marie Struthers" not in html


def test_without_a_translation_only_the_original_is_shown(client, person):
    html = page(client, "ru")
    assert "Four years is four years too many." in html
    assert "Чатыры гады" not in html and "quote-translation" not in html
    assert "Marie Struthers" in html  # no Russian form given


def test_a_translated_title_is_not_shown_as_the_title(client, person):
    html = page(client, "en")
    assert "<cite>Literature and Nation</cite>" in html
    assert "<cite>Mercurial Silver of Life</cite>" not in html
    assert "the published title is not in our sources" in html
