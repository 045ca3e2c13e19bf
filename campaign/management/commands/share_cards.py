"""Draw the link-preview image (1200×630) in each of the site's languages: static/img/share-card-<code>.png.

The images are committed; run this again after changing the wording or its translations.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(settings.BASE_DIR) / "letters" / "fonts"
SIZE = (1200, 630)
MARGIN = 80
BACKGROUND, TEXT, ACCENT = "#7a1f2f", "#ffffff", "#f6dde1"


def card_path(code):
    return Path(settings.BASE_DIR) / "static" / "img" / f"share-card-{code}.png"


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def draw_card(code):
    with translation.override(code):
        title = _("Free Viasna")
        line = _("Stand with Ales Bialiatski and the human rights defenders of Viasna")
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 110)
    regular = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 42)
    tags = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 48)
    draw.text((MARGIN, 150), title, font=bold, fill=TEXT)
    y = 300
    for text in _wrap(draw, line, regular, SIZE[0] - 2 * MARGIN - 200):
        draw.text((MARGIN, y), text, font=regular, fill=TEXT)
        y += 60
    draw.text((MARGIN, max(y + 50, 480)), "#FreeAles  #FreeViasna", font=tags, fill=ACCENT)
    image.save(card_path(code), optimize=True)


class Command(BaseCommand):
    help = "Draw the link-preview image in each language into static/img/share-card-<language>.png."

    def handle(self, *args, **options):
        for code, _name in settings.LANGUAGES:
            draw_card(code)
            self.stdout.write(f"wrote {card_path(code).relative_to(settings.BASE_DIR)}")
