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
# A made-up person's postal names and a made-up village facility, in both languages.
POSTAL_NAMES = {"postal_name_ru": "Ивановой Марии", "postal_name_be": "Івановай Марыі"}
TEST_VILLAGE = {
    "institution": "СИЗО № 0",
    "street": "Примерный с/с, 1/2",
    "district": "Примерный р-н, Примерная обл.",
    "postcode": "200000",
    "town": "д. Примерово",
    "institution_be": "СІЗА № 0",
    "street_be": "Прыкладны с/с, 1/2",
    "district_be": "Прыкладны раён, Прыкладная вобласць",
    "town_be": "в. Прыкладава",
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
