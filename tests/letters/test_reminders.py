import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from campaign.models import OutgoingEmail
from campaign.seed import content as seed_content
from campaign.seeding import _seed_key_dates
from letters import services
from letters.models import ReminderSent, ReminderSubscription
from letters.tasks import send_reminders
from tests.letters.builders import make_recipient

pytestmark = pytest.mark.django_db

EMAIL = "Hanna.Writer+letters@example.org"


@pytest.fixture(autouse=True)
def key_dates():
    """The reminders read the key dates organisers keep (the seeded ones here)."""
    _seed_key_dates(seed_content.KEY_DATES)


def subscribe(client, email=EMAIL, **extra):
    return client.post(reverse("letters:reminders_subscribe"), {"email": email, "website": ""}, **extra)


def link_in(message, name):
    match = re.search(rf"http://testserver(/en/letters/reminders/{name}/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def subscriber(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    client.post(link_in(mail.outbox[-1], "confirm"))
    mail.outbox.clear()
    return ReminderSubscription.objects.get()


def run_task_on(day, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders.delay()


def test_subscribing_emails_a_confirmation_and_confirming_takes_a_post(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("letters:reminders_check_inbox")
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == "Confirm your email address"  # the cause shows only once the link is opened
    assert message.from_email == "Confirmation <confirm@localhost>"
    html = message.alternatives[0][0]
    assert "Open the link" in html and "/letters/reminders/unsubscribe/" in html
    for part in (message.body, html):
        assert "Belarus" not in part and "prisoner" not in part
    assert "/letters/reminders/unsubscribe/" in message.body
    subscription = ReminderSubscription.objects.get()
    assert subscription.status == ReminderSubscription.Status.PENDING

    link = link_in(message, "confirm")
    response = client.get(link)  # a mail scanner opening the link confirms nothing
    assert b"Start my reminders" in response.content
    subscription.refresh_from_db()
    assert subscription.status == ReminderSubscription.Status.PENDING
    client.post(link)
    client.post(link)  # twice is harmless
    subscription.refresh_from_db()
    assert subscription.status == ReminderSubscription.Status.CONFIRMED
    assert len(mail.outbox) == 1


def test_subscribing_again_answers_the_same_and_sends_no_duplicate_once_confirmed(client, subscriber):
    response = subscribe(client, email="hanna.writer@example.org")
    assert response["Location"] == reverse("letters:reminders_check_inbox")
    assert ReminderSubscription.objects.count() == 1
    assert OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).count() == 0


def test_bad_or_expired_links_are_refused(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    link = link_in(mail.outbox[-1], "confirm")
    assert client.post(link[:-3] + "xx/").status_code == 404
    settings.CONFIRMATION_MAX_AGE = -1
    assert client.post(link).status_code == 404
    assert ReminderSubscription.objects.get().status == ReminderSubscription.Status.PENDING


def test_the_honeypot_and_the_rate_limit(client, monkeypatch, django_capture_on_commit_callbacks):
    client.post(reverse("letters:reminders_subscribe"), {"email": EMAIL, "website": "http://spam"})
    assert ReminderSubscription.objects.count() == 0
    monkeypatch.setattr("campaign.limits.REMINDERS_PER_NETWORK", (2, 3600))
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            assert subscribe(client, email=f"a{n}@example.org").status_code == 302
        assert subscribe(client, email="a3@example.org").status_code == 429
    assert ReminderSubscription.objects.count() == 2


def test_the_task_is_on_the_beat_schedule():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "letters.tasks.send_reminders" in tasks


def test_occasions_include_the_key_dates_and_held_peoples_birthdays():
    held = make_recipient("held", name_latin="Nasta Loika")
    held.birth_date = date(1990, 5, 20)
    held.save()
    found = services.occasions_between(date(2026, 5, 14), date(2026, 5, 21))
    assert [(o.date, o.title) for o in found] == [
        (date(2026, 5, 20), "Birthday of Nasta Loika"),
        (date(2026, 5, 21), "Day of Political Prisoners of Belarus"),
    ]
    across_new_year = services.occasions_between(date(2026, 12, 5), date(2027, 1, 5))
    assert [o.date for o in across_new_year] == [date(2026, 12, 10)]


def test_a_reminder_goes_out_a_week_before_once_even_if_the_task_runs_twice(
    client, subscriber, monkeypatch, django_capture_on_commit_callbacks
):
    run_task_on(date(2026, 5, 13), monkeypatch, django_capture_on_commit_callbacks)  # 21 May is 8 days away
    assert mail.outbox == []

    run_task_on(date(2026, 5, 14), monkeypatch, django_capture_on_commit_callbacks)
    run_task_on(date(2026, 5, 14), monkeypatch, django_capture_on_commit_callbacks)  # beat fired twice
    run_task_on(date(2026, 5, 15), monkeypatch, django_capture_on_commit_callbacks)  # and the next day
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == "In 7 days: Day of Political Prisoners of Belarus — time to write a letter"
    assert "21 May: Day of Political Prisoners of Belarus" in message.body
    assert "http://testserver/en/letters/write/" in message.body
    html = message.alternatives[0][0]
    assert "Write a letter" in html and "Day of Political Prisoners of Belarus" in html
    unsubscribe = link_in(message, "unsubscribe")
    assert unsubscribe in html
    assert ReminderSent.objects.get().date == date(2026, 5, 21)

    client.post(unsubscribe)
    assert ReminderSubscription.objects.count() == 0
    assert not OutgoingEmail.objects.filter(to=EMAIL).exists()  # erased with the address


def test_a_missed_run_still_reminds_before_the_date(
    client, subscriber, monkeypatch, django_capture_on_commit_callbacks
):
    run_task_on(date(2026, 5, 18), monkeypatch, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject.startswith("In 3 days:")
    run_task_on(date(2026, 5, 21), monkeypatch, django_capture_on_commit_callbacks)  # the day itself: nothing new
    assert len(mail.outbox) == 1


def test_unconfirmed_addresses_get_no_reminder_and_are_erased_after_the_link_expires(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    mail.outbox.clear()
    run_task_on(date(2026, 5, 14), monkeypatch, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    ReminderSubscription.objects.update(
        created_at=timezone.now() - timedelta(seconds=settings.CONFIRMATION_MAX_AGE + 60)
    )
    run_task_on(date(2026, 5, 15), monkeypatch, django_capture_on_commit_callbacks)
    assert ReminderSubscription.objects.count() == 0


def test_the_unsubscribe_page_takes_a_post(client, subscriber):
    token = services.make_token(subscriber, salt=services.REMINDER_UNSUBSCRIBE_SALT)
    url = reverse("letters:reminders_unsubscribe", args=[token])
    assert b"Stop and erase my address" in client.get(url).content
    assert ReminderSubscription.objects.count() == 1
    client.post(url)
    client.post(url)
    assert ReminderSubscription.objects.count() == 0


def test_the_unique_sent_record_stops_a_concurrent_second_send(subscriber, django_capture_on_commit_callbacks):
    occasions = services.occasions_between(date(2026, 5, 21), date(2026, 5, 21))
    with django_capture_on_commit_callbacks(execute=True):
        first = services._send_reminder(subscriber, date(2026, 5, 21), occasions, date(2026, 5, 14))
        second = services._send_reminder(subscriber, date(2026, 5, 21), occasions, date(2026, 5, 14))
    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1


def test_a_reminder_arrives_in_the_language_the_subscriber_used(client, django_capture_on_commit_callbacks):
    from django.utils import translation
    from django.utils.translation import pgettext

    from campaign.models import KeyDate

    KeyDate.objects.filter(month=5, day=21).update(title_be="Дзень палітвязняў Беларусі")
    held = make_recipient("held", name_latin="Nasta Loika", name_be="Наста Лойка")
    held.birth_date = date(1990, 5, 20)
    held.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/be/letters/reminders/", {"email": EMAIL, "website": ""})
    [confirmation] = mail.outbox
    assert "/be/letters/reminders/confirm/" in confirmation.body  # the links open Belarusian pages
    ReminderSubscription.objects.update(status=ReminderSubscription.Status.CONFIRMED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(today=date(2026, 5, 14))

    birthday, key_date = mail.outbox
    assert "Дзень палітвязняў Беларусі" in key_date.subject and "Day of Political" not in key_date.subject
    with translation.override("be"):
        may = pgettext("alt. month", "May")
        assert f"21 {may}: Дзень палітвязняў Беларусі" in key_date.body
        assert "Наста Лойка" in birthday.subject
    assert "/be/letters/write/" in key_date.body
