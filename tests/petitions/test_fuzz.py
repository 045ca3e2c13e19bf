"""Hostile input to every public form and endpoint: a clear 4xx or a form error, never a 500, no
stored garbage, no header injected into mail."""

from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign.forms import CONTROL_CHARACTERS
from campaign.models import OutgoingEmail
from petitions.models import Signature

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),
    st.sampled_from(
        [
            "\x00",
            "Ales\r\nBcc: victim@example.org",
            '=HYPERLINK("http://evil")',
            "<script>alert(1)</script>",
            "x" * 5000,
            "😀" * 120,
            "Алесь Бяляцкі",
        ]
    ),
)
hostile_email = st.one_of(
    st.emails(),
    hostile_text,
    st.sampled_from(["a@b.co\r\nBcc: x@y.z", "a@b.co%0ABcc:x@y.z", "a@[127.0.0.1]", "@", "a" * 300 + "@x.org"]),
)


@pytest.fixture(autouse=True)
def generous_limits(settings):
    settings.RATE_LIMIT_SIGN_PER_IP = (10_000, 3600)
    settings.RATE_LIMIT_SIGN_PER_EMAIL = (10_000, 3600)


@FUZZ
@given(
    first_name=hostile_text,
    last_name=hostile_text,
    email=hostile_email,
    country=st.one_of(st.sampled_from(["BY", "LT", "PL"]), hostile_text),
    city=hostile_text,
    comment=hostile_text,
)
def test_the_sign_form_never_fails_and_stores_only_clean_data(
    client, petition, django_capture_on_commit_callbacks, first_name, last_name, email, country, city, comment
):
    data = {"first_name": first_name, "last_name": last_name, "email": email, "country": country, "city": city}
    data["comment"] = comment
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("petitions:sign", args=[petition.slug]), data)
    assert response.status_code in (302, 400), response.status_code
    for signature in Signature.objects.all():
        for value in (signature.first_name, signature.last_name, signature.city, signature.email):
            assert not set(value) & CONTROL_CHARACTERS
        assert "\x00" not in signature.comment
    for message in mail.outbox:
        assert len(message.to) == 1 and "\n" not in message.to[0] and "\r" not in message.to[0]
        assert "\n" not in message.subject
        message.message()  # building the MIME message raises on header injection
    assert not OutgoingEmail.objects.filter(to__contains="\n").exists()


@FUZZ
@given(token=st.text(min_size=1, max_size=400))
def test_any_token_gets_a_clear_answer(client, token):
    path = quote(token.replace("/", ""), safe="") or "x"
    for name in ("confirm", "withdraw"):
        url = f"/en/{name}/{path}/"
        assert client.get(url).status_code in (200, 404, 410)
        assert client.post(url).status_code in (200, 404, 410)
    assert client.post(f"/en/confirm/{path}/resend/").status_code in (200, 404)


@FUZZ
@given(slug=st.text(max_size=100), query=st.text(max_size=200))
def test_the_count_endpoint_and_pages_take_any_slug_and_query(client, petition, slug, query):
    path = quote(slug.replace("/", ""), safe="") or "x"
    qs = quote(query, safe="=&")
    nul = (400,) if "\x00" in query else ()  # a NUL anywhere in a request is refused with a clear 400
    assert client.get(f"/api/petitions/{path}/count.json?{qs}").status_code in (200, 404, *nul)
    assert client.get(f"/en/petitions/{path}/?{qs}").status_code in (200, 404, *nul)
    assert client.get(f"/en/petitions/{petition.slug}/?{qs}").status_code in (200, *nul)


@FUZZ
@given(
    body=st.binary(max_size=2000),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json", "text/plain"]
    ),
)
def test_malformed_request_bodies_are_refused_cleanly(client, petition, body, content_type):
    response = client.generic("POST", reverse("petitions:sign", args=[petition.slug]), body, content_type=content_type)
    assert response.status_code in (302, 400)


# --- every field of every public form, urlencoded and multipart ---------------------------------------

# NUL, superscript and Arabic-Indic digits (str.isdigit() is True for both, int() takes only the second),
# a full-width digit, and NUL inside an otherwise good value.
ODD_VALUES = ["\x00", "²", "١٢", "３", "1\x00", "BY\x00", "\x00@example.org"]


def _public_forms(petition):
    from letters.models import Phrase
    from tests.letters.builders import assign, make_facility, make_recipient

    person = make_recipient("nasta-loika")
    assign(person, make_facility())
    phrase = Phrase.objects.create(category="greeting", text_be="Прывітанне", text_ru="Привет", text_en="Hi")
    letter = {"person": str(person.pk), "body": "Добры дзень!", "sender": "", "reply_sheet": "on"}
    sign = {
        "first_name": "Ales",
        "last_name": "B",
        "email": "a@example.org",
        "country": "LT",
        "city": "",
        "comment": "",
        "show_publicly": "on",
        "keep_informed": "on",
        "website": "",
    }
    return [
        (reverse("petitions:sign", args=[petition.slug]), sign),
        (reverse("data_request"), {"email": "a@example.org"}),
        (reverse("letters:reminders_subscribe"), {"email": "a@example.org", "website": ""}),
        (
            reverse("letters:compose"),
            {**letter, "kind": "birthday", "language": "ru", "action": "check", "phrase": str(phrase.pk)},
        ),
        (reverse("letters:pdf"), letter),
        (reverse("letters:keep"), letter),
        (reverse("letters:report"), {"person": str(person.pk)}),
    ]


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_odd_characters_in_every_field_of_every_public_form_get_a_clear_answer(client, petition, encoding):
    for url, good in _public_forms(petition):
        for field in good:
            for value in ODD_VALUES:
                data = {**good, field: value}
                if encoding == "multipart":
                    response = client.post(url, data)  # the test client sends multipart by default
                else:
                    body = "&".join(f"{quote(k)}={quote(v)}" for k, v in data.items())
                    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
                assert response.status_code < 500, (url, field, value, response.status_code)
                if "\x00" in value:
                    assert response.status_code == 400, (url, field, value)
                    assert "NUL" in response.content.decode(), (url, field, value)


def test_an_odd_phrase_number_gets_a_clear_400(client, petition):
    url, data = _public_forms(petition)[3]
    response = client.post(url, {**data, "phrase": "²"})
    assert response.status_code == 400
    assert "Please choose a phrase from the phrasebook." in response.content.decode()
