"""Organisers keep facilities, assignments, templates and phrases in the admin."""

from datetime import date

import pytest
from django.urls import reverse

from letters.models import FacilityAssignment
from letters.seeding import seed as seed_letters
from tests.conftest import verified_login
from tests.letters.builders import TEST_FACILITY, assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, letters_keeper):
    verified_login(client, letters_keeper)  # letter reports are supporters' data: a second factor
    return client


@pytest.mark.parametrize("model", ["facility", "facilityassignment", "lettertemplate", "phrase", "letterreport"])
def test_admin_pages_open(organiser, model):
    seed_letters()
    assign(make_recipient("marfa-rabkova"), make_facility())
    assert organiser.get(reverse(f"admin:letters_{model}_changelist")).status_code == 200
    if model != "letterreport":
        assert organiser.get(reverse(f"admin:letters_{model}_add")).status_code == 200


def test_an_organiser_moves_a_person_and_the_history_stays(organiser):
    person = make_recipient("marfa-rabkova")
    old = make_facility(name="Old")
    assign(person, old, since=date(2022, 1, 1))
    new = make_facility(name="New", postcode="220001")
    response = organiser.post(
        reverse("admin:letters_facilityassignment_add"),
        {"person": person.pk, "facility": new.pk, "since": "2025-02-01", "source": "Viasna database, checked today"},
    )
    assert response.status_code == 302
    assert [a.facility.name for a in FacilityAssignment.objects.filter(person=person)] == ["New", "Old"]


def test_a_latin_address_is_refused_in_the_admin(organiser):
    data = {**TEST_FACILITY, "street": "ul. Testovaya 1", "last_checked": "2026-01-01", "district": ""}
    data |= {"assignments-TOTAL_FORMS": 0, "assignments-INITIAL_FORMS": 0}
    response = organiser.post(reverse("admin:letters_facility_add"), data)
    assert response.status_code == 200
    assert "Write this line in Cyrillic" in response.content.decode()
