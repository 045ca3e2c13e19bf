"""Status history and the day count: computed from the history and today's date in Minsk."""

from datetime import UTC, date, datetime

import pytest

from campaign.models import KeyDate, StatusChange
from campaign.profiles import coming_dates, minsk_today, next_occurrence, standing_of
from tests.campaign.builders import add_status, make_person

pytestmark = pytest.mark.django_db


def test_the_newest_status_is_the_current_one_and_same_day_changes_keep_their_order():
    ales = make_person()
    add_status(ales, "detained", date(2021, 7, 14))
    add_status(ales, "pre_trial", date(2021, 7, 14))
    add_status(ales, "sentenced", date(2023, 3, 3))

    assert [c.status for c in ales.status_changes.all()] == ["sentenced", "pre_trial", "detained"]
    standing = standing_of(ales, today=date(2023, 3, 4))
    assert standing.current.status == "sentenced"
    assert standing.held and not standing.free


def test_a_status_recorded_later_for_an_earlier_date_does_not_become_current():
    ales = make_person()
    add_status(ales, "sentenced", date(2023, 3, 3))
    add_status(ales, "pre_trial", date(2021, 7, 14))  # an organiser filling in history

    assert standing_of(ales, today=date(2024, 1, 1)).current.status == "sentenced"


def test_days_behind_bars_count_live_while_held():
    ales = make_person(detention_start=date(2021, 7, 14))
    add_status(ales, "pre_trial", date(2021, 7, 14))

    assert standing_of(ales, today=date(2021, 7, 14)).days == 0
    assert standing_of(ales, today=date(2021, 7, 15)).days == 1
    assert standing_of(ales, today=date(2025, 12, 13)).days == 1613


def test_the_count_stops_at_the_release_and_stays_there():
    """1,613 days from 14 July 2021 to 13 December 2025, as Viasna counted: the first day is not counted."""
    ales = make_person(detention_start=date(2021, 7, 14))
    add_status(ales, "detained", date(2021, 7, 14))
    add_status(ales, "cell_type_room", date(2023, 11, 1))
    add_status(ales, "released", date(2025, 12, 13))
    add_status(ales, "deported", date(2025, 12, 13))

    for today in (date(2025, 12, 13), date(2026, 1, 8), date(2031, 7, 14)):
        standing = standing_of(ales, today=today)
        assert standing.free and not standing.held
        assert standing.days == 1613
        assert standing.free_since == date(2025, 12, 13)


def test_the_first_imprisonment_gives_the_1052_days_of_the_sources():
    ales = make_person(detention_start=date(2011, 8, 4))
    add_status(ales, "sentenced", date(2011, 11, 24))
    add_status(ales, "released", date(2014, 6, 21))

    assert standing_of(ales, today=date(2020, 1, 1)).days == 1052


def test_counting_across_a_leap_day():
    person = make_person(detention_start=date(2024, 2, 28))
    add_status(person, "detained", date(2024, 2, 28))

    assert standing_of(person, today=date(2024, 2, 29)).days == 1
    assert standing_of(person, today=date(2024, 3, 1)).days == 2
    assert standing_of(person, today=date(2025, 2, 28)).days == 366


def test_no_detention_date_means_no_count_even_while_held():
    """Rabkova, Loika, Sudalenka: the sources give no date of arrest, so the page shows no number."""
    loika = make_person(slug="nasta", name_latin="Nasta Loika", detention_start=None)
    add_status(loika, "sentenced", date(2023, 6, 20))

    standing = standing_of(loika, today=date(2026, 1, 1))
    assert standing.held
    assert standing.days is None


def test_no_status_recorded_is_neither_held_nor_free_and_has_no_count():
    marfa = make_person(slug="marfa", detention_start=date(2021, 9, 2))

    standing = standing_of(marfa, today=date(2026, 1, 1))
    assert standing.current is None
    assert not standing.held and not standing.free
    assert standing.days is None


def test_rearrested_after_a_release_counts_from_the_new_detention():
    person = make_person(detention_start=date(2026, 3, 1))
    add_status(person, "sentenced", date(2011, 11, 24))
    add_status(person, "released", date(2014, 6, 21))
    add_status(person, "detained", date(2026, 3, 1))

    standing = standing_of(person, today=date(2026, 3, 11))
    assert standing.held and standing.free_since is None
    assert standing.days == 10


def test_released_before_the_detention_date_an_organiser_just_set_shows_no_count():
    person = make_person(detention_start=date(2026, 3, 1))  # re-arrest entered, status not yet
    add_status(person, "released", date(2014, 6, 21))

    assert standing_of(person, today=date(2026, 3, 11)).days is None


