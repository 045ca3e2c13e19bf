"""Load campaign/seed_content.py into the database, creating only what is missing."""

from campaign import seed_content
from letters.seeding import seed_letters
from petitions.models import Petition


def seed_campaign():
    """Create each seeded object that does not exist yet; return one line per thing done."""
    return [_seed_petition(seed_content.PETITION), *seed_letters()]


def _seed_petition(data):
    fields = {key: data[key] for key in ("title", "summary", "body", "addressee", "goal")}
    petition, created = Petition.objects.get_or_create(slug=data["slug"], defaults=fields)
    return f"petition {petition.slug}: {'created' if created else 'already there, left as it is'}"
