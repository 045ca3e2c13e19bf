"""`manage.py seed_campaign`: each app seeds its own content (its `seeding.seed()`), creating only
what is missing. This module seeds the people and key dates from campaign/seed/content.py.

Natural keys: a person by slug, a key date by its day of the year. A person already present is left
exactly as it is, with everything on their page: whatever an organiser has changed, added or removed
there stays so. (Something an organiser deleted outright comes back.)

Translations: campaign/seed/<language>.py (written by translators) fill the Belarusian and Russian
fields of the seeded objects, only where a field is empty and its English is still the seed's, so an
organiser's text is never overwritten and no translation is paired with English that has changed since.
"""

import importlib
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import module_has_submodule

from campaign.models import Award, Book, KeyDate, Person, Quotation, Source, StatusChange, TimelineEvent
from campaign.seed import content as seed_content

PERSON_FIELDS = (
    "name_latin",
    "name_be",
    "name_ru",
    "short_name_be",
    "short_name_ru",
    "group",
    "name_dative_be",
    "name_dative_ru",
    "postal_name_be",
    "postal_name_ru",
    "patronymic_source",
    "role",
    "summary",
    "biography",
    "birth_date",
    "detention_start",
    "featured",
)


@transaction.atomic
def seed_campaign():
    """Run each installed app's `seeding.seed()`, in INSTALLED_APPS order; return one line per thing done."""
    lines = []
    # The seed is English: `title=` must land in title_en whatever language is active.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for app_config in apps.get_app_configs():
            if module_has_submodule(app_config.module, "seeding"):
                lines += importlib.import_module(f"{app_config.name}.seeding").seed()
    return lines


def seed():
    lines = [_seed_person(data, sort_order=n * 10) for n, data in enumerate(seed_content.PEOPLE, start=1)]
    lines.append(_seed_key_dates(seed_content.KEY_DATES))
    return lines + seed_translations()


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


# --- translations of the seed -------------------------------------------------------------------------

TRANSLATED_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE]


def load_seed_translations(language):
    """campaign/seed/<language>.py as a dict, or None while there is no such file.

    The format, which the translators follow:
        PETITION = {"title", "summary", "body", "addressee"}
        KEY_DATES = [{"title", "text"}, ...]                 # in the order of seed_content.KEY_DATES
        PEOPLE = {slug: {"role", "summary", "biography",
                         "statuses": [{"note"}], "timeline": [{"title", "text"}],
                         "awards": [{"name", "note"}], "honours": [{"name", "note"}],
                         "books": [{"title", "note"}]}}      # each list in the order of that person's seed
    Anything left out (a key, a person, an empty string) stays untranslated: the site shows English.
    """
    name = f"campaign.seed.{language}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise
    return {key: getattr(module, key) for key in ("PETITION", "KEY_DATES", "PEOPLE") if hasattr(module, key)}


def seed_translations(sources=None):
    """Fill empty _be/_ru fields of the seeded objects from the translators' files; one line per language.

    `sources` maps a language to its data (as `load_seed_translations` returns it); by default the files.
    """
    if sources is None:
        sources = {language: load_seed_translations(language) for language in TRANSLATED_LANGUAGES}
    lines = []
    for language, data in sources.items():
        if not data:
            continue
        filler = TranslationFiller(language)
        filler.key_dates(data.get("KEY_DATES") or [])
        for slug, person in (data.get("PEOPLE") or {}).items():
            filler.person(slug, person)
        lines.append(f"translations ({language}): {filler.filled} fields filled")
        lines += [f"translations ({language}): {problem}" for problem in filler.problems]
    return lines


class TranslationFiller:
    """Matches each translated item with its seed entry, and that with the object in the database."""

    def __init__(self, language):
        self.language = language
        self.filled = 0
        self.problems = []

    def fill(self, obj, seed, translated, fields):
        """Set obj.<field>_<language> from `translated` where it is empty and obj's English is the seed's."""
        if obj is None:
            return
        changed = []
        for field in fields:
            value = (translated.get(field) or "").strip()
            localized = f"{field}_{self.language}"
            if not value or not seed.get(field) or getattr(obj, localized):
                continue
            if getattr(obj, f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}") != seed[field]:
                continue  # an organiser changed the English: this translation is no longer of it
            setattr(obj, localized, value)
            changed.append(localized)
        if changed:
            obj.save(update_fields=changed)
            self.filled += len(changed)

    def pairs(self, what, seeds, translations):
        """(seed, translation) pairs; none when the lists differ in length, as they would be misaligned."""
        if len(seeds) != len(translations):
            if translations:
                self.problems.append(f"{what}: {len(translations)} translations for {len(seeds)} entries, skipped")
            return []
        return zip(seeds, translations, strict=True)

    def key_dates(self, translations):
        for seed, translated in self.pairs("key dates", seed_content.KEY_DATES, translations):
            obj = KeyDate.objects.filter(month=seed["month"], day=seed["day"]).first()
            self.fill(obj, seed, translated, ("title", "text"))

    def person(self, slug, translated):
        seed = next((p for p in seed_content.PEOPLE if p["slug"] == slug), None)
        person = Person.objects.filter(slug=slug).first()
        if seed is None or person is None:
            self.problems.append(f"person {slug}: not in the seed or not in the database, skipped")
            return
        self.fill(person, seed, translated, ("role", "summary", "biography"))
        english = f"_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
        for status, item in self.pairs(f"{slug} statuses", seed["statuses"], translated.get("statuses", [])):
            obj = person.status_changes.filter(status=status["status"], date=status["date"]).first()
            self.fill(obj, status, item, ("note",))
        for event, item in self.pairs(f"{slug} timeline", seed["timeline"], translated.get("timeline", [])):
            obj = person.timeline_events.filter(date=event["date"], **{f"title{english}": event["title"]}).first()
            self.fill(obj, event, item, ("title", "text"))
        for key, kind in (("awards", Award.Kind.PRIZE), ("honours", Award.Kind.HONOUR)):
            for award, item in self.pairs(f"{slug} {key}", seed[key], translated.get(key, [])):
                obj = person.awards.filter(kind=kind, **{f"name{english}": award["name"]}).first()
                self.fill(obj, award, item, ("name", "note"))
        for book, item in self.pairs(f"{slug} books", seed["books"], translated.get("books", [])):
            obj = person.books.filter(**{f"title{english}": book["title"]}).first()
            self.fill(obj, book, item, ("title", "note"))
