"""Seeding the translators' files (campaign/seed/<lang>.py): empty fields filled, nothing overwritten."""

import copy

import pytest
from django.core.management import call_command
from django.utils import translation

from campaign import seeding
from campaign.models import Award, Book, KeyDate, Person, StatusChange, TimelineEvent
from campaign.seed import content as seed_content
from campaign.seeding import seed_campaign, seed_translations
from petitions.models import Petition

pytestmark = pytest.mark.django_db

ALES = next(p for p in seed_content.PEOPLE if p["slug"] == "ales-bialiatski")


def sample_translation(tag):
    """A file in the translators' format, every text marked with `tag`, for two people and the rest."""

    def each(items, *fields):
        return [{field: f"{tag} {field} {i}" for field in fields} for i, _ in enumerate(items)]

    return {
        "PETITION": {field: f"{tag} petition {field}" for field in ("title", "summary", "body", "addressee")},
        "KEY_DATES": each(seed_content.KEY_DATES, "title", "text"),
        "PEOPLE": {
            "ales-bialiatski": {
                "role": f"{tag} role",
                "summary": f"{tag} summary",
                "biography": f"{tag} biography",
                "statuses": each(ALES["statuses"], "note"),
                "timeline": each(ALES["timeline"], "title", "text"),
                "awards": each(ALES["awards"], "name", "note"),
                "honours": each(ALES["honours"], "name", "note"),
                "books": each(ALES["books"], "title", "note"),
            },
            "nasta-loika": {"role": f"{tag} role", "summary": "", "biography": f"{tag} biography"},
        },
    }


@pytest.fixture
def files(monkeypatch):
    """What campaign/seed/<lang>.py would hold (the real files are the translators')."""
    data = {"be": sample_translation("BE"), "ru": None}
    monkeypatch.setattr(seeding, "load_seed_translations", lambda language: data.get(language))
    return data


def test_the_seed_fills_the_translations_of_everything_it_created(files):
    lines = seed_campaign()

    ales = Person.objects.get(slug="ales-bialiatski")
    assert (ales.role_be, ales.summary_be, ales.biography_be) == ("BE role", "BE summary", "BE biography")
    assert ales.role_en == ALES["role"]  # English untouched
    assert ales.role_ru is None  # no Russian file: English shown
    assert Person.objects.get(slug="nasta-loika").summary_be in ("", None)  # an empty string is no translation
    first_event = ales.timeline_events.get(date=ALES["timeline"][0]["date"], title_en=ALES["timeline"][0]["title"])
    assert (first_event.title_be, first_event.text_be) == ("BE title 0", "BE text 0")
    assert ales.awards.get(kind=Award.Kind.HONOUR, name_en=ALES["honours"][2]["name"]).name_be == "BE name 2"
    assert ales.books.get(title_en=ALES["books"][1]["title"]).note_be == "BE note 1"
    assert not StatusChange.objects.filter(person=ales, note_be=None).exclude(note_en="").exists()
    assert KeyDate.objects.get(month=12, day=10).title_be == "BE title 4"
    assert Petition.objects.get().title_be == "BE petition title"
    assert any(line.startswith("translations (be):") for line in lines)

    with translation.override("be"):
        assert Person.objects.get(slug="ales-bialiatski").summary == "BE summary"
    with translation.override("ru"):
        assert Person.objects.get(slug="ales-bialiatski").summary == ALES["summary"]  # the fallback


def test_seeding_a_database_seeded_before_the_translations_existed(files, monkeypatch):
    monkeypatch.setattr(seeding, "load_seed_translations", lambda language: None)
    call_command("seed_campaign")
    assert not Person.objects.exclude(biography_be=None).exists()

    monkeypatch.setattr(seeding, "load_seed_translations", lambda language: files.get(language))
    call_command("seed_campaign")

    assert Person.objects.get(slug="ales-bialiatski").biography_be == "BE biography"
    assert TimelineEvent.objects.filter(title_be__startswith="BE title").count() == len(ALES["timeline"])
    assert Book.objects.filter(title_be__startswith="BE").count() == len(ALES["books"])


def test_never_overwrites_an_organisers_translation_or_pairs_one_with_edited_english(files):
    with translation.override("en"):
        seed_campaign()
    ales = Person.objects.get(slug="ales-bialiatski")
    Person.objects.filter(pk=ales.pk).update(summary_be="Арганізатар напісаў.", biography_be=None, role_be=None)
    Person.objects.filter(pk=ales.pk).update(role_en="Edited role in English")
    event = ales.timeline_events.get(title_en="Born in Karelia")
    TimelineEvent.objects.filter(pk=event.pk).update(title_be=None, text_be=None, text_en="Edited text.")

    files["be"] = sample_translation("NEW")
    lines = seed_translations()

    ales.refresh_from_db()
    event.refresh_from_db()
    assert ales.summary_be == "Арганізатар напісаў."  # the organiser's translation stays
    assert ales.biography_be == "NEW biography"  # emptied: filled again
    assert ales.role_be is None  # the English changed: the seed's translation is no longer of it
    assert (event.title_be, event.text_be) == ("NEW title 0", None)
    assert lines == ["translations (be): 2 fields filled"]


def test_seeding_translations_twice_changes_nothing(files):
    seed_campaign()
    assert seed_translations() == ["translations (be): 0 fields filled"]


def test_a_list_of_the_wrong_length_is_skipped_not_misaligned(files):
    broken = copy.deepcopy(files["be"])
    broken["PEOPLE"]["ales-bialiatski"]["timeline"].pop(3)
    files["be"] = broken
    lines = seed_campaign()
    assert not TimelineEvent.objects.exclude(title_be=None).exists()
    assert Person.objects.get(slug="ales-bialiatski").summary_be == "BE summary"  # the rest is filled
    assert any("ales-bialiatski timeline" in line and "skipped" in line for line in lines)


def test_without_translators_files_the_seed_is_english_only(monkeypatch):
    assert seeding.load_seed_translations("uk") is None  # there is no campaign/seed/uk.py
    monkeypatch.setattr(seeding, "load_seed_translations", lambda language: None)
    lines = seed_campaign()
    assert not [line for line in lines if "translation" in line]
    assert Person.objects.get(slug="ales-bialiatski").summary_be is None
    assert Petition.objects.get().title_be is None


def test_seeding_under_another_active_language_still_writes_english():
    with translation.override("be"):
        seed_campaign()
    ales = Person.objects.get(slug="ales-bialiatski")
    assert ales.summary_en == ALES["summary"]
    assert ales.summary_be != ALES["summary"]  # the Belarusian field holds the Belarusian seed, if any
