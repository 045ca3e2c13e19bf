"""Without a broker (none configured, as in the embedded default, or Redis down), the forms that take an
email address do their look-ups and mail after the response has gone out, so that the answer's time
cannot tell a stranger whether the address is known.

The site is called as a WSGI server calls it: the answer is complete when the handler returns it, and
the server closes it only after sending its last byte."""

import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory
from django.urls import reverse

from campaign.celery import after_response
from campaign.celery import app as celery_app
from campaign.models import OutgoingEmail
from letters.models import ReminderSubscription
from petitions.models import ReceivedSignature, Signature
from tests.conftest import free_port
from tests.journeys import drop_broker_connections
from tests.petitions.conftest import make_signature

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.embedded]


@pytest.fixture(params=["no broker", "broker down"])
def without_broker(request, monkeypatch):
    if request.param == "broker down":
        celery_app.conf.task_always_eager = False
        monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{free_port()}/0")
        drop_broker_connections()
        yield
        monkeypatch.undo()
        drop_broker_connections()
    else:
        yield  # the tests' default: task_always_eager, as without REDIS_URL


def call_site(environ):
    """The response as a WSGI server has it before sending it, and its status code."""
    statuses = []
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    return response, int(statuses[0].split()[0])


def csrf_form_environ(path, data):
    """A POST with the form's token, as a browser that loaded the form sends it."""
    response, _ = call_site(RequestFactory().get(path).environ)
    body = b"".join(response).decode()
    response.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1]
    cookie = response.cookies["csrftoken"].value
    return (
        RequestFactory().post(path, {**data, "csrfmiddlewaretoken": token}, HTTP_COOKIE=f"csrftoken={cookie}").environ
    )


def same_origin_environ(path, data):
    return RequestFactory().post(path, data, HTTP_SEC_FETCH_SITE="same-origin").environ


@pytest.mark.parametrize("known", [True, False])
def test_the_your_data_form_answers_before_looking_the_address_up(without_broker, petition, known):
    if known:
        make_signature(petition, email="someone@example.org")
    environ = csrf_form_environ(reverse("data_request"), {"email": "someone@example.org"})
    response, status = call_site(environ)
    assert status == 200
    assert not OutgoingEmail.objects.exists()  # the answer is complete: nothing looked up or written yet
    response.close()
    assert OutgoingEmail.objects.filter(to="someone@example.org").count() == (1 if known else 0)


@pytest.mark.parametrize("known", [True, False])
def test_the_reminders_form_answers_before_looking_the_address_up(without_broker, known):
    if known:
        ReminderSubscription.objects.create(email="someone@example.org", email_key="someone@example.org")
    response, status = call_site(
        same_origin_environ(reverse("letters:reminders_subscribe"), {"email": "someone@example.org"})
    )
    assert status in (200, 302)
    assert not OutgoingEmail.objects.exists()
    response.close()
    assert OutgoingEmail.objects.filter(to="someone@example.org").count() == 1


def test_without_a_broker_the_sign_form_records_after_answering(petition, sign_data):
    response, status = call_site(same_origin_environ(reverse("petitions:sign", args=[petition.slug]), sign_data))
    assert status == 302
    assert ReceivedSignature.objects.count() == 1 and not Signature.objects.exists()
    response.close()
    assert not ReceivedSignature.objects.exists() and Signature.objects.count() == 1


def test_outside_a_request_the_work_runs_at_once():
    done = []
    after_response(lambda: done.append(True))
    assert done == [True]
