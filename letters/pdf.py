"""A printable letter: the letter itself, an envelope address label and, if asked, a reply sheet.

Pages: the letter on A4 (as many pages as it needs), then a DL envelope (220 × 110 mm) drawn to size on
landscape A4 with a cut line, then optionally a lined A4 sheet for the prisoner's reply (guides advise
enclosing one). The DejaVu fonts are embedded so Cyrillic prints on any machine.
"""

import io
import re
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from campaign.pdf import BOLD, REGULAR, register_fonts

MARGIN = 25 * mm
GREY = colors.Color(0.45, 0.45, 0.45)
RULE_GREY = colors.Color(0.75, 0.75, 0.75)

DL_WIDTH, DL_HEIGHT = 220 * mm, 110 * mm
ADDRESS_SIZE, ADDRESS_MIN_SIZE = 13, 10
SENDER_SIZE = 9

# The envelope's captions and the reply sheet's line are for the post and the prisoner: in the envelope's
# and the letter's language. The cut-line hint is for the writer: in the page's language (gettext).
CAPTIONS = {"be": ("Ад каго", "Каму"), "ru": ("От кого", "Кому")}
REPLY_HINT = {"be": "Гэты аркуш — для Вашага адказу.", "ru": "Этот лист — для Вашего ответа."}
GAP = "…"
GAP_LINE = "_" * 12  # a gap the writer left in a template is printed as a line to fill in by hand
REPLY_LINE_GAP = 9 * mm

LETTER_STYLE = ParagraphStyle("letter", fontName=REGULAR, fontSize=12, leading=17, spaceAfter=8)


def _letter_paragraphs(body: str) -> list[Paragraph]:
    # Blank lines separate paragraphs; a single line break stays a line break.
    body = body.replace(GAP, GAP_LINE)
    blocks = re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip())
    return [Paragraph(escape(block).replace("\n", "<br/>"), LETTER_STYLE) for block in blocks]


class _EnvelopeLabel(Flowable):
    """A DL envelope face to size: sender top left, stamp box top right, recipient bottom right."""

    def __init__(self, address_lines: list[str], sender_lines: list[str] | None, *, language: str, hint: str):
        super().__init__()
        self.address_lines = address_lines
        self.sender_lines = sender_lines or []
        self.from_caption, self.to_caption = CAPTIONS.get(language, CAPTIONS["ru"])
        self.hint = hint

    def wrap(self, available_width, available_height):
        return DL_WIDTH, DL_HEIGHT + 10 * mm

    def draw(self):
        canvas = self.canv
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(0, DL_HEIGHT + 4 * mm, self.hint)
        canvas.setStrokeColor(GREY)
        canvas.setDash(4, 3)
        canvas.rect(0, 0, DL_WIDTH, DL_HEIGHT)
        canvas.rect(DL_WIDTH - 35 * mm, DL_HEIGHT - 40 * mm, 25 * mm, 30 * mm)  # stamp
        canvas.setDash()
        canvas.drawCentredString(DL_WIDTH - 22.5 * mm, DL_HEIGHT - 26 * mm, "марка")
        if self.sender_lines:
            self._draw_sender()
        self._draw_recipient()

    def _draw_sender(self):
        canvas = self.canv
        x, y = 10 * mm, DL_HEIGHT - 12 * mm
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(x, y, self.from_caption)
        canvas.setFont(REGULAR, SENDER_SIZE)
        canvas.setFillColor(colors.black)
        for line in self.sender_lines:
            y -= SENDER_SIZE * 1.35
            canvas.drawString(x, y, line)

    def _draw_recipient(self):
        # The block sits bottom right, as post offices expect; for long lines it moves left, then shrinks
        # down to a still readable size, then wraps.
        canvas = self.canv
        right, preferred_left, min_left = DL_WIDTH - 10 * mm, 95 * mm, 10 * mm
        widest = max((self._line_width(i, ADDRESS_SIZE) for i in range(len(self.address_lines))), default=0)
        size = max(ADDRESS_MIN_SIZE, min(ADDRESS_SIZE, ADDRESS_SIZE * (right - min_left) / (widest or 1)))
        x = max(min_left, min(preferred_left, right - widest * size / ADDRESS_SIZE))
        rows = [
            (row, self._line_font(index))
            for index, line in enumerate(self.address_lines)
            for row in simpleSplit(line, self._line_font(index), size, right - x)
        ]
        leading = size * 1.35
        y = 12 * mm + leading * (len(rows) - 1)
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(GREY)
        canvas.drawString(x, y + leading, self.to_caption)
        canvas.setFillColor(colors.black)
        for row, font in rows:
            canvas.setFont(font, size)
            canvas.drawString(x, y, row)
            y -= leading

    def _line_font(self, index: int) -> str:
        # The last line is the country, 'REPUBLIC OF BELARUS', which sorting offices read first.
        return BOLD if index == len(self.address_lines) - 1 else REGULAR

    def _line_width(self, index: int, size: float) -> float:
        return pdfmetrics.stringWidth(self.address_lines[index], self._line_font(index), size)


