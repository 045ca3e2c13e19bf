import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from campaign.models import OutgoingEmail
from petitions.models import Petition, Signature
from petitions.tasks import erase_unconfirmed_signatures
from tests.petitions.conftest import make_signature

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days, minutes=1)


def outbox_row(to, kind="confirm-signature"):
    return OutgoingEmail.objects.create(kind=kind, to=to, subject="s", body_text="b")


def test_unconfirmed_signatures_and_their_emails_are_erased_after_the_retention_period(petition, settings):
    settings.UNCONFIRMED_RETENTION_DAYS = 14
    stale = make_signature(petition, status=Signature.Status.PENDING, created_at=days_ago(14))
    recent = make_signature(petition, status=Signature.Status.PENDING, created_at=days_ago(13))
    confirmed = make_signature(petition, created_at=days_ago(40))
    other = Petition.objects.create(slug="other", title="Other", summary="s", body="b", addressee="a")
    # The same address also signed another petition: those emails stay with that signature.
    both = make_signature(petition, status=Signature.Status.PENDING, created_at=days_ago(20), email="both@x.org")
    make_signature(other, email="both@x.org")
    for signature in (stale, recent, confirmed, both):
        outbox_row(signature.email)

    erase_unconfirmed_signatures()
    erase_unconfirmed_signatures()  # safe to run twice

    assert set(Signature.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk} | {
        Signature.objects.get(petition=other).pk
    }
    assert set(OutgoingEmail.objects.values_list("to", flat=True)) == {recent.email, confirmed.email, "both@x.org"}
    assert not Signature.objects.filter(pk__in=[stale.pk, both.pk]).exists()


def test_the_retention_period_is_configurable(petition, settings):
    settings.UNCONFIRMED_RETENTION_DAYS = 2
    make_signature(petition, status=Signature.Status.PENDING, created_at=days_ago(3))
    erase_unconfirmed_signatures()
    assert not Signature.objects.exists()


def test_the_privacy_page_states_the_retention_period(client, settings):
    settings.UNCONFIRMED_RETENTION_DAYS = 21
    page = client.get(reverse("privacy")).content.decode()
    assert "is erased, with the emails we sent about it, 21 days after signing" in page
    assert reverse("data_request") in page


def test_a_signer_gets_a_link_to_their_data(client, petition, django_capture_on_commit_callbacks):
    signature = make_signature(
        petition, first_name="Алесь", email="Ales@Example.org", city="Vilnius", comment="За волю"
    )
    outbox_row(signature.email, kind="thank-you")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("data_request"), {"email": "ales@example.org"})
    assert response.status_code == 200 and "Please check your inbox" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["Ales@Example.org"] and message.subject == "Your link"
    assert "Алесь" not in message.body and "24 hours" in message.body  # nothing the requester typed
    link = re.search(r"http://testserver(/en/your-data/[^/\s]+/)", message.body).group(1)
    assert link in message.alternatives[0][0]

    page = client.get(link).content.decode()
    kept = ("Алесь", "Ales@Example.org", "Lithuania", "Vilnius", "За волю", escape(petition.title))
    for text in (*kept, "Thank you for confirming"):
        assert text in page
    assert "/en/withdraw/" in page
    assert client.get(link[:-3] + "xx/").status_code == 410


def test_asking_about_an_address_that_never_signed_answers_the_same_and_sends_nothing(client, petition):
    response = client.post(reverse("data_request"), {"email": "nobody@example.org"})
    assert response.status_code == 200 and "Please check your inbox" in response.content.decode()
    assert not OutgoingEmail.objects.exists()
