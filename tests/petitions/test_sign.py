import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from campaign.forms import normalise_email
from campaign.models import OutgoingEmail
from petitions.models import Signature

pytestmark = pytest.mark.django_db


def sign(client, petition, data, **extra):
    return client.post(reverse("petitions:sign", args=[petition.slug]), data, **extra)


def link_in(message, name):
    match = re.search(rf"http://testserver(/en/{name}/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def sign_and_get_confirm_link(client, petition, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, data)
    return link_in(mail.outbox[-1], "confirm")


def test_petition_page_shows_text_goal_form_and_privacy_notice(client, petition):
    response = client.get(petition.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    for text in (petition.title, petition.addressee, "Second paragraph", "Sign the petition", "Privacy notice"):
        assert escape(text) in page
    assert 'name="show_publicly"' in page and 'name="keep_informed"' in page
    assert re.search(r'name="show_publicly"[^>]*checked', page) is None  # off by default
    assert 'value="0"' in page and 'max="100"' in page  # the progress bar


def test_signing_stores_a_pending_signature_and_emails_a_confirmation(
    client, petition, sign_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, petition, sign_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:check_inbox", args=[petition.slug])
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.email == "Alesia.Kavalenka+petition@Gmail.com"  # kept as typed
    assert signature.email_key == "alesiakavalenka@gmail.com"
    assert not signature.show_publicly and not signature.keep_informed
    [message] = mail.outbox
    assert message.to == ["Alesia.Kavalenka+petition@Gmail.com"]
    # Anyone can type anyone's address: the email repeats nothing typed and names no cause.
    assert message.subject == "Confirm your email address"
    assert message.from_email == "Confirmation <confirm@localhost>"
    assert "/en/confirm/" in message.body and "/en/withdraw/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Open the link" in html and "/en/withdraw/" in html
    for part in (message.subject, message.from_email, message.body, html):
        for typed_or_cause in ("Alesia", "Kavalenka", "Vilnius", petition.title, "Viasna", "Belarus", "petition"):
            assert typed_or_cause not in part
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


def test_confirm_link_shows_a_button_and_only_post_confirms(
    client, petition, sign_data, django_capture_on_commit_callbacks
):
    link = sign_and_get_confirm_link(client, petition, sign_data, django_capture_on_commit_callbacks)
    response = client.get(link)
    assert response.status_code == 200 and "Confirm my signature" in response.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING  # a mail scanner's GET changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:thanks", args=[petition.slug])
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    thanks = mail.outbox[-1]
    assert thanks.subject == "Thank you — your signature is confirmed"
    assert petition.title in thanks.body and "/en/withdraw/" in thanks.body
    assert "/en/withdraw/" in thanks.alternatives[0][0]

    client.post(link)  # confirming twice is harmless
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "second_email",
    ["alesia.kavalenka@gmail.com", "ALESIAKAVALENKA@googlemail.com", "a.lesia.kavalenka+other@gmail.com"],
)
def test_signing_again_never_counts_twice_and_answers_the_same(
    client, petition, sign_data, second_email, django_capture_on_commit_callbacks
):
    first = sign(client, petition, sign_data)
    link = sign_and_get_confirm_link(client, petition, sign_data, django_capture_on_commit_callbacks)
    client.post(link)
    again = sign(client, petition, {**sign_data, "email": second_email, "first_name": "Other"})
    assert again.status_code == first.status_code == 302
    assert again["Location"] == first["Location"]
    assert Signature.objects.count() == 1
    signature = Signature.objects.get()
    assert signature.first_name == "Alesia"  # nothing already stored is lost
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_an_unconfirmed_signer_gets_the_confirmation_again(
    client, petition, sign_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, sign_data)
        sign(client, petition, {**sign_data, "email": "alesiakavalenka@gmail.com"})
    assert [m.subject for m in mail.outbox] == ["Confirm your email address"] * 2
    assert all(m.to == ["Alesia.Kavalenka+petition@Gmail.com"] for m in mail.outbox)


def test_email_normalisation():
    assert normalise_email(" J.O.Hn+tag@GoogleMail.com ") == "john@gmail.com"
    assert normalise_email("Anna.Maria+x@Example.ORG") == "anna.maria@example.org"
    assert normalise_email("ales@spring96.org") == "ales@spring96.org"


def test_an_expired_link_offers_a_new_one(client, petition, sign_data, settings, django_capture_on_commit_callbacks):
    link = sign_and_get_confirm_link(client, petition, sign_data, django_capture_on_commit_callbacks)
    settings.CONFIRMATION_MAX_AGE = -1
    response = client.get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert client.post(link).status_code == 410  # nor can it be confirmed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link + "resend/")
    assert response.status_code == 200
    settings.CONFIRMATION_MAX_AGE = 3600
    fresh = link_in(mail.outbox[-1], "confirm")
    client.post(fresh)
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_tampered_link_is_refused_clearly(client, petition, sign_data, django_capture_on_commit_callbacks):
    link = sign_and_get_confirm_link(client, petition, sign_data, django_capture_on_commit_callbacks)
    response = client.post(link[:-3] + "xx/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_withdrawing_erases_the_signature_and_its_emails(
    client, petition, sign_data, django_capture_on_commit_callbacks
):
    link = sign_and_get_confirm_link(client, petition, sign_data, django_capture_on_commit_callbacks)
    client.post(link)
    withdraw = link_in(mail.outbox[0], "withdraw")
    page = client.get(withdraw)
    assert "Withdraw and erase my data" in page.content.decode()
    assert Signature.objects.exists()
    response = client.post(withdraw)
    assert response.status_code == 200 and "withdrawn" in response.content.decode()
    assert not Signature.objects.exists()
    assert not OutgoingEmail.objects.filter(to__iexact=sign_data["email"]).exists()
    petition.refresh_from_db()
    assert petition.confirmed_count == 0
    assert client.post(withdraw).status_code == 200  # twice is harmless
    assert client.post(link).status_code == 404  # the old confirmation link is dead


def test_the_honeypot_answers_like_success_and_stores_nothing(client, petition, sign_data):
    response = sign(client, petition, {**sign_data, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_per_ip_rate_limit(client, petition, sign_data, settings, django_capture_on_commit_callbacks):
    settings.RATE_LIMIT_SIGN_PER_IP = (2, 3600)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            assert sign(client, petition, {**sign_data, "email": f"p{n}@example.org"}).status_code == 302
        response = sign(client, petition, {**sign_data, "email": "p3@example.org"})
    assert response.status_code == 429
    assert "Too many signatures" in response.content.decode()
    assert Signature.objects.count() == 2


def test_per_email_rate_limit_sends_no_more_mail_but_answers_the_same(
    client, petition, sign_data, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMIT_SIGN_PER_EMAIL = (2, 3600)
    with django_capture_on_commit_callbacks(execute=True):
        responses = [sign(client, petition, sign_data) for _ in range(4)]
    assert {r.status_code for r in responses} == {302}
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("first_name", "", "This field is required."),
        ("first_name", "x" * 101, "Ensure this value has at most 100 characters"),
        ("first_name", "Ales\x00", "invisible control character (NUL)"),
        ("last_name", "Bcc: evil@example.org\r\nX", "special characters"),
        ("country", "XX", "Select a valid choice."),
        ("comment", "y" * 1001, "Ensure this value has at most 1000 characters"),
        ("email", "a@b.c\nBcc: x@y.z", "Enter a valid email address."),
    ],
)
def test_bad_input_gets_a_clear_message(client, petition, sign_data, field, value, message):
    response = sign(client, petition, {**sign_data, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Signature.objects.exists()


def test_an_oversized_request_is_refused_without_a_500(client, petition, sign_data):
    response = sign(client, petition, {**sign_data, "comment": "z" * 200_000})
    assert response.status_code == 400


def test_the_count_endpoint_allows_other_sites(client, petition):
    petition.add_to_count(7)
    response = client.get(reverse("petitions_api:count", args=[petition.slug]))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"petition": "free-them", "title": petition.title, "confirmed": 7, "goal": 100}


def test_recent_signers_show_only_those_who_agreed(client, petition, sign_data, django_capture_on_commit_callbacks):
    for n, public in enumerate([True, False]):
        data = {**sign_data, "email": f"s{n}@example.org", "first_name": f"Public{n}" if public else "Hidden"}
        if public:
            data["show_publicly"] = "on"
        client.post(sign_and_get_confirm_link(client, petition, data, django_capture_on_commit_callbacks))
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "Public0 · Lithuania" in page
    assert "Hidden" not in page
    assert "Kavalenka" not in page
