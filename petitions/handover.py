"""The handover PDF: what organisers deliver to an embassy or a parliament.

It holds the petition text, the confirmed count and the date, signatures by country, and the
first names (with country) of those who ticked 'show my first name and country': exactly what
they agreed to, and nothing more. DejaVu Sans is embedded so that Cyrillic and Łacinka print.
"""

from xml.sax.saxutils import escape

from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from campaign.pdf import BOLD, REGULAR, register_fonts
from petitions.models import Signature

NAMES_PER_PARAGRAPH = 200  # one paragraph may not span pages; many small ones flow freely


def _styles():
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=15, spaceAfter=6)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=23),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=13, spaceBefore=10),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=13),
    }


def _public_signatures(petition):
    return Signature.objects.filter(petition=petition, status=Signature.Status.CONFIRMED, show_publicly=True)


def public_name_count(petition):
    return _public_signatures(petition).count()


def public_names(petition):
    """'First name (Country)' for each confirmed signer who agreed to be shown, oldest first."""
    names = dict(countries)
    rows = _public_signatures(petition).order_by("confirmed_at", "pk").values_list("first_name", "country")
    for first_name, country in rows.iterator(chunk_size=5000):
        yield f"{first_name} ({names.get(country, country)})"


def by_country(petition):
    rows = (
        Signature.objects.filter(petition=petition, status=Signature.Status.CONFIRMED)
        .values_list("country")
        .annotate(n=Count("pk"))
        .order_by("-n", "country")
    )
    return [(countries.name(code) or code, count) for code, count in rows]


def handover_pdf(petition, file):
    """Write the PDF to `file`; returns how many names it lists."""
    register_fonts()
    style = _styles()
    today = timezone.localdate()
    story = [
        Paragraph(escape(petition.title), style["title"]),
        Paragraph(escape(_("To: %(addressee)s") % {"addressee": petition.addressee}), style["body"]),
        Spacer(1, 4 * mm),
    ]
    story += [Paragraph(escape(text).replace("\n", "<br/>"), style["body"]) for text in petition.body.split("\n\n")]
    story += [
        Paragraph(_("Signatures"), style["heading"]),
        Paragraph(escape(confirmed_sentence(petition.confirmed_count, today)), style["body"]),
        Paragraph(_("Signatures by country"), style["heading"]),
        _country_table(by_country(petition), style),
        Paragraph(_("Signers who agreed to be named"), style["heading"]),
    ]
    listed = 0
    chunk = []
    for name in public_names(petition):
        chunk.append(escape(name))
        listed += 1
        if len(chunk) == NAMES_PER_PARAGRAPH:
            story.append(Paragraph(" · ".join(chunk), style["small"]))
            chunk = []
    if chunk or not listed:
        story.append(Paragraph(" · ".join(chunk) or escape(_("None.")), style["small"]))
    document = SimpleDocTemplate(
        file, pagesize=A4, title=petition.title, author="Free Viasna", leftMargin=20 * mm, rightMargin=20 * mm
    )
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return listed


def confirmed_sentence(count, day):
    """'1 person confirmed…', '2 people confirmed…': the plural each language needs, through gettext."""
    return ngettext(
        "%(count)s person confirmed their signature by email as of %(date)s.",
        "%(count)s people confirmed their signature by email as of %(date)s.",
        count,
    ) % {"count": formats.number_format(count, force_grouping=True), "date": formats.date_format(day)}


def _country_table(rows, style):
    data = [[Paragraph(_("Country"), style["body"]), Paragraph(_("Signatures"), style["body"])]]
    data += [[Paragraph(escape(name), style["body"]), f"{count:,}"] for name, count in rows]
    table = Table(data, colWidths=[110 * mm, 40 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _footer(canvas, document):
    canvas.saveState()
    canvas.setFont(REGULAR, 8)
    page = _("page %(number)s") % {"number": canvas.getPageNumber()}
    canvas.drawString(20 * mm, 10 * mm, f"{document.title} · {page}")
    canvas.restoreState()
