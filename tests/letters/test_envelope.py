"""Issue 11: an envelope that can reach someone, read back from the PDF; and a guide for today."""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from letters.seeding import seed as seed_letters
from tests.letters.builders import POSTAL_NAMES, TEST_VILLAGE, assign, make_facility, make_recipient

pytestmark = pytest.mark.django_db

BODY = "Здравствуйте!\n\nУ нас всё хорошо, все здоровы. Вчера выпал первый снег.\n\nТепло обнимаю."
BODY_BE = "Добры дзень!\n\nУ нас усё добра, усе здаровыя. Учора выпаў першы снег.\n\nЦёпла абдымаю."

# Made up: no real prisoner or prison.
PERSON = {"name_latin": "Maryia Ivanova", **POSTAL_NAMES}
RUSSIAN_ONLY = set("ищъ")  # letters Belarusian does not use
BELARUSIAN_ONLY = set("іў’")  # letters (and the apostrophe) Russian does not use


def pdf_pages(pdf):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return text.split("\f")


def post_letter(client, person, language, body):
    data = {"person": person.pk, "kind": "first_letter", "language": language, "body": body, "sender": ""}
    return client.post(reverse("letters:pdf"), data)


def envelope_block(page, caption):
    """The recipient's lines, from the caption to the country line, as pdftotext reads them."""
    block = page[page.index(caption) + len(caption) : page.index("REPUBLIC OF BELARUS")]
    return [line.strip() for line in block.splitlines() if line.strip()]


@pytest.fixture
def held():
    seed_letters()
    person = make_recipient("maryia-ivanova", **PERSON)
    assign(person, make_facility(**TEST_VILLAGE))
    return person


def test_a_russian_envelope_in_the_pdf_is_in_postal_order_and_all_russian(client, held):
    pages = pdf_pages(post_letter(client, held, "ru", BODY).content)
    envelope = pages[1]
    lines = envelope_block(envelope, "Кому")
    assert lines == [
        "Ивановой Марии ______________",  # dative; a line for the patronymic the sources do not give
        "СИЗО № 0",
        "Примерный с/с, 1/2",
        "Примерный р-н, Примерная обл.",
        "200000, д. Примерово",
    ]
    assert not re.search(r"[A-Za-z]", "".join(lines))  # Cyrillic throughout; Latin only in the country line
    assert not set("".join(lines).lower()) & BELARUSIAN_ONLY
    assert "Каму" not in envelope and "…" not in envelope


def test_a_belarusian_envelope_in_the_pdf_is_all_belarusian(client, held):
    pages = pdf_pages(post_letter(client, held, "be", BODY_BE).content)
    lines = envelope_block(pages[1], "Каму")
    assert lines == [
        "Івановай Марыі ______________",
        "СІЗА № 0",
        "Прыкладны с/с, 1/2",
        "Прыкладны раён, Прыкладная вобласць",
        "200000, в. Прыкладава",
    ]
    assert not set("".join(lines).lower()) & RUSSIAN_ONLY
    assert "Кому" not in pages[1]


def test_the_cut_line_follows_the_page_language(client, held):
    with translation.override("be"):
        url = reverse("letters:pdf")
    data = {"person": held.pk, "kind": "first_letter", "language": "ru", "body": BODY, "sender": ""}
    envelope = pdf_pages(client.post(url, data).content)[1]
    assert "Выражыце па пункціры" in envelope and "Cut along" not in envelope and "Вырежьте" not in envelope


def test_without_a_known_address_the_page_says_so_and_prints_no_envelope(client):
    seed_letters()
    person = make_recipient("maryia-ivanova", **PERSON)  # no facility assigned
    data = {
        "person": person.pk,
        "kind": "first_letter",
        "language": "ru",
        "body": BODY,
        "sender": "",
        "action": "ready",
    }
    html = client.post(reverse("letters:compose"), data).content.decode()
    assert "We do not know a current address" in html and "prisoners.spring96.org" in html
    assert "print-envelope" not in html
    pages = pdf_pages(post_letter(client, person, "ru", BODY).content)
    assert "REPUBLIC OF BELARUS" not in "".join(pages)
    index = client.get(reverse("letters:index")).content.decode()
    assert "We do not know where this person is held now" in index
    assert "The patronymic is not in our sources" in index


def test_russian_pages_name_the_facility_in_russian(client, held):
    with translation.override("ru"):
        url = reverse("letters:index")
    html = client.get(url).content.decode()
    assert "СИЗО № 0, д. Примерово" in html


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["extremist formation", "If you live in Belarus", "Registered post", "cannot be used from Belarus"]),
        (
            "be",
            ["экстрэмісцкім фармаваннем", "Калі вы жывяце ў Беларусі", "Заказны ліст", "з Беларусі скарыстацца нельга"],
        ),
        (
            "ru",
            [
                "экстремистским формированием",
                "Если вы живёте в Беларуси",
                "Заказное письмо",
                "из Беларуси воспользоваться нельзя",
            ],
        ),
    ],
)
def test_the_guide_says_what_a_writer_must_know_today(client, language, phrases):
    with translation.override(language):
        url = reverse("letters:guide")
    html = client.get(url).content.decode()
    for anchor in ("never", "inside", "abroad", "envelope", "postage"):
        assert f'id="{anchor}"' in html
    for phrase in phrases:
        assert phrase in html, phrase
    assert "Колесникова" not in html and "Калеснікава" not in html  # the example names no real prisoner
    assert "without a word" not in html  # unsourced
    assert "postage-outdated" in html and "2023" in html  # today is more than a year after the 2023 rates
