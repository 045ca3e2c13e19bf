import threading

import pytest
from django.core import mail
from django.db import connection

from campaign.models import OutgoingEmail
from petitions.models import Petition, PetitionMilestone, Signature
from petitions.services import milestone_percent, signature_confirm, signature_withdraw
from tests.petitions.conftest import make_signature

ORGANISERS = ["ales@example.org", "natallia@example.org"]


@pytest.fixture(autouse=True)
def _organisers(settings):
    settings.ORGANISER_EMAILS = ORGANISERS


def pending(petition, count):
    return [make_signature(petition, status=Signature.Status.PENDING).pk for _ in range(count)]


@pytest.mark.parametrize(
    "goal, count, percent",
    [(100, 25, 25), (100, 50, 50), (100, 75, 75), (100, 100, 100), (100, 200, 200), (100, 300, 300)]
    + [(100, 24, None), (100, 26, None), (100, 150, None), (10, 3, 25), (10, 5, 50), (10, 8, 75), (1, 1, 100)]
    + [(0, 5, None), (100, 0, None)],
)
def test_milestone_percent(goal, count, percent):
    assert milestone_percent(goal=goal, count=count) == percent


@pytest.mark.django_db
def test_organisers_get_one_email_per_milestone(petition, django_capture_on_commit_callbacks):
    petition.goal = 4
    petition.save()
    with django_capture_on_commit_callbacks(execute=True):
        for signature_id in pending(petition, 9):
            signature_confirm(signature_id=signature_id)
    milestones = [m for m in mail.outbox if m.to[0] in ORGANISERS]
    assert [(m.to[0], m.subject) for m in milestones] == [
        (address, f"{petition.title}: {percent}% of the goal ({count} signatures)")
        for percent, count in [(25, 1), (50, 2), (75, 3), (100, 4), (200, 8)]
        for address in ORGANISERS
    ]
    message = milestones[6]
    assert "has just reached 4 confirmed signatures: 100% of its goal of 4" in message.body
    assert "http://testserver/en/admin/dashboard/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<strong>4</strong>" in html and "/en/admin/dashboard/" in html


@pytest.mark.django_db
def test_a_milestone_is_not_announced_again_after_a_withdrawal(petition, django_capture_on_commit_callbacks):
    petition.goal = 4
    petition.save()
    first, *others = pending(petition, 4)
    for signature_id in [first, *others]:
        signature_confirm(signature_id=signature_id)
    signature_withdraw(signature_id=others[-1])
    signature_confirm(signature_id=make_signature(petition, status=Signature.Status.PENDING).pk)
    assert Petition.objects.get().confirmed_count == 4
    assert OutgoingEmail.objects.filter(kind="milestone").count() == 4 * len(ORGANISERS)


@pytest.mark.django_db(transaction=True)
def test_milestones_are_announced_once_under_concurrent_confirmations(services, petition):
    petition.goal = 40
    petition.save()
    ids = pending(petition, 80)
    threads_count = 16
    barrier = threading.Barrier(threads_count)
    errors = []

    def confirm(chunk):
        try:
            barrier.wait()
            for signature_id in chunk:
                signature_confirm(signature_id=signature_id)
        except Exception as exc:  # reported below; a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(ids[n::threads_count],)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Petition.objects.get().confirmed_count == 80
    assert list(PetitionMilestone.objects.values_list("percent", "count")) == [
        (25, 10),
        (50, 20),
        (75, 30),
        (100, 40),
        (200, 80),
    ]
    sent = OutgoingEmail.objects.filter(kind="milestone").values_list("to", "subject")
    assert sorted(sent) == sorted(
        (address, f"{petition.title}: {percent}% of the goal ({count} signatures)")
        for percent, count in [(25, 10), (50, 20), (75, 30), (100, 40), (200, 80)]
        for address in ORGANISERS
    )
