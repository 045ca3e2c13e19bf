"""Small builders for the letters tests: people with a status history, facilities, assignments."""

from datetime import date

from campaign.models import StatusChange
from letters.models import Facility, FacilityAssignment
from tests.campaign.builders import add_status, make_person

# A made-up facility in the layout the guides give; not a real prison address.
TEST_FACILITY = {
    "name": "Test colony No. 99",
    "institution": "ИК №99",
    "street": "ул. Тестовая, 1",
    "postcode": "210000",
    "town": "г. Витебск",
    "source": "test data",
}


def make_recipient(slug, *, status=StatusChange.Status.PENAL_COLONY, sort_order=100, **fields):
    """A person as the letters pages see them: held (unless `status` says otherwise) since 2023."""
    defaults = {
        "name_latin": slug.replace("-", " ").title(),
        "name_be": "Марфа Рабкова",
        "name_ru": "Марфа Андреевна Рабкова",
        "short_name_be": "",
        "summary": "",
        "detention_start": None,
    }
    person = make_person(slug, sort_order=sort_order, **{**defaults, **fields})
    if status:
        add_status(person, status, date(2023, 1, 1))
    return person


def make_facility(*, last_checked=None, **overrides):
    return Facility.objects.create(**{**TEST_FACILITY, "last_checked": last_checked or date.today(), **overrides})


def assign(person, facility, since=date(2024, 1, 1)):
    return FacilityAssignment.objects.create(person=person, facility=facility, since=since, source="test data")
