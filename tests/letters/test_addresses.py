from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from campaign.models import StatusChange
from letters import services
from letters.models import COUNTRY_LINE
from tests.letters.builders import POSTAL_NAMES, TEST_VILLAGE, assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db


def test_envelope_follows_the_belarusian_postal_order():
    person = make_recipient("someone", **POSTAL_NAMES)
    assert services.envelope_lines(person, make_facility(**TEST_VILLAGE), "ru") == [
        f"Ивановой Марии {services.PATRONYMIC_LINE}",  # dative; the unsourced patronymic is a line to fill in
        "СИЗО № 0",
        "Примерный с/с, 1/2",
        "Примерный р-н, Примерная обл.",  # district and region before the postcode and town
        "200000, д. Примерово",
        COUNTRY_LINE,
    ]


def test_a_belarusian_letter_gets_an_envelope_all_in_belarusian():
    person = make_recipient("someone", **POSTAL_NAMES)
    envelope = services.envelope_for(person, make_facility(**TEST_VILLAGE), "be")
    assert envelope.language == "be"
    assert envelope.lines[:-1] == [
        f"Івановай Марыі {services.PATRONYMIC_LINE}",
        "СІЗА № 0",
        "Прыкладны с/с, 1/2",
        "Прыкладны раён, Прыкладная вобласць",
        "200000, в. Прыкладава",
    ]


def test_without_the_belarusian_address_a_belarusian_letter_gets_a_russian_envelope_not_a_mixed_one():
    person = make_recipient("someone", **POSTAL_NAMES)
    envelope = services.envelope_for(person, make_facility(), "be")  # the facility has no Belarusian address
    assert envelope.language == "ru"
    assert envelope.lines[0].startswith("Ивановой Марии")
    assert "ИК №99" in envelope.lines


def test_a_sourced_patronymic_is_printed_and_no_line_is_left():
    person = make_recipient(
        "someone", postal_name_ru="Ивановой Марии Ивановне", patronymic_source="Viasna's database, 1 March 2026"
    )
    assert services.envelope_lines(person, make_facility())[0] == "Ивановой Марии Ивановне"


def test_without_a_known_address_there_is_no_envelope_to_print():
    assert services.envelope_for(make_recipient("someone"), None) is None


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
