"""Updates on the real stack: an organiser writes, previews, tests and sends an update in a real browser,
a real worker sends it through a real SMTP server in each signer's language, one signer stops them with
their mail client's one-click POST; and a worker killed mid-send leaves nobody with the update twice."""

import re
import signal
import time
import urllib.request
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from campaign.celery import app as celery_app
from campaign.mail import outbox_sweep
from campaign.models import OutgoingEmail
from petitions import updates
from petitions.models import PetitionUpdate, Signature, UpdateDelivery
from tests.conftest import authenticator_code, free_port
from tests.journeys import celery_worker, smtp_server, wait_until
from tests.petitions.conftest import make_signature
from tests.smtp import html_part, text_part

PASSWORD = "a long organiser passphrase"


@pytest.mark.browser
def test_an_organiser_sends_an_update_in_two_languages_and_one_signer_stops_it(
    real_stack, browser, live_server, petition
):
    smtp = real_stack
    anna = make_signature(petition, keep_informed=True, language="en", first_name="Anna", email="anna@example.org")
    ales = make_signature(petition, keep_informed=True, language="be", first_name="Алесь", email="ales@example.org")
    make_signature(petition, keep_informed=False, email="quiet@example.org")
    olga = User.objects.create_superuser("olga", "olga@example.org", PASSWORD)

    page = browser.new_page()
    page.goto(live_server.url + "/en/admin/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Authenticator code").fill(authenticator_code(olga))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/en/admin/$"))

    page.goto(live_server.url + "/en/admin/petitions/petitionupdate/add/")
    page.locator("#id_petition").select_option(str(petition.pk))
    page.locator("#id_subject_en").fill("We handed the petition over")
    page.locator("#id_body_en").fill("Today we handed it over.\n\nThank you.")
    page.locator("#id_subject_be").fill("Мы перадалі петыцыю")
    page.locator("#id_body_be").fill("Сёння мы яе перадалі.\n\nДзякуй.")
    page.locator("#id_per_minute").fill("120")
    page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_role("link", name="Preview and test").click()
    assert page.locator("section[lang=be] pre").inner_text().startswith("Добры дзень, Alesia!")

    page.locator("#test-language").select_option("be")
    page.get_by_role("button", name="Send a test to me").click()
    [test] = smtp.inbox.wait_for(1)
    assert test["To"] == "olga@example.org" and "Мы перадалі петыцыю" in test["Subject"]

    page.get_by_role("link", name="Send to the signers…").click()
    assert page.get_by_text("Belarusian: 1").is_visible()
    page.get_by_role("button", name="Send to 2 signers").click()
    page.wait_for_url(re.compile(r"/dashboard/"))

    messages = {m["To"]: m for m in smtp.inbox.wait_for(3)[1:]}
    assert set(messages) == {"anna@example.org", "ales@example.org"}
    english, belarusian = messages["anna@example.org"], messages["ales@example.org"]
    assert english["Subject"] == "We handed the petition over" and "Hello Anna," in text_part(english)
    assert belarusian["Subject"] == "Мы перадалі петыцыю" and "Сёння мы яе перадалі." in text_part(belarusian)
    assert "<p>Сёння мы яе перадалі.</p>" in html_part(belarusian)
    assert belarusian["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail client's one-click unsubscribe: a POST with no cookie, no CSRF token, no login.
    stop_url = re.fullmatch(r"<(\S+)>", belarusian["List-Unsubscribe"].strip()).group(1)
    assert stop_url.startswith(live_server.url + "/be/updates/stop/")
    request = urllib.request.Request(stop_url, data=b"List-Unsubscribe=One-Click", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    assert urllib.request.urlopen(request, timeout=10).status == 200
    assert not Signature.objects.get(pk=ales.pk).keep_informed
    assert Signature.objects.get(pk=anna.pk).keep_informed

    assert wait_until(lambda: OutgoingEmail.objects.filter(kind="update", status="sent").count() == 2)
    page.reload()
    row = page.locator("tr", has_text="We handed the petition over")
    assert "100%" in row.inner_text() and "olga" in row.inner_text()
    update = PetitionUpdate.objects.get()
    assert update.sent_by == olga and update.status == PetitionUpdate.Status.DONE


@pytest.fixture
def real_queue(services, transactional_db, settings):
    settings.UPDATE_BATCH_SECONDS = 1
    celery_app.conf.task_always_eager = False


def test_a_worker_killed_mid_update_leaves_each_signer_with_it_once(real_queue, petition):
    signers = [make_signature(petition, keep_informed=True, language=("be", "en")[n % 2]) for n in range(10)]
    organiser = User.objects.create_superuser("olga", "olga@example.org", PASSWORD)
    update = PetitionUpdate.objects.create(
        petition=petition, subject_en="News", body_en="Text.", subject_be="Навіны", body_be="Тэкст.", per_minute=120
    )
    port = free_port()
    env = {"UPDATE_BATCH_SECONDS": "1"}  # batches of two, every second, for the test's sake
    with smtp_server(port) as smtp:
        with celery_worker(smtp_port=port, queues="default,mail", extra_env=env) as worker:
            assert updates.update_send(update=update, user=organiser)
            assert len(smtp.inbox.wait_for(3, timeout=60)) >= 3
            smtp.inbox.held.clear()
            smtp.inbox.hold.set()
            assert smtp.inbox.held.wait(60), "the worker never reached the SMTP server again"
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        smtp.inbox.hold.clear()
        before = len(smtp.inbox.messages)
        assert 3 <= before < 10 and UpdateDelivery.objects.count() < 10
        assert PetitionUpdate.objects.get().status == PetitionUpdate.Status.SENDING

        # Minutes later: the sweeps find the email the dead worker held, the emails and the batch it was to
        # run, and a new worker finishes the job.
        long_ago = timezone.now() - timedelta(minutes=10)
        OutgoingEmail.objects.filter(status="inflight").update(claimed_at=long_ago)
        OutgoingEmail.objects.filter(status="queued").update(next_attempt_at=long_ago)
        PetitionUpdate.objects.update(last_batch_at=long_ago)
        with celery_worker(smtp_port=port, queues="default,mail", extra_env=env):
            assert updates.updates_resume() == 1
            outbox_sweep()
            assert wait_until(lambda: PetitionUpdate.objects.get().status == "done", timeout=60)
            assert len(smtp.inbox.wait_for(10, timeout=60)) >= 10
            assert wait_until(lambda: OutgoingEmail.objects.filter(kind="update", status="sent").count() == 10)
            assert outbox_sweep() == 0 and updates.updates_resume() == 0
            time.sleep(2)  # a duplicate would arrive by now
    received = [m["To"] for m in smtp.inbox.messages]
    assert sorted(received) == sorted(s.email for s in signers)  # each once
    subjects = {m["To"]: m["Subject"] for m in smtp.inbox.messages}
    assert all(subjects[s.email] == ("Навіны" if s.language == "be" else "News") for s in signers)
