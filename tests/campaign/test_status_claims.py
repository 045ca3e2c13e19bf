"""Issue 11: a status is a claim with a date and a source, and says when it may be out of date."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone, translation

from campaign import services
from campaign.models import Person, StatusChange, StatusConfirmation
from campaign.profiles import minsk_today, standing_of
from campaign.seed import content as seed_content
from campaign.seeding import seed_campaign
from campaign.templatetags.campaign_tags import days, hours
from petitions.models import Petition
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db

HRW = "Human Rights Watch"


@pytest.fixture
def seeded():
    seed_campaign()


@pytest.fixture
def organiser(db):
    user = User.objects.create_user("alice", "alice@example.org", "a long password 123", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="campaign"))
    return user


def held_people():
    today = minsk_today()
    people = Person.objects.prefetch_related("status_changes")
    return [s for s in (standing_of(p, today) for p in people) if s.held]


def test_every_held_person_has_a_dated_sourced_status(seeded):
    held = held_people()
    assert {s.person.slug for s in held} == {"valiantsin-stefanovich", "marfa-rabkova", "nasta-loika"}
    for standing in held:
        assert standing.current.as_of == date(2025, 12, 15), standing.person
        assert standing.current.as_of_source == HRW
        assert standing.current.as_of_source_url.startswith("https://www.hrw.org/")


def test_marfa_rabkova_is_held_as_of_15_december_2025(seeded):
    marfa = Person.objects.get(slug="marfa-rabkova")
    current = marfa.status_changes.get()
    assert current.status == StatusChange.Status.IN_PRISON
    assert current.as_of == date(2025, 12, 15)


def _paragraph_naming_the_held(body):
    [paragraph] = [p for p in body.split("\n\n") if "still in prison" in p]
    return paragraph


def test_the_petition_text_and_the_statuses_agree(seeded):
    """Everyone the petition names as still in prison is held on the site, and everyone it names
    otherwise is not: the petition's words and the status history tell one story."""
    body = Petition.objects.get(slug=seed_content.PETITION["slug"]).body_en
    still_held = _paragraph_naming_the_held(body)
    named = [p for p in Person.objects.all() if p.name_latin in body]
    assert len(named) >= 4
    held = {s.person.slug for s in held_people()}
    for person in named:
        assert person.status_changes.exists(), f"{person} is named in the petition but has no status"
        assert (person.name_latin in still_held) == (person.slug in held), person
    # The translations name the same people as held, by their Belarusian and Russian names.
    petition = Petition.objects.get(slug=seed_content.PETITION["slug"])
    for language in ("be", "ru"):
        translated_body = getattr(petition, f"body_{language}")
        for person in Person.objects.filter(slug__in=held):
            surname = getattr(person, f"short_name_{language}").split()[-1][:-1]  # the stem, whatever the case
            assert surname in translated_body, (language, person)


def test_the_card_says_what_the_day_count_counts_from_and_when_the_status_was_confirmed(client, seeded):
    html = client.get(reverse("person_detail", args=["valiantsin-stefanovich"])).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "Sentenced, as of 15 December 2025 — Human Rights Watch" in text
    assert (
        "Counted from the arrest on 14 July 2021 to today; the status was last confirmed on 15 December 2025." in text
    )


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        ("en", "it may have changed since"),
        ("be", "ён мог змяніцца"),
        ("ru", "он мог измениться"),
    ],
)
def test_a_stale_status_is_flagged_on_the_profile_home_and_letters_pages(client, seeded, settings, language, warning):
    settings.STATUS_CHECK_AFTER_DAYS = 90
    with translation.override(language):
        urls = [reverse("person_detail", args=["marfa-rabkova"]), reverse("home"), reverse("letters:index")]
    for url in urls:
        html = client.get(url).content.decode()
        assert warning in html, url


def test_a_status_confirmed_recently_is_not_flagged(client, seeded, organiser, settings):
    settings.STATUS_CHECK_AFTER_DAYS = 90
    marfa = Person.objects.get(slug="marfa-rabkova")
    services.status_confirm(
        person=marfa, confirmed_on=minsk_today() - timedelta(days=3), source="Viasna", user=organiser
    )
    html = client.get(reverse("person_detail", args=["marfa-rabkova"])).content.decode()
    assert "may have changed since" not in html
    assert "Viasna" in html


def test_the_age_limit_is_a_setting(client, seeded, settings):
    settings.STATUS_CHECK_AFTER_DAYS = (minsk_today() - date(2025, 12, 15)).days  # not yet past it
    html = client.get(reverse("person_detail", args=["marfa-rabkova"])).content.decode()
    assert "may have changed since" not in html
    settings.STATUS_CHECK_AFTER_DAYS -= 1
    html = client.get(reverse("person_detail", args=["marfa-rabkova"])).content.decode()
    assert "may have changed since" in html


