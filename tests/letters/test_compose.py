"""The composer without JavaScript: every step is a form post, and the server does the work."""

import re
import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from campaign.models import StatusChange
from letters.models import Facility, KeptLetter, LetterReport, LetterTemplate, Phrase
from letters.seeding import seed as seed_letters
from tests.letters.builders import assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db

COMPOSE = reverse("letters:compose")
CLEAN_BODY = "Здравствуйте, Марфа!\n\nУ нас всё хорошо, все здоровы. Вчера выпал первый снег.\n\nТепло обнимаю."


@pytest.fixture
def marfa():
    seed_letters()
    person = make_recipient("marfa-rabkova", name_latin="Marfa Rabkova")
    assign(person, make_facility())
    return person


def letter(person, **overrides):
    return {
        "person": person.pk,
        "kind": "first_letter",
        "language": "ru",
        "body": CLEAN_BODY,
        "sender": "",
        "reply_sheet": "on",
        **overrides,
    }


def page_count(pdf):
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def pdf_text(pdf):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_index_lists_held_people_first_with_counts_and_free_ones_as_free(client, marfa):
    freed = make_recipient("ales-bialiatski", name_latin="Ales Bialiatski", sort_order=1)
    StatusChange.objects.create(person=freed, status=StatusChange.Status.DEPORTED, date=date(2025, 12, 13))
    response = client.get(reverse("letters:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Marfa Rabkova") < html.index("Ales Bialiatski")
    assert "0 letters reported by supporters" in html
    assert "Free now" in html
    assert f"?person={freed.slug}" not in html  # no 'write to' button for someone free


def test_composer_preselects_the_suggested_person_and_renders_the_live_check(client, marfa):
    response = client.get(COMPOSE)
    assert response.status_code == 200
    assert response.context["form"].initial["person"] == marfa.pk
    html = response.content.decode()
    assert f'data-check-url="{reverse("letters:check")}"' in html
    assert 'id="censor-flags"' in html and 'aria-live="polite"' in html
    assert "Шчыра вітаю Вас!" in html or "Сердечно приветствую Вас!" in html


def test_a_free_person_is_shown_as_free_with_colleagues_suggested(client, marfa):
    freed = make_recipient("ales-bialiatski", name_latin="Ales Bialiatski")
    StatusChange.objects.create(person=freed, status=StatusChange.Status.RELEASED, date=date(2025, 12, 13))
    response = client.get(COMPOSE, {"person": freed.slug})
    html = response.content.decode()
    assert "Ales Bialiatski is free." in html
    assert f'href="{COMPOSE}?person={marfa.slug}"' in html
    assert list(response.context["form"].fields["person"].queryset) == [marfa]


def test_using_a_template_fills_in_the_first_name(client, marfa):
    response = client.post(COMPOSE, letter(marfa, body="", kind="birthday", language="be", action="template"))
    body = response.context["form"].initial["body"]
    assert body.startswith("Добры дзень, Марфа!")
    assert LetterTemplate.objects.get(kind="birthday", language="be").body.format(name="Марфа") == body


def test_a_phrase_is_added_without_javascript(client, marfa):
    phrase = Phrase.objects.get(text_en="The first snow fell yesterday.")
    # No cursor to go by without JavaScript: at the end, on a line of its own, never glued to the greeting.
    response = client.post(COMPOSE, letter(marfa, body="Здравствуйте!", phrase=phrase.pk))
    assert response.context["form"].initial["body"] == "Здравствуйте!\nВчера выпал первый снег."
    response = client.post(COMPOSE, letter(marfa, body="Добры дзень!\n", language="be", phrase=phrase.pk))
    assert response.context["form"].initial["body"] == "Добры дзень!\nУчора выпаў першы снег."
    # The page opens where the writer was: the phrase's group, open.
    html = response.content.decode()
    group = f'id="phrases-{phrase.category}" open'
    assert group in html and f'formaction="/en/letters/write/#phrases-{phrase.category}"' in html


def test_the_server_check_flags_on_submit(client, marfa):
    response = client.post(COMPOSE, letter(marfa, body=CLEAN_BODY + " Желаю скорой свободы!", action="check"))
    assert [flag.code for flag in response.context["flags"]] == ["politics"]
    html = response.content.decode()
    assert "<q>свободы</q>" in html
    response = client.post(COMPOSE, letter(marfa, action="check"))
    assert response.context["flags"] == []
    assert "The check found nothing" in response.content.decode()


def test_ready_with_flags_asks_first_and_can_continue_anyway(client, marfa):
    data = letter(marfa, body=CLEAN_BODY + " Свабода!")
    response = client.post(COMPOSE, {**data, "action": "ready"})
    assert response.templates[0].name == "letters/compose.html"
    assert "Continue anyway" in response.content.decode()
    response = client.post(COMPOSE, {**data, "action": "ready_anyway"})
    assert response.templates[0].name == "letters/ready.html"


def test_ready_page_shows_letter_and_envelope_and_stores_nothing(client, marfa):
    response = client.post(COMPOSE, letter(marfa, sender="Anna Schmidt\nHauptstr. 1\n10115 Berlin", action="ready"))
    assert response.templates[0].name == "letters/ready.html"
    html = response.content.decode()
    for line in ["Марфа Андреевна Рабкова", "ИК №99", "ул. Тестовая, 1", "210000, г. Витебск", "REPUBLIC OF BELARUS"]:
        assert line in html
    assert "Hauptstr. 1" in html
    assert "@media print" not in html and "letters/letters.css" in html
    assert KeptLetter.objects.count() == 0  # the letter is not stored


def test_an_empty_letter_is_not_ready(client, marfa):
    response = client.post(COMPOSE, letter(marfa, body="  ", action="ready"))
    assert response.status_code == 400
    assert response.context["form"].errors["body"]


def test_a_free_person_cannot_be_chosen(client, marfa):
    freed = make_recipient("freed", status=StatusChange.Status.RELEASED)
    response = client.post(COMPOSE, letter(freed, action="ready"))
    assert response.status_code == 400


def test_pdf_through_the_view(client, marfa):
    response = client.post(reverse("letters:pdf"), letter(marfa))
    pdf = response.content
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letter-marfa-rabkova.pdf"'
    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) == 3  # the letter, the envelope label, the reply sheet
    text = pdf_text(pdf)
    address = ["Марфа Андреевна Рабкова", "ИК №99", "ул. Тестовая, 1", "210000, г. Витебск", "REPUBLIC OF BELARUS"]
    positions = [text.index(line) for line in address]
    assert positions == sorted(positions)
    assert "Вчера выпал первый снег." in text
    pages = text.split("\f")
    assert "Вчера выпал первый снег." in pages[0] and "ИК №99" in pages[1] and "для Вашего ответа" in pages[2]