class _ReplySheet(Flowable):
    """A lined page with one short line saying, in the letter's language, that it is for the reply."""

    def __init__(self, language: str):
        super().__init__()
        self.hint = REPLY_HINT.get(language, REPLY_HINT["ru"])

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setFont(REGULAR, 9)
        canvas.setFillColor(GREY)
        canvas.drawString(0, self.height - 9, self.hint)
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        y = self.height - 9 - REPLY_LINE_GAP
        while y >= 0:
            canvas.line(0, y, self.width, y)
            y -= REPLY_LINE_GAP


def _page_number(canvas, doc):
    canvas.setFont(REGULAR, 9)
    canvas.setFillColor(GREY)
    canvas.drawCentredString(A4[0] / 2, MARGIN / 2, str(doc.page))


def _page_templates() -> list[PageTemplate]:
    a4_frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body")
    width, height = landscape(A4)
    label_frame = Frame(
        (width - DL_WIDTH) / 2,
        (height - DL_HEIGHT) / 2 - 5 * mm,
        DL_WIDTH,
        DL_HEIGHT + 10 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="label",
    )
    return [
        PageTemplate("letter", [a4_frame], onPage=_page_number, pagesize=A4),
        PageTemplate("label", [label_frame], pagesize=landscape(A4)),
        PageTemplate("reply", [a4_frame], pagesize=A4),
    ]


def render_letter_pdf(
    *,
    body: str,
    address_lines: list[str] | None,
    sender_lines: list[str] | None = None,
    include_reply_sheet: bool = False,
    letter_language: str = "ru",
    envelope_language: str = "ru",
    page_language: str = "en",
) -> bytes:
    """Render the letter, the envelope label (when an address is known) and optionally a reply sheet.

    `address_lines` are printed as given, one per line, in the Belarusian post's order: name in the
    dative, institution, street or settlement, district and region, postcode and town, then
    'REPUBLIC OF BELARUS' (printed bold). None: no current address is known, so no envelope is printed.
    """
    register_fonts()
    with translation.override(page_language):
        hint = gettext("✂ Cut along the dashed line · DL envelope 220 × 110 mm, print at 100 %")
    story = [*_letter_paragraphs(body)]
    if address_lines:
        story += [
            NextPageTemplate("label"),
            PageBreak(),
            _EnvelopeLabel(address_lines, sender_lines, language=envelope_language, hint=hint),
        ]
    if include_reply_sheet:
        story += [NextPageTemplate("reply"), PageBreak(), _ReplySheet(letter_language)]

    buffer = io.BytesIO()
    title = {"be": "Ліст", "ru": "Письмо"}.get(letter_language, "Письмо")
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=_page_templates(),
        title=title,
        creator="letters",
        invariant=True,  # fixed dates and document id: the same letter gives the same bytes
    )
    doc.build(story)
    return buffer.getvalue()
