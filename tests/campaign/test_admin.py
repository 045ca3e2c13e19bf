"""Organisers edit profiles in the admin: status changes record who made them; photos are resized."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image

from campaign import services
from campaign.models import Person, StatusChange
from tests.campaign.builders import add_status, make_person, png_bytes
from tests.conftest import verified_login

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

INLINES = ["status_changes", "timeline_events", "awards", "books", "quotations", "sources"]


@pytest.fixture
def organiser_client(client, profile_editor):
    verified_login(client, profile_editor)  # the outbox is supporters' data: a second factor
    return client


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def person_form(**fields):
    data = {
        "name_latin": "Nasta Loika",
        "slug": "nasta-loika",
        "name_be": "Наста Лойка",
        "name_ru": "Анастасия Лойко",
        "short_name_be": "",
        "short_name_ru": "",
        "role_en": "",
        "summary_en": "A human rights defender.",
        "biography_en": "",
        "birth_date": "",
        "detention_start": "",
        "sort_order": "50",
        "group": "defenders",
        "photo_credit": "",
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"})
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data.update(fields)
    return data


def test_a_status_change_added_inline_records_who_made_it(organiser_client, profile_editor):
    data = person_form(
        **{
            "status_changes-TOTAL_FORMS": "1",
            "status_changes-0-status": "sentenced",
            "status_changes-0-date": "2023-06-20",
            "status_changes-0-date_precision": "day",
            "status_changes-0-note_en": "Sentenced to 7 years.",
            "status_changes-0-source": "Zerkalo, 1 August 2025",
        }
    )

    response = organiser_client.post("/en/admin/campaign/person/add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    change = StatusChange.objects.get()
    assert change.person.slug == "nasta-loika"
    assert change.recorded_by == profile_editor
    assert change.source == "Zerkalo, 1 August 2025"


def test_editing_a_person_keeps_who_recorded_earlier_changes(organiser_client, profile_editor):
    bob = User.objects.create_user("bob")
    person = make_person(slug="nasta-loika", name_latin="Nasta Loika", detention_start=None)
    earlier = add_status(person, "sentenced", date(2023, 6, 20), recorded_by=bob)
    data = person_form(
        **{
            "status_changes-TOTAL_FORMS": "2",
            "status_changes-INITIAL_FORMS": "1",
            "status_changes-0-id": str(earlier.pk),
            "status_changes-0-person": str(person.pk),
            "status_changes-0-status": "sentenced",
            "status_changes-0-date": "2023-06-20",
            "status_changes-0-date_precision": "day",
            "status_changes-0-source": "Zerkalo, 1 August 2025",
            "status_changes-1-status": "released",
            "status_changes-1-date": "2026-03-01",
            "status_changes-1-date_precision": "day",
            "status_changes-1-source": "Viasna",
        }
    )

    response = organiser_client.post(f"/en/admin/campaign/person/{person.pk}/change/", data)

    assert response.status_code == 302
    recorders = dict(StatusChange.objects.values_list("status", "recorded_by__username"))
    assert recorders == {"sentenced": "bob", "released": "erin"}


def test_a_status_change_added_on_its_own_records_who_made_it(organiser_client, profile_editor):
    person = make_person()

    response = organiser_client.post(
        "/en/admin/campaign/statuschange/add/",
        {"person": person.pk, "status": "incommunicado", "date": "2024-02-29", "date_precision": "day", "source": "X"},
    )

    assert response.status_code == 302
    assert StatusChange.objects.get().recorded_by == profile_editor


def test_a_status_change_needs_its_source(organiser_client):
    person = make_person()

    response = organiser_client.post(
        "/en/admin/campaign/statuschange/add/",
        {"person": person.pk, "status": "released", "date": "2026-03-01", "date_precision": "day", "source": ""},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"source": ["This field is required."]}
    assert not StatusChange.objects.exists()


def test_an_uploaded_photo_is_resized_for_the_page(organiser_client, media):
    photo = SimpleUploadedFile("big.png", png_bytes(2400, 3000), content_type="image/png")

    response = organiser_client.post("/en/admin/campaign/person/add/", person_form(photo=photo))

    assert response.status_code == 302
    person = Person.objects.get()
    assert person.photo.name.endswith(".jpg")
    assert (person.photo_width, person.photo_height) == (800, 1000)
    with Image.open(media / person.photo.name) as image:
        assert image.size == (800, 1000) and image.format == "JPEG"
    assert sorted(p.name for p in (media / "people").iterdir()) == [person.photo.name.split("/")[-1]]


def test_the_admin_pages_open(organiser_client):
    person = make_person()
    add_status(person, "sentenced", date(2023, 3, 3))
    for path in (
        "/en/admin/campaign/person/",
        f"/en/admin/campaign/person/{person.pk}/change/",
        "/en/admin/campaign/statuschange/",
        "/en/admin/campaign/keydate/",
    ):
        assert organiser_client.get(path).status_code == 200, path


def test_only_one_person_is_featured_and_the_action_moves_it(organiser_client):
    ales = make_person(featured=True)
    nasta = make_person(slug="nasta", name_latin="Nasta Loika")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_person(slug="third", featured=True)

    response = organiser_client.post(
        "/en/admin/campaign/person/", {"action": "feature", "_selected_action": [nasta.pk]}
    )

    assert response.status_code == 302
    assert list(Person.objects.filter(featured=True)) == [nasta]
    ales.refresh_from_db()
    assert not ales.featured


def test_person_feature_is_idempotent():
    ales = make_person(featured=True)
    services.person_feature(person=ales)
    services.person_feature(person=ales)
    assert list(Person.objects.filter(featured=True)) == [ales]


def test_content_is_entered_per_language_and_only_english_is_required(organiser_client):
    page = organiser_client.get("/en/admin/campaign/person/add/").content.decode()
    for field in ("role", "summary", "biography"):
        for language in ("en", "be", "ru"):
            assert f'name="{field}_{language}"' in page
    assert 'name="timeline_events-__prefix__-title_be"' in page
    assert "cdn" not in page.lower() and 'src="//' not in page and 'src="http' not in page  # nothing from a CDN

    data = person_form(summary_en="A human rights defender.", summary_be="Праваабаронца.", summary_ru="")
    assert organiser_client.post("/en/admin/campaign/person/add/", data).status_code == 302
    person = Person.objects.get(slug="nasta-loika")
    assert (person.summary_en, person.summary_be) == ("A human rights defender.", "Праваабаронца.")
    assert not person.summary_ru  # left empty: the Russian page shows English and says so


def test_the_petition_admin_takes_each_language(organiser_client, petition):
    user = User.objects.get(username="erin")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_petition", "view_petition"]))
    page = organiser_client.get(f"/en/admin/petitions/petition/{petition.pk}/change/").content.decode()
    for field in ("title", "summary", "body", "addressee"):
        assert f'name="{field}_be"' in page and f'name="{field}_ru"' in page
