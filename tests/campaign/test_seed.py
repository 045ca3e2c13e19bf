"""The seed command creates what is missing and never overwrites what an organiser has edited."""

from datetime import date

import pytest
from django.core.management import call_command

from campaign.models import Award, KeyDate, Person, Quotation, Source, StatusChange, TimelineEvent
from campaign.profiles import standing_of
from campaign.seed import content as seed_content
from petitions.models import Petition

pytestmark = pytest.mark.django_db

MODELS = [Person, StatusChange, TimelineEvent, Award, Quotation, Source, KeyDate, Petition]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seeding_twice_creates_everything_once(capsys):
    call_command("seed_campaign")
    first = counts()
    call_command("seed_campaign")

    assert counts() == first
    assert first["Person"] == len(seed_content.PEOPLE)
    assert first["KeyDate"] == len(seed_content.KEY_DATES)
    assert first["TimelineEvent"] == sum(len(p["timeline"]) for p in seed_content.PEOPLE)
    assert "person ales-bialiatski: already there, left as it is" in capsys.readouterr().out


def test_the_seeded_bialiatski_is_featured_and_free_after_1613_days():
    call_command("seed_campaign")

    ales = Person.objects.get(slug="ales-bialiatski")
    assert list(Person.objects.filter(featured=True)) == [ales]
    standing = standing_of(ales, today=date(2026, 11, 22))
    assert standing.current.status == "deported"
    assert (standing.days, standing.free_since) == (1613, date(2025, 12, 13))
    events = list(ales.timeline_events.values_list("date", "title"))
    assert events[0] == (date(1962, 9, 25), "Born in Karelia")
    assert events[-1] == (date(2026, 1, 8), "Nobel diploma in Oslo")
    assert ales.awards.filter(kind=Award.Kind.HONOUR).count() == 3


def test_colleagues_without_a_detention_date_get_no_count():
    call_command("seed_campaign")

    for slug in ("marfa-rabkova", "nasta-loika", "leanid-sudalenka"):
        assert standing_of(Person.objects.get(slug=slug), today=date(2026, 11, 22)).days is None
    assert standing_of(Person.objects.get(slug="nasta-loika"), today=date(2026, 11, 22)).held
    assert standing_of(Person.objects.get(slug="valiantsin-stefanovich"), today=date(2026, 11, 22)).held


def test_an_organisers_edits_survive_a_second_seed():
    call_command("seed_campaign")
    ales = Person.objects.get(slug="ales-bialiatski")
    ales.summary = "Edited by an organiser."
    ales.save()
    ales.timeline_events.filter(title="Student in Gomel").delete()
    ales.status_changes.filter(status="deported").delete()
    KeyDate.objects.filter(month=12, day=10).update(title="Human Rights Day (edited)")
    petition = Petition.objects.get()
    petition.title = "A new title"
    petition.save()

    call_command("seed_campaign")

    ales.refresh_from_db()
    assert ales.summary == "Edited by an organiser."
    assert not ales.timeline_events.filter(title="Student in Gomel").exists()
    assert not ales.status_changes.filter(status="deported").exists()
    assert list(KeyDate.objects.filter(month=12, day=10).values_list("title", flat=True)) == [
        "Human Rights Day (edited)"
    ]
    assert Petition.objects.get().title == "A new title"


def test_seeding_does_not_steal_the_feature_from_the_organisers_choice():
    from tests.campaign.builders import make_person

    chosen = make_person(slug="someone-else", name_latin="Someone Else", featured=True)

    call_command("seed_campaign")

    assert list(Person.objects.filter(featured=True)) == [chosen]
