"""Small builders for the letters tests: people with a status history, facilities, assignments."""

from datetime import date

from campaign.models import Person, StatusChange
from letters.models import Facility, FacilityAssignment

# A made-up facility in the layout the guides give; not a real prison address.
TEST_FACILITY = {
    "name": "Test colony No. 99",
    "institution": "ИК №99",
    "street": "ул. Тестовая, 1",
    "postcode": "210000",
    "town": "г. Витебск",
    "source": "test data",
}


def make_person(slug, *, status=StatusChange.Status.PENAL_COLONY, sort_order=100, **fields):
    person = Person.objects.create(
        slug=slug,
        **{
            "name_latin": slug.replace("-", " ").title(),
            "name_be": "Марфа Рабкова",
            "name_ru": "Марфа Андреевна Рабкова",
            **fields,
        },
        sort_order=sort_order,
    )
    if status:
        StatusChange.objects.create(person=person, status=status, date=date(2023, 1, 1))
    return person


def make_facility(*, last_checked=None, **overrides):
    return Facility.objects.create(**{**TEST_FACILITY, "last_checked": last_checked or date.today(), **overrides})


def assign(person, facility, since=date(2024, 1, 1)):
    return FacilityAssignment.objects.create(person=person, facility=facility, since=since, source="test data")
