"""The sign request only takes the signature (one row in petitions_receivedsignature); a worker,
ticked by beat every second, records the received ones in batches and sends their mail."""

import logging
import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from playwright.sync_api import expect

from campaign.celery import app as celery_app
from campaign.models import OutgoingEmail
from petitions import services
from petitions.models import Petition, ReceivedSignature, Signature

# `embedded`: run again on SQLite with DEBUG on, where `make run` users sign.
pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


@pytest.fixture
def no_worker():
    """As in production between two ticks of beat: nothing records what the form took. Set it back
    before recording, so that the mail goes to the test outbox and not to Redis."""
    celery_app.conf.task_always_eager = False


def record():
    celery_app.conf.task_always_eager = True
    return services.signatures_record()


def sign(client, petition, data):
    return client.post(reverse("petitions:sign", args=[petition.slug]), data)


def test_the_sign_request_takes_the_form_and_nothing_else(client, petition, sign_data, no_worker):
    response = sign(client, petition, {**sign_data, "keep_informed": "on"})
    assert response.status_code == 302
    received = ReceivedSignature.objects.get()
    assert received.petition == petition and received.language == "en"
    assert received.data == {
        "first_name": "Alesia",
        "last_name": "Kavalenka",
        "email": "Alesia.Kavalenka+petition@Gmail.com",
        "country": "LT",
        "city": "Vilnius",
        "comment": "",
        "show_publicly": False,
        "keep_informed": True,
    }
    assert not Signature.objects.exists() and not OutgoingEmail.objects.exists()


def test_recording_creates_each_signature_queues_its_mail_and_empties_the_table(
    client, petition, sign_data, no_worker, django_capture_on_commit_callbacks
):
    for n in range(3):
        sign(client, petition, {**sign_data, "email": f"signer{n}@example.org"})
    sign(client, petition, {**sign_data, "email": "signer0@example.org"})  # the same address again
    with django_capture_on_commit_callbacks(execute=True):
        assert record() == 4
    assert Signature.objects.count() == 3
    assert not ReceivedSignature.objects.exists()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "signer0@example.org",  # the confirmation, sent again for the second try
        "signer0@example.org",
        "signer1@example.org",
        "signer2@example.org",
    ]
    assert services.signatures_record() == 0


@pytest.mark.parametrize("over_the_address_limit", [False, True])
def test_a_closed_petition_takes_no_signature_and_says_it_is_closed(
    client, petition, sign_data, settings, over_the_address_limit
):
    if over_the_address_limit:  # nothing would be taken anyway: the answer is still the closed page
        settings.RATE_LIMIT_SIGN_PER_EMAIL = (0, 3600)
    petition.is_open = False
    petition.save()
    response = sign(client, petition, sign_data)
    assert response.status_code == 409
    assert "The petition closed before your signature arrived, so it was not added." in response.content.decode()
    assert not ReceivedSignature.objects.exists()


def test_signing_a_petition_that_does_not_exist_is_not_found(client, petition, sign_data):
    petition.slug = "gone"
    assert sign(client, petition, sign_data).status_code == 404


def test_a_signature_taken_before_the_petition_closed_is_still_recorded_and_mailed(
    client, petition, sign_data, no_worker, django_capture_on_commit_callbacks
):
    """As beat may be down for a while: what was taken while the petition was open is not lost."""
    sign(client, petition, sign_data)
    petition.is_open = False
    petition.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert record() == 1
    assert Signature.objects.get().email == sign_data["email"] and not ReceivedSignature.objects.exists()
    assert [message.to for message in mail.outbox] == [[sign_data["email"]]]


def test_a_row_that_fails_stays_for_the_next_run_and_holds_up_no_one(client, petition, sign_data, no_worker, caplog):
    sign(client, petition, {**sign_data, "email": "first@example.org"})
    # As if taken by a form of another release, with a field the model does not have.
    data = {**sign_data, "email": "broken@example.org", "shoe_size": 44}
    broken = ReceivedSignature.objects.create(petition=petition, data=data, language="en")
    sign(client, petition, {**sign_data, "email": "last@example.org"})
    with caplog.at_level(logging.ERROR, logger="petitions.services"):
        assert record() == 3
    assert sorted(Signature.objects.values_list("email", flat=True)) == ["first@example.org", "last@example.org"]
    assert list(ReceivedSignature.objects.values_list("pk", flat=True)) == [broken.pk]
    assert f"received signature {broken.pk} not recorded" in caplog.text
    assert "broken@example.org" not in caplog.text  # the log names the row, not the signer


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_record_each_signature_once(petition, sign_data, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's")
    monkeypatch.setattr(services, "RECORD_BATCH", 5)  # many batches, so that the two workers interleave
    for n in range(60):
        data = {**sign_data, "email": f"signer{n}@example.org"}
        data.pop("website")
        assert services.signature_receive(slug=petition.slug, data=data, language="en")
    taken = []

    def worker():
        try:
            taken.append(services.signatures_record())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(taken) == 60
    assert Signature.objects.count() == 60 and OutgoingEmail.objects.count() == 60
    assert not ReceivedSignature.objects.exists()


def test_record_signatures_runs_every_second_and_drops_stale_ticks(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["record-signatures"]
    assert entry["task"] == "petitions.tasks.record_signatures"
    assert entry["schedule"] == 1.0 and entry["options"]["expires"] <= 10


@pytest.mark.browser
def test_a_visitor_whose_petition_closed_meanwhile_is_told_so_where_the_form_was(browser, live_server, petition):
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone: the form is far down the page
    page.goto(live_server.url + petition.get_absolute_url())
    Petition.objects.filter(pk=petition.pk).update(is_open=False)  # an organiser closes it meanwhile
    page.locator("#id_first_name").fill("Hanna")
    page.locator("#id_last_name").fill("Late")
    page.locator("#id_email").fill("hanna.late@example.org")
    page.locator("#id_country").select_option("PL")
    page.get_by_role("button", name="Sign the petition").click()
    notice = page.get_by_role("alert")
    notice.wait_for()
    assert notice.inner_text() == "The petition closed before your signature arrived, so it was not added."
    expect(notice).to_be_in_viewport(ratio=1)  # scrolled to where the form was, not left below
    assert not ReceivedSignature.objects.exists() and not Signature.objects.exists()
