"""Small builders for profile test data."""

from datetime import date, timedelta

from django.utils import timezone

from campaign.models import Person, StatusChange, TimelineEvent

_recorded = {"at": None}


def make_person(slug="ales", **fields):
    defaults = {
        "name_latin": "Ales Bialiatski",
        "name_be": "Аляксандр Віктаравіч Бяляцкі",
        "name_ru": "Александр Викторович Беляцкий",
        "short_name_be": "Алесь Бяляцкі",
        "summary": "A human rights defender.",
        "detention_start": date(2021, 7, 14),
    }
    return Person.objects.create(slug=slug, **{**defaults, **fields})


def add_status(person, status, on, **fields):
    """Statuses added later are recorded later, as in the admin."""
    now = timezone.now()
    if _recorded["at"] is not None and now <= _recorded["at"]:
        now = _recorded["at"] + timedelta(microseconds=1)
    _recorded["at"] = now
    return StatusChange.objects.create(person=person, status=status, date=on, recorded_at=now, **fields)


def add_timeline(person, count):
    first = person.timeline_events.count()
    TimelineEvent.objects.bulk_create(
        TimelineEvent(person=person, date=date(2000 + i % 25, 1, 1), date_precision="year", title=f"Event {i}")
        for i in range(first, first + count)
    )


def png_bytes(width, height, colour=(122, 31, 43)):
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()
