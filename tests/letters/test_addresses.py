from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from campaign.models import StatusChange
from letters import services
from letters.models import COUNTRY_LINE
from tests.letters.builders import assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db


def test_envelope_follows_the_guides_layout():
    person = make_recipient("marfa-rabkova")
    facility = make_facility()
    assert services.envelope_lines(person, facility) == [
        "Марфа Андреевна Рабкова",  # full name with patronymic, from name_ru
        "ИК №99",
        "ул. Тестовая, 1",
        "210000, г. Витебск",
        "REPUBLIC OF BELARUS",
    ]


def test_a_district_line_goes_after_the_town_and_before_the_country():
    facility = make_facility(
        institution="СІЗА № 1",
        street="Навадворскі с/с, 143/4",
        postcode="223016",
        town="в. Пашковічы",
        district="Мінскі раён, Мінская вобласць",
    )
    assert facility.address_lines == [
        "СІЗА № 1",
        "Навадворскі с/с, 143/4",
        "223016, в. Пашковічы",
        "Мінскі раён, Мінская вобласць",
        COUNTRY_LINE,
    ]


def test_the_name_falls_back_to_belarusian_when_there_is_no_russian_form():
    person = make_recipient("someone", name_ru="", name_be="Наста Лойка")
    assert services.envelope_lines(person, make_facility())[0] == "Наста Лойка"


def test_without_a_facility_the_envelope_leaves_lines_to_write_by_hand():
    person = make_recipient("marfa-rabkova")
    lines = services.envelope_lines(person, None)
    assert lines[0] == "Марфа Андреевна Рабкова"
    assert lines[-1] == COUNTRY_LINE
    assert lines[1:-1] == [services.HANDWRITE_LINE] * 3


@pytest.mark.parametrize("field", ["institution", "street", "town", "district"])
def test_address_lines_must_be_cyrillic(field):
    facility = make_facility()
    setattr(facility, field, "ul. Antoshkina 3")
    with pytest.raises(ValidationError) as error:
        facility.full_clean()
    assert field in error.value.message_dict


def test_postcode_is_six_digits():
    facility = make_facility()
    facility.postcode = "24603"
    with pytest.raises(ValidationError):
        facility.full_clean()


def test_an_address_not_checked_for_90_days_is_overdue():
    today = date(2026, 5, 1)
    assert not make_facility(last_checked=today - timedelta(days=90)).check_overdue(today)
    assert make_facility(last_checked=today - timedelta(days=91)).check_overdue(today)


def test_moving_a_person_keeps_the_history_and_the_newest_is_current():
    person = make_recipient("marfa-rabkova")
    first, second = make_facility(name="First"), make_facility(name="Second", postcode="220000")
    assign(person, first, since=date(2022, 1, 1))
    assign(person, second, since=date(2024, 6, 1))
    assert services.current_facility(person) == second
    assert [a.facility.name for a in person.facility_assignments.all()] == ["Second", "First"]
    [recipient] = services.recipients()
    assert recipient.facility == second


def test_free_and_held_are_read_from_the_newest_status():
    held = make_recipient("held")
    freed = make_recipient("freed")
    StatusChange.objects.create(person=freed, status=StatusChange.Status.RELEASED, date=date(2025, 12, 13))
    unknown = make_recipient("unknown", status=None)
    by_slug = {r.person.slug: r for r in services.recipients()}
    assert by_slug[held.slug].is_held and not by_slug[held.slug].is_free
    assert by_slug[freed.slug].is_free and not by_slug[freed.slug].is_held
    assert not by_slug[unknown.slug].is_held and not by_slug[unknown.slug].is_free


def test_the_suggestion_is_the_held_person_with_an_address_and_the_fewest_letters():
    facility = make_facility()
    many, few, no_address = make_recipient("many"), make_recipient("few"), make_recipient("no-address")
    freed = make_recipient("freed", status=StatusChange.Status.DEPORTED)
    for person in (many, few):
        assign(person, facility)
    for _ in range(3):
        services.letter_report(person=many)
    services.letter_report(person=few)
    assert services.suggested_recipient(services.recipients()).person == few
    for person in (many, few):
        person.facility_assignments.all().delete()
    # Nobody has an address now: the fewest letters wins, and someone free is never suggested.
    assert services.suggested_recipient(services.recipients()).person in {no_address}
    assert freed not in [r.person for r in services.recipients() if r.is_held]


def test_first_name_for_the_greeting_in_each_language():
    person = make_recipient("nasta", name_latin="Nasta Loika", name_be="Наста Лойка", name_ru="Анастасия Лойко")
    assert services.first_name(person, "be") == "Наста"
    assert services.first_name(person, "ru") == "Анастасия"
    assert services.first_name(person, "en") == "Nasta"
