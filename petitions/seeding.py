"""Seed the campaign's petition (campaign/seed/content.py) and its translations, if it is missing."""

from campaign import seeding
from campaign.seed import content as seed_content
from petitions.models import Petition

TRANSLATED_FIELDS = ("title", "summary", "body", "addressee")


def seed():
    data = seed_content.PETITION
    fields = {key: data[key] for key in (*TRANSLATED_FIELDS, "goal")}
    petition, created = Petition.objects.get_or_create(slug=data["slug"], defaults=fields)
    lines = [f"petition {petition.slug}: {'created' if created else 'already there, left as it is'}"]
    for language in seeding.TRANSLATED_LANGUAGES:
        translated = (seeding.load_seed_translations(language) or {}).get("PETITION")
        if translated:
            filler = seeding.TranslationFiller(language)
            filler.fill(petition, data, translated, TRANSLATED_FIELDS)
            lines.append(f"petition translation ({language}): {filler.filled} fields filled")
    return lines