def test_pdf_without_the_reply_sheet_has_one_page_per_part(client, marfa):
    data = letter(marfa)
    del data["reply_sheet"]
    pdf = client.post(reverse("letters:pdf"), data).content
    assert page_count(pdf) == 2


def test_pdf_refuses_a_letter_it_cannot_read(client, marfa):
    assert client.post(reverse("letters:pdf"), letter(marfa, body="")).status_code == 400
    assert client.get(reverse("letters:pdf")).status_code == 405


def test_reports_count_per_person_and_are_rate_limited_per_ip(client, marfa, monkeypatch):
    monkeypatch.setattr("campaign.limits.LETTER_REPORTS_PER_NETWORK", (3, 3600))
    url = reverse("letters:report")
    for _ in range(5):
        response = client.post(url, {"person": marfa.pk}, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 302
    assert LetterReport.objects.filter(person=marfa).count() == 3
    client.post(url, {"person": marfa.pk}, REMOTE_ADDR="198.51.100.2")  # another network still counts
    assert LetterReport.objects.filter(person=marfa).count() == 4
    html = client.get(reverse("letters:index")).content.decode()
    assert "4 letters reported by supporters" in html


def test_the_form_addresses_opened_directly_lead_to_their_pages(client, marfa):
    assert client.get(reverse("letters:report"))["Location"] == reverse("letters:index")
    assert client.get(reverse("letters:keep"))["Location"] == reverse("letters:compose")
    assert client.get(reverse("letters:reminders_subscribe"))["Location"] == reverse("letters:index") + "#reminders"


def test_a_report_needs_a_post_and_a_held_person(client, marfa):
    freed = make_recipient("freed", status=StatusChange.Status.RELEASED)
    client.post(reverse("letters:report"), {"person": freed.pk})
    assert LetterReport.objects.count() == 0


def test_a_kept_copy_can_be_read_and_deleted_by_its_link_only(client, marfa):
    response = client.post(reverse("letters:keep"), letter(marfa))
    assert response.status_code == 302  # post/redirect/get: going back or reloading sends nothing again
    response = client.get(response["Location"])
    assert "Your copy is kept" in response.content.decode()
    link = response.context["link"]
    token = response.context["token"]
    kept = KeptLetter.objects.get()
    assert kept.body == CLEAN_BODY and token not in kept.token_hash
    path = link.removeprefix("http://testserver")
    assert "Вчера выпал первый снег." in client.get(path).content.decode()
    assert client.get(reverse("letters:kept", args=["wrong-token"])).status_code == 404
    client.post(path)
    assert KeptLetter.objects.count() == 0
    assert client.get(path).status_code == 404


def test_the_longest_letter_allowed_fits_in_a_request(client, marfa):
    longest = ("Сегодня снова шёл снег. " * 300)[: KeptLetter.MAX_CHARS].strip()
    response = client.post(reverse("letters:pdf"), letter(marfa, body=longest, sender="Ганна Ковалёва\n" * 10))
    assert response.status_code == 200
    too_long = client.post(COMPOSE, letter(marfa, body="я" * (KeptLetter.MAX_CHARS + 1), action="ready"))
    assert too_long.status_code == 400


def test_gaps_left_in_a_template_are_pointed_out(client, marfa):
    response = client.post(COMPOSE, letter(marfa, body="Меня зовут …, я живу в … .", action="ready_anyway"))
    assert "Your letter still has gaps marked" in response.content.decode()
    response = client.post(COMPOSE, letter(marfa, action="ready"))
    assert "gap-hint" not in response.content.decode()


def test_the_address_shows_its_source_and_warns_when_not_checked_for_90_days(client, marfa):
    html = client.get(reverse("letters:index")).content.decode()
    assert "Address from test data, last checked on" in html and "address-warning" not in html
    Facility.objects.update(last_checked=date(2024, 4, 29))
    html = client.get(reverse("letters:index")).content.decode()
    assert "last checked on 29 April 2024, more than 90 days ago" in html
    response = client.post(COMPOSE, letter(marfa, action="ready"))
    assert "more than 90 days ago" in response.content.decode()