@pytest.mark.parametrize(
    ("utc", "minsk_date"),
    [
        (datetime(2025, 12, 12, 20, 59, tzinfo=UTC), date(2025, 12, 12)),
        (datetime(2025, 12, 12, 21, 0, tzinfo=UTC), date(2025, 12, 13)),  # Minsk is UTC+3 all year
        (datetime(2024, 2, 28, 23, 30, tzinfo=UTC), date(2024, 2, 29)),
        (datetime(2024, 12, 31, 23, 30, tzinfo=UTC), date(2025, 1, 1)),
    ],
)
def test_today_is_the_date_in_minsk(utc, minsk_date):
    assert minsk_today(utc) == minsk_date


def test_a_request_at_2330_utc_already_counts_the_next_day(client, monkeypatch):
    person = make_person(slug="held", name_latin="Valiantsin Stefanovich", detention_start=date(2021, 7, 14))
    add_status(person, "sentenced", date(2023, 3, 3))
    # 23:30 UTC on 12 December 2025 is 02:30 on 13 December in Minsk: day 1,613.
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2025, 12, 12, 23, 30, tzinfo=UTC))

    response = client.get(person.get_absolute_url())

    assert "1,613 days behind bars" in response.content.decode()


def test_the_page_says_how_long_and_since_when_once_free(client):
    ales = make_person(detention_start=date(2021, 7, 14))
    add_status(ales, "detained", date(2021, 7, 14))
    add_status(ales, "released", date(2025, 12, 13))
    add_status(ales, "deported", date(2025, 12, 13))

    html = client.get(ales.get_absolute_url()).content.decode()

    assert "<strong>1,613 days behind bars</strong> — free since 13 December 2025" in html


def test_the_status_history_is_listed_newest_first_with_sources(client):
    ales = make_person()
    add_status(ales, "penal_colony", date(2023, 5, 1), date_precision="month", source="charter97.org")
    add_status(ales, "released", date(2025, 12, 13), note="Freed.", source="HRW")

    html = client.get(ales.get_absolute_url()).content.decode()
    history = html[html.index("Status history") :]

    assert history.index("<strong>Released</strong>") < history.index("<strong>In a penal colony</strong>")
    assert '<time datetime="2023-05">May 2023</time>' in history  # not '1 May 2023': the source gives a month
    assert "Source: charter97.org" in history


def test_next_occurrence_of_a_leap_day_birthday_in_a_common_year():
    assert next_occurrence(2, 29, today=date(2025, 1, 10)) == date(2025, 2, 28)
    assert next_occurrence(2, 29, today=date(2027, 3, 1)) == date(2028, 2, 29)
    assert next_occurrence(9, 25, today=date(2026, 9, 25)) == date(2026, 9, 25)
    assert next_occurrence(9, 25, today=date(2026, 9, 26)) == date(2027, 9, 25)


def test_coming_dates_give_the_birthday_once_and_the_arrest_anniversary_while_held():
    ales = make_person(birth_date=date(1962, 9, 25), detention_start=date(2021, 7, 14))
    add_status(ales, "cell_type_room", date(2023, 11, 1))
    KeyDate.objects.create(month=9, day=25, title="Ales Bialiatski's birthday")
    KeyDate.objects.create(month=12, day=10, title="Human Rights Day")

    dates = coming_dates(
        standing=standing_of(ales, today=date(2024, 7, 1)), key_dates=KeyDate.objects.all(), today=date(2024, 7, 1)
    )

    assert [(d.date, d.title) for d in dates] == [
        (date(2024, 7, 14), "3 years since the arrest"),
        (date(2024, 9, 25), "Ales Bialiatski's birthday"),
        (date(2024, 12, 10), "Human Rights Day"),
    ]
    assert dates[1].text == "Turns 62."


def test_no_arrest_anniversary_once_free():
    ales = make_person(detention_start=date(2021, 7, 14))
    add_status(ales, "released", date(2025, 12, 13))

    dates = coming_dates(standing=standing_of(ales, today=date(2026, 1, 1)), key_dates=[], today=date(2026, 1, 1))

    assert dates == []


def test_status_labels_cover_every_status_of_the_issue():
    assert {choice for choice, _ in StatusChange.Status.choices} == {
        "detained",
        "pre_trial",
        "sentenced",
        "penal_colony",
        "cell_type_room",
        "incommunicado",
        "in_prison",
        "released",
        "deported",
    }
    assert StatusChange.FREE == {"released", "deported"}
