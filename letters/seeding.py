"""Load the letter templates, the phrasebook and the sourced facility addresses into the database.

Creates only what is missing, so organisers' edits in the admin are never overwritten. Hide a template
or phrase by unticking 'shown': a deleted one comes back with the next seed.
"""

from datetime import date

from django.utils.text import slugify

from campaign.seed import content as seed_content
from letters import content
from letters.models import Facility, LetterTemplate, Phrase

# Only addresses with a source in shared/FACTS.md. `last_checked` is the source's date: nobody on the
# campaign has confirmed it since, so the site shows its 'not checked for 90 days' warning until an
# organiser checks it (Viasna's database, prisoners.spring96.org) and updates the date. No person is
# assigned here: where each prisoner is held is entered by organisers.
FACILITIES = [
    {
        "name": "Pre-trial detention centre No. 1, Minsk district (Pashkovichy, since 29 April 2024)",
        # As published, in Belarusian: 223016, Навадворскі с/с, 143/4, в. Пашковічы, Мінскі раён, Мінская вобласць
        "institution_be": "СІЗА № 1",
        "street_be": "Навадворскі с/с, 143/4",
        "town_be": "в. Пашковічы",
        "district_be": "Мінскі раён, Мінская вобласць",
        # The same in Russian, for a Russian letter's envelope.
        "institution": "СИЗО № 1",
        "street": "Новодворский с/с, 143/4",
        "town": "д. Пашковичи",
        "district": "Минский р-н, Минская обл.",
        "postcode": "223016",
        "source": seed_content.SRC_EURORADIO_2024,
        "source_url": "https://amp.euroradio.fm/u-siza-no-1-vyadomym-yak-valadarka-bolsh-nyama-vyaznyau",
        "last_checked": date(2024, 4, 29),
    },
]


def seed():
    lines = []
    created = sum(
        LetterTemplate.objects.get_or_create(
            kind=t["kind"], language=t["language"], defaults={"title": t["title"], "body": t["body"]}
        )[1]
        for t in content.TEMPLATES
    )
    lines.append(f"letter templates: {created} created, {len(content.TEMPLATES) - created} already there")

    created = 0
    for order, phrase in enumerate(content.PHRASES):
        _, was_created = Phrase.objects.get_or_create(
            seed_key=slugify(phrase["en"])[:80],
            defaults={
                "category": phrase["category"],
                "text_be": phrase["be"],
                "text_ru": phrase["ru"],
                "text_en": phrase["en"],
                "sort_order": order,
            },
        )
        created += was_created
    lines.append(f"phrases: {created} created, {len(content.PHRASES) - created} already there")

    for facility in FACILITIES:
        if Facility.objects.filter(postcode=facility["postcode"], institution=facility["institution"]).exists():
            lines.append(f"facility {facility['name']}: already there, left as it is")
        else:
            Facility.objects.create(**facility)
            lines.append(f"facility {facility['name']}: created")
    return lines
