import re
import shutil
import subprocess

import pytest

from letters.pdf import render_letter_pdf

# A made-up recipient and address: no real prisoner.
ADDRESS = [
    "Ивановой Марии Ивановне",
    "ИК № 0",
    "ул. Примерная, 1",
    "000000, г. Примерск",
    "REPUBLIC OF BELARUS",
]
SHORT_BODY = "Здравствуйте, Мария!\n\nПоздравляю Вас с днём рождения.\nЖелаю здоровья и тепла."
LONG_BODY = "\n\n".join(["Сегодня снова шёл снег, и во дворе стало совсем тихо и бело. " * 12] * 10)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30)
    return result.stdout.decode()


def test_short_letter_is_one_page_plus_the_label():
    pdf = render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert page_count(pdf) == 2


def test_reply_sheet_adds_a_page():
    pdf = render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS, include_reply_sheet=True)
    assert page_count(pdf) == 3
    text = pdf_text(pdf)
    assert "для Вашего ответа" in text  # in the letter's language only
    assert "для Вашага адказу" not in text


def test_the_reply_sheet_of_a_belarusian_letter_is_in_belarusian():
    text = pdf_text(
        render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS, include_reply_sheet=True, letter_language="be")
    )
    assert "для Вашага адказу" in text and "для Вашего ответа" not in text


@pytest.mark.parametrize(
    ("page_language", "hint", "others"),
    [
        ("en", "Cut along the dashed line", ["Вырежьте", "Выражыце"]),
        ("ru", "Вырежьте по пунктиру", ["Cut along", "Выражыце"]),
        ("be", "Выражыце па пункціры", ["Cut along", "Вырежьте"]),
    ],
)
def test_the_cut_line_hint_is_in_the_page_language_only(page_language, hint, others):
    text = pdf_text(render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS, page_language=page_language))
    assert hint in text
    assert not any(other in text for other in others)


def test_template_gaps_are_printed_as_lines_to_fill_in_not_as_dots():
    text = pdf_text(render_letter_pdf(body="Меня зовут …, я живу в … .", address_lines=ADDRESS))
    assert "…" not in text
    assert "Меня зовут ____" in text


def test_without_an_address_no_envelope_page_is_printed():
    pdf = render_letter_pdf(body=SHORT_BODY, address_lines=None)
    assert page_count(pdf) == 1
    assert "REPUBLIC OF BELARUS" not in pdf_text(pdf)


def test_long_letter_flows_onto_more_pages():
    pdf = render_letter_pdf(body=LONG_BODY, address_lines=ADDRESS, include_reply_sheet=True)
    letter_pages = page_count(pdf) - 2
    assert letter_pages >= 3
    text = pdf_text(pdf)
    assert text.count("во дворе стало совсем тихо") == 120


def test_address_is_extractable_in_cyrillic_and_in_order():
    text = pdf_text(render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS))
    positions = [text.index(line) for line in ADDRESS]
    assert positions == sorted(positions)
    assert "Поздравляю Вас с днём рождения." in text


def test_sender_block_is_optional():
    without = pdf_text(render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS))
    sender = ["Anna Schmidt", "Musterstraße 1", "10115 Berlin", "GERMANY"]
    with_sender = pdf_text(render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS, sender_lines=sender))
    assert "Musterstraße 1" not in without
    assert "Musterstraße 1" in with_sender


def test_fonts_are_embedded_and_title_is_set():
    pdf = render_letter_pdf(body=SHORT_BODY, address_lines=ADDRESS)
    assert b"/FontFile2" in pdf
    assert b"DejaVuSans" in pdf
    assert b"/Title" in pdf


def test_output_is_deterministic():
    kwargs = {"body": SHORT_BODY, "address_lines": ADDRESS, "include_reply_sheet": True}
    assert render_letter_pdf(**kwargs) == render_letter_pdf(**kwargs)


def test_markup_in_the_body_is_printed_as_text():
    text = pdf_text(render_letter_pdf(body="Кот & собака <b>дружат</b>", address_lines=ADDRESS))
    assert "Кот & собака <b>дружат</b>" in text


def test_a_very_long_address_line_still_renders():
    address = [
        "Иванов Иван Иванович",
        "ГУ «Следственный изолятор №1 ГУВД Мингорисполкома Республики Беларусь» " * 2,
    ]
    text = pdf_text(render_letter_pdf(body=SHORT_BODY, address_lines=address + ADDRESS[2:]))
    assert "Следственный изолятор" in text
