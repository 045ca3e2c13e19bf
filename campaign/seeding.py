"""Load campaign/seed_content.py into the database, creating only what is missing.

Natural keys: a person by slug, a key date by its day of the year, the petition by slug. A person
already present is left exactly as it is, with everything on their page: whatever an organiser has
changed, added or removed there stays so. (Something an organiser deleted outright comes back.)
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from campaign import seed_content
from campaign.models import Award, Book, KeyDate, Person, Quotation, Source, StatusChange, TimelineEvent
from letters.seeding import seed_letters
from petitions.models import Petition

PERSON_FIELDS = (
    "name_latin",
    "name_be",
    "name_ru",
    "short_name_be",
    "short_name_ru",
    "role",
    "summary",
    "biography",
    "birth_date",
    "detention_start",
    "featured",
)


@transaction.atomic
def seed_campaign():
    """Create each seeded object that does not exist yet; return one line per thing done."""
    lines = [_seed_petition(seed_content.PETITION)]
    for sort_order, data in enumerate(seed_content.PEOPLE, start=1):
        lines.append(_seed_person(data, sort_order=sort_order * 10))
    lines.append(_seed_key_dates(seed_content.KEY_DATES))
    return [*lines, *seed_letters()]


def _seed_petition(data):
    fields = {key: data[key] for key in ("title", "summary", "body", "addressee", "goal")}
    petition, created = Petition.objects.get_or_create(slug=data["slug"], defaults=fields)
    return f"petition {petition.slug}: {'created' if created else 'already there, left as it is'}"


def _seed_person(data, *, sort_order):
    if Person.objects.filter(slug=data["slug"]).exists():
        return f"person {data['slug']}: already there, left as it is"
    fields = {key: data[key] for key in PERSON_FIELDS}
    if fields["featured"] and Person.objects.filter(featured=True).exists():
        fields["featured"] = False  # an organiser has chosen whom to feature
    person = Person.objects.create(slug=data["slug"], sort_order=sort_order, **fields)

    # Statuses are given oldest first; two on one day keep that order through recorded_at.
    recorded_at = timezone.now()
    StatusChange.objects.bulk_create(
        StatusChange(person=person, recorded_at=recorded_at + timedelta(microseconds=i), **status)
        for i, status in enumerate(data["statuses"])
    )
    TimelineEvent.objects.bulk_create(TimelineEvent(person=person, **event) for event in data["timeline"])
    Award.objects.bulk_create(
        [Award(person=person, kind=Award.Kind.PRIZE, **award) for award in data["awards"]]
        + [Award(person=person, kind=Award.Kind.HONOUR, **honour) for honour in data["honours"]]
    )
    Book.objects.bulk_create(Book(person=person, **book) for book in data["books"])
    Quotation.objects.bulk_create(
        Quotation(person=person, sort_order=i, **quotation) for i, quotation in enumerate(data["quotations"])
    )
    Source.objects.bulk_create(Source(person=person, **source) for source in data["sources"])
    return f"person {person.slug}: created"


def _seed_key_dates(key_dates):
    created = 0
    for data in key_dates:
        if not KeyDate.objects.filter(month=data["month"], day=data["day"]).exists():
            KeyDate.objects.create(**data)
            created += 1
    return f"key dates: {created} created, {len(key_dates) - created} already there"