def test_the_dashboard_lists_statuses_to_check_oldest_first(client, seeded, organiser, settings):
    settings.STATUS_CHECK_AFTER_DAYS = 90
    nasta = Person.objects.get(slug="nasta-loika")
    services.status_confirm(person=nasta, confirmed_on=minsk_today() - timedelta(days=100), source="X", user=organiser)
    stefanovich = Person.objects.get(slug="valiantsin-stefanovich")
    services.status_confirm(person=stefanovich, confirmed_on=minsk_today(), source="Y", user=organiser)
    organiser.is_superuser = True
    organiser.save()
    from tests.conftest import verified_login

    verified_login(client, organiser)
    page = client.get(reverse("dashboard")).content.decode()
    section = page.split('id="statuses-to-check"')[1].split("</section>")[0]
    assert section.index("Marfa Rabkova") < section.index("Nasta Loika")  # 15 Dec 2025 before 100 days ago
    assert "Valiantsin Stefanovich" not in section  # confirmed today
    assert "Ales Bialiatski" not in section  # free: nothing to check


def test_an_organiser_confirms_a_status_in_one_action_recording_who_when_and_the_source(client, seeded, organiser):
    verified_login(client, organiser)
    marfa = Person.objects.get(slug="marfa-rabkova")
    url = reverse("admin:campaign_person_confirm_status", args=[marfa.pk])
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    response = client.post(
        url,
        {"confirmed_on": today.isoformat(), "source": "Viasna's database", "source_url": "prisoners.spring96.org"},
    )
    assert response.status_code == 302
    confirmation = StatusConfirmation.objects.get()
    assert confirmation.recorded_by == organiser and confirmation.source == "Viasna's database"
    assert confirmation.source_url == "https://prisoners.spring96.org"
    current = marfa.status_changes.get()
    assert current.as_of == today and current.as_of_source == "Viasna's database"
    assert LogEntry.objects.filter(object_id=str(marfa.pk), change_message__contains="Confirmed status").exists()


def test_a_confirmation_cannot_be_dated_in_the_future_or_move_the_date_back(client, seeded, organiser):
    verified_login(client, organiser)
    marfa = Person.objects.get(slug="marfa-rabkova")
    url = reverse("admin:campaign_person_confirm_status", args=[marfa.pk])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(url, {"confirmed_on": tomorrow.isoformat(), "source": "X"})
    assert response.status_code == 400
    assert not StatusConfirmation.objects.exists()
    services.status_confirm(person=marfa, confirmed_on=date(2025, 1, 1), source="older", user=organiser)
    assert marfa.status_changes.get().as_of == date(2025, 12, 15)  # kept in the history, date not moved back


def test_people_are_grouped_by_what_their_sources_call_them(client, seeded):
    html = client.get(reverse("home")).content.decode()
    viasna = html.index("Ales Bialiatski&#x27;s colleagues at Viasna")
    defenders = html.index("Other human rights defenders")
    assert viasna < html.index("Marfa Rabkova") < defenders < html.index("Nasta Loika")


def test_write_to_uses_the_dative_where_organisers_entered_it(client, seeded):
    with translation.override("be"):
        url = reverse("letters:index")
    html = client.get(url).content.decode()
    assert "Напісаць Марфе Рабковай" in html
    assert "Напісаць ліст: Наста Лойка" in html  # no Belarusian dative entered: a form that needs none


@pytest.mark.parametrize(
    ("language", "expected_days", "expected_hours"),
    [
        ("be", ["1 дзень", "2 дні", "5 дзён", "7 дзён", "11 дзён", "21 дзень", "14 дзён"], "24 гадзіны"),
        ("ru", ["1 день", "2 дня", "5 дней", "7 дней", "11 дней", "21 день", "14 дней"], "24 часа"),
    ],
)
def test_durations_are_written_out_with_proper_plurals(language, expected_days, expected_hours):
    with translation.override(language):
        assert [days(n) for n in (1, 2, 5, 7, 11, 21, 14)] == expected_days
        assert hours(24) == expected_hours


@pytest.mark.parametrize(("language", "expected"), [("be", "7 дзён"), ("ru", "7 дней")])
def test_the_privacy_page_writes_durations_out(client, language, expected):
    with translation.override(language):
        url = reverse("privacy")
    html = client.get(url).content.decode()
    assert expected in html
    assert "дз." not in html and "дн." not in html


@pytest.mark.parametrize("language", ["en", "be", "ru"])
def test_html_emails_carry_the_language_they_are_written_in(language):
    from django.template.loader import render_to_string

    with translation.override(language):
        html = render_to_string("emails/confirm-signature-body.html", {"max_age_days": 7, "confirm_url": "x"})
    assert f'<html lang="{language}">' in html
