import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import OutgoingEmail
from petitions.dashboard import daily_confirmations
from petitions.models import ReceivedSignature, Signature
from tests.conftest import verified_login
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]
DASHBOARD = reverse("dashboard")


def test_the_dashboard_answers_how_are_we_doing(client, staff_without_permission, petition):
    now = timezone.now()
    for country, count in (("LT", 3), ("PL", 2), ("DE", 1)):
        for _ in range(count):
            make_signature(petition, country=country, confirmed_at=now)
    make_signature(petition, confirmed_at=now - datetime.timedelta(days=2))
    make_signature(petition, status=Signature.Status.PENDING)
    make_signature(petition, status=Signature.Status.PENDING)
    OutgoingEmail.objects.create(kind="thank-you", to="x@example.org", subject="s", body_text="b", status="sent")
    failed = {"status": "failed", "last_error": "550 permanent failure"}
    OutgoingEmail.objects.create(
        kind="confirm-signature", to="secret@example.org", subject="s", body_text="b", **failed
    )
    verified_login(client, staff_without_permission)  # any staff member may look
    response = client.get(DASHBOARD)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>7</strong> confirmed" in page and "<strong>2</strong> waiting" in page
    assert "<strong>78%</strong> confirmation rate" in page
    assert page.count("<rect ") == 30 and "<svg" in page
    assert page.index("Lithuania") < page.index("Poland") < page.index("Germany")
    assert "550 permanent failure" in page and "secret@example.org" not in page
    assert "<strong>1</strong> sent" in page and "<strong>1</strong> failed" in page
    assert "<script" not in page.split('<div id="content-main">')[1]


def test_strangers_get_403(client, stranger):
    assert client.get(DASHBOARD).status_code == 403
    verified_login(client, stranger)
    assert client.get(DASHBOARD).status_code == 403


def test_daily_confirmations_count_each_day_including_empty_ones(petition):
    today = timezone.localdate()
    make_signature(petition, confirmed_at=timezone.now())
    make_signature(petition, confirmed_at=timezone.now())
    make_signature(petition, confirmed_at=timezone.now() - datetime.timedelta(days=3))
    make_signature(petition, confirmed_at=timezone.now() - datetime.timedelta(days=40))
    series = daily_confirmations(petition)
    assert len(series) == 30 and series[-1] == (today, 2)
    assert series[-4] == (today - datetime.timedelta(days=3), 1)
    assert sum(count for _, count in series) == 3


def test_signatures_waiting_too_long_are_a_warning(client, staff_without_permission, petition, sign_data):
    verified_login(client, staff_without_permission)
    ReceivedSignature.objects.create(petition=petition, data=sign_data, language="en")
    page = client.get(DASHBOARD).content.decode()
    assert "1 signature waiting to be recorded, the oldest for 0 s." in page
    assert "Nothing is recording them" not in page
    ReceivedSignature.objects.update(received_at=timezone.now() - datetime.timedelta(minutes=5))
    page = client.get(DASHBOARD).content.decode()
    assert "the oldest for 300 s" in page and "check that Celery beat and a worker are running" in page
