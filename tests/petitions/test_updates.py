"""Updates to the signers who asked for them: written per language, previewed, tested, sent once per
signer at the organisers' rate, each with a one-click way to stop them."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaign.models import OutgoingEmail
from petitions import services, updates
from petitions.models import PetitionUpdate, Signature, UpdateDelivery
from tests.conftest import verified_login
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def update(petition, organiser):
    return PetitionUpdate.objects.create(
        petition=petition,
        subject_en="The petition was handed over",
        body_en="We handed it over today.\n\nThank you all.",
        subject_be="Петыцыю перадалі",
        body_be="Сёння мы яе перадалі.",
        per_minute=60,
        created_by=organiser,
    )


@pytest.fixture
def signers(petition):
    return {
        "en": make_signature(petition, keep_informed=True, language="en", first_name="Anna"),
        "be": make_signature(petition, keep_informed=True, language="be", first_name="Алеся"),
        "ru": make_signature(petition, keep_informed=True, language="ru", first_name="Ольга"),
        "not asked": make_signature(petition, keep_informed=False),
        "pending": make_signature(petition, keep_informed=True, status=Signature.Status.PENDING),
    }


def test_an_update_goes_once_to_each_confirmed_signer_who_asked_in_their_language(
    update, signers, organiser, settings, django_capture_on_commit_callbacks
):
    settings.UPDATE_BATCH_SECONDS = 0  # everyone at once
    with django_capture_on_commit_callbacks(execute=True):
        assert updates.update_send(update=update, user=organiser)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {signers[key].email for key in ("en", "be", "ru")}

    english, belarusian, russian = (by_address[signers[key].email] for key in ("en", "be", "ru"))
    assert english.subject == "The petition was handed over" and "Hello Anna," in english.body
    assert belarusian.subject == "Петыцыю перадалі" and "Сёння мы яе перадалі." in belarusian.body
    assert russian.subject == "The petition was handed over"  # no Russian text: the English one
    html = english.alternatives[0][0]
    assert "<p>We handed it over today.</p>" in html and "Stop these emails" in html
    stop_url = english.extra_headers["List-Unsubscribe"].strip("<>")
    assert stop_url.startswith("http://testserver/en/updates/stop/") and stop_url in english.body
    assert services.read_stop_updates_token(stop_url.split("/")[-2]) == signers["en"].pk
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/be/updates/stop/" in belarusian.body

    update.refresh_from_db()
    assert update.status == PetitionUpdate.Status.DONE and update.recipients == 3 and update.sent_by == organiser
    assert LogEntry.objects.filter(object_id=str(update.pk), change_message__startswith="Started sending").exists()
    # Sending again, or a batch task run again, sends nobody anything.
    with django_capture_on_commit_callbacks(execute=True):
        assert not updates.update_send(update=update, user=organiser)
        PetitionUpdate.objects.filter(pk=update.pk).update(status=PetitionUpdate.Status.SENDING)
        assert updates.update_send_batch(update_id=update.pk) == 0
    assert len(mail.outbox) == 3 and UpdateDelivery.objects.count() == 3


def test_the_rate_holds_batch_by_batch(update, petition, organiser, settings, django_capture_on_commit_callbacks):
    settings.UPDATE_BATCH_SECONDS = 60
    update.per_minute = 2
    update.save()
    for _ in range(5):
        make_signature(petition, keep_informed=True)
    PetitionUpdate.objects.filter(pk=update.pk).update(status=PetitionUpdate.Status.SENDING, recipients=5)

    assert updates.update_send_batch(update_id=update.pk) == 2
    assert updates.update_send_batch(update_id=update.pk) == 0  # a duplicate task, a minute early
    emails = OutgoingEmail.objects.filter(kind="update").order_by("next_attempt_at")
    gap = emails[1].next_attempt_at - emails[0].next_attempt_at
    assert datetime.timedelta(seconds=29) < gap < datetime.timedelta(seconds=31)  # spread over the minute

    for expected in (2, 1):
        PetitionUpdate.objects.filter(pk=update.pk).update(last_batch_at=timezone.now() - datetime.timedelta(minutes=1))
        assert updates.update_send_batch(update_id=update.pk) == expected
    update.refresh_from_db()
    assert update.status == PetitionUpdate.Status.DONE and UpdateDelivery.objects.count() == 5


def test_a_lost_batch_is_resumed_by_the_sweep(update, petition, settings):
    settings.UPDATE_BATCH_SECONDS = 60
    make_signature(petition, keep_informed=True)
    long_ago = timezone.now() - datetime.timedelta(minutes=10)
    PetitionUpdate.objects.filter(pk=update.pk).update(status="sending", started_at=long_ago, recipients=1)
    assert updates.updates_resume() == 1  # eager here: the batch ran
    assert UpdateDelivery.objects.count() == 1
    assert updates.updates_resume() == 0


def test_one_click_stops_the_updates_without_a_login_or_a_csrf_token(signers):
    signature = signers["be"]
    url = services.stop_updates_url(signature).removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)

    page = client.get(url)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and '<form method="post">' in page.content.decode()
    signature.refresh_from_db()
    assert signature.keep_informed

    response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    signature.refresh_from_db()
    assert not signature.keep_informed and signature.status == Signature.Status.CONFIRMED
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200  # twice is harmless
    assert client.post(url[:-5] + "xxxx/").status_code == 404


def test_the_thank_you_email_says_how_to_stop_the_updates(petition, django_capture_on_commit_callbacks):
    signature = make_signature(petition, keep_informed=True, status=Signature.Status.PENDING)
    other = make_signature(petition, keep_informed=False, status=Signature.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        services.signature_confirm(signature_id=signature.pk)
        services.signature_confirm(signature_id=other.pk)
    asked, not_asked = mail.outbox
    assert "/en/updates/stop/" in asked.body and "Stop these emails" in asked.alternatives[0][0]
    assert "/updates/stop/" not in not_asked.body


def test_organisers_preview_test_and_send_from_the_admin(
    client, update, signers, organiser, settings, django_capture_on_commit_callbacks
):
    settings.UPDATE_BATCH_SECONDS = 0
    organiser.user_permissions.add(*Permission.objects.filter(codename__endswith="petitionupdate"))
    verified_login(client, organiser)

    preview = client.get(reverse("admin:petitions_petitionupdate_preview", args=[update.pk])).content.decode()
    assert "Петыцыю перадалі" in preview and "Hello Alesia," in preview and "Добры дзень, Alesia!" in preview
    html = client.get(reverse("admin:petitions_petitionupdate_preview_html", args=[update.pk, "be"]))
    assert html.status_code == 200 and "Сёння мы яе перадалі." in html.content.decode()

    test_url = reverse("admin:petitions_petitionupdate_test", args=[update.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(test_url, {"language": "be"}).status_code == 302
    [test] = mail.outbox
    assert test.to == ["alice@example.org"] and test.subject.startswith("[") and "Петыцыю перадалі" in test.subject
    assert client.post(test_url, {"language": "xx"}).status_code == 400
    assert PetitionUpdate.objects.get().status == PetitionUpdate.Status.DRAFT

    send_url = reverse("admin:petitions_petitionupdate_send", args=[update.pk])
    confirm = client.get(send_url).content.decode()
    assert "<strong>3</strong> confirmed signers" in confirm and "Belarusian: 1" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(send_url)["Location"] == reverse("dashboard")
    assert len(mail.outbox) == 4
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "The petition was handed over" in dashboard and "100% — sent to everyone" in dashboard
    change = client.get(reverse("admin:petitions_petitionupdate_change", args=[update.pk])).content.decode()
    assert 'name="subject_en"' not in change  # sent: no longer editable


def test_only_organisers_with_the_permission_send(client, update, signers, second_organiser):
    second_organiser.user_permissions.add(Permission.objects.get(codename="change_petitionupdate"))
    verified_login(client, second_organiser)
    assert client.get(reverse("admin:petitions_petitionupdate_preview", args=[update.pk])).status_code == 200
    assert client.post(reverse("admin:petitions_petitionupdate_send", args=[update.pk])).status_code == 403
    assert PetitionUpdate.objects.get().status == PetitionUpdate.Status.DRAFT
