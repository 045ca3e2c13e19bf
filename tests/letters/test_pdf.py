import re
import shutil
import subprocess

import pytest

from letters.pdf import render_letter_pdf

ADDRESS = [
    "Колесникова Мария Александровна",
    "ИК №4",
    "ул. Антошкина, 3",
    "246035, г. Гомель",
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
    assert "для Вашего ответа" in pdf_text(pdf)
    assert "для Вашага адказу" in pdf_text(pdf)


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
