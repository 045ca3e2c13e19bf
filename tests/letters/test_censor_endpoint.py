"""The live check's endpoint (views.check) and the warnings a flagged letter always carries."""

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from campaign import limits
from letters.censor import RULES
from letters.models import KeptLetter
from tests.letters.builders import assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db

CHECK = reverse("letters:check")
VIASNA = "Добры дзень! «Вясна» Вас памятае і перадае прывітанне."


def ask(client, payload, url=CHECK, **extra):
    body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", **extra)


def test_the_answer_has_the_flags_their_reasons_and_the_markup(client):
    response = ask(client, {"text": VIASNA})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    answer = response.json()
    assert answer["language"] == "be"
    [flag] = answer["flags"]
    assert (flag["code"], flag["fragment"]) == ("organisation", "Вясна")
    assert VIASNA[flag["start"] : flag["end"]] == "Вясна"
    assert "Viasna" in flag["message"] and flag["suggestion"]
    assert flag["rewording"] == "Сябры перадаюць Вам вялікае прывітанне."
    assert 'class="censor-flag censor-flag--organisation"' in answer["html"]
    assert "Сябры перадаюць Вам вялікае прывітанне." in answer["html"]


def test_a_clean_letter_has_no_flags_and_empty_markup(client):
    answer = ask(client, {"text": "Добры дзень! У нас усё добра."}).json()
    assert answer["flags"] == [] and answer["html"].strip() == ""


def test_the_answer_is_in_the_pages_language(client):
    with translation.override("be"):
        url = reverse("letters:check")
        expected = str(RULES["politics"].message)
    assert url.startswith("/be/") and not expected.startswith("Political words")
    answer = ask(client, {"text": "Свобода"}, url=url).json()
    assert answer["flags"][0]["message"] == expected


@pytest.mark.parametrize(
    "payload",
    [b"not json", b"\xff\xfe", "[]", "{}", '{"text": 5}', '{"text": null}', json.dumps({"text": "я" * 6001})],
)
def test_bad_input_is_a_400_with_a_message(client, payload):
    assert KeptLetter.MAX_CHARS == 6000
    response = ask(client, payload)
    assert response.status_code == 400
    assert response.json()["error"]


def test_only_post(client):
    assert client.get(CHECK).status_code == 405


def test_csrf_is_required():
    client = Client(enforce_csrf_checks=True)
    assert ask(client, {"text": VIASNA}).status_code == 403


def test_csrf_token_from_the_composer_form_is_accepted(client):
    seeded = make_recipient("marfa-rabkova", name_latin="Marfa Rabkova")
    assign(seeded, make_facility())
    client = Client(enforce_csrf_checks=True)
    html = client.get(reverse("letters:compose")).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert ask(client, {"text": VIASNA}, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_the_check_is_rate_limited_per_address(client, monkeypatch):
    monkeypatch.setattr(limits, "LETTER_CHECKS_PER_NETWORK", (3, 600))
    assert [ask(client, {"text": "Добры дзень"}).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert ask(client, {"text": "Добры дзень"}, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_text_is_neither_logged_nor_stored(client, caplog):
    secret = "Лукашенко и «Весна» — тайное слово Zyx"
    with caplog.at_level(logging.DEBUG):
        ask(client, {"text": secret})
        ask(client, secret)  # a 400 too
    assert all("Zyx" not in record.getMessage() for record in caplog.records)
    assert KeptLetter.objects.count() == 0


# --- a flagged letter never reads 'ready to post' without a warning -------------------------------


@pytest.fixture
def marfa():
    person = make_recipient("marfa-rabkova", name_latin="Marfa Rabkova")
    assign(person, make_facility())
    return person


def compose_data(person, body, action):
    return {"person": person.pk, "kind": "first_letter", "language": "be", "body": body, "action": action}


def test_ready_with_a_flag_stays_in_the_composer_with_a_warning(client, marfa):
    response = client.post(reverse("letters:compose"), compose_data(marfa, VIASNA, "ready"))
    html = response.content.decode()
    assert response.templates[0].name == "letters/compose.html"
    assert 'class="alert alert-warning w-100 mb-1" role="alert"' in html
    assert "censor-flag--organisation" in html


def test_continuing_anyway_shows_the_flag_on_the_ready_page(client, marfa):
    response = client.post(reverse("letters:compose"), compose_data(marfa, VIASNA, "ready_anyway"))
    html = response.content.decode()
    assert response.templates[0].name == "letters/ready.html"
    assert "You chose to continue although the check found something" in html
    assert "censor-flag--organisation" in html and "<q>Вясна</q>" in html
