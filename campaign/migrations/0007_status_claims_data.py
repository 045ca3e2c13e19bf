"""Bring a site seeded before statuses carried their age up to what the sources say (FACTS.md).

Only fills what is empty, so nothing an organiser entered is overwritten: Marfa Rabkova gets the status
Human Rights Watch reported (in prison on 15 December 2025) if she has none; the current statuses of
those still held that rest on that report are marked confirmed as of its date; Nasta Loika is listed
with the human rights defenders (not as Viasna staff); the names letters need are filled in.
The values are written out here, not imported from the seed, which may change after this migration.
"""

import datetime

from django.db import migrations

HRW = "Human Rights Watch"
HRW_URL = "https://www.hrw.org/news/2025/12/15/more-than-1000-belarusians-remain-in-prison-for-exercising-their-rights"
HRW_DATE = datetime.date(2025, 12, 15)

NAMES = {
    "valiantsin-stefanovich": {
        "name_dative_be": "Валянціну Стэфановічу",
        "name_dative_ru": "Валентину Стефановичу",
        "postal_name_be": "Стэфановічу Валянціну",
        "postal_name_ru": "Стефановичу Валентину",
    },
    "uladzimir-labkovich": {"name_dative_be": "Уладзіміру Лабковічу", "name_dative_ru": "Владимиру Лабковичу"},
    "marfa-rabkova": {
        "name_dative_be": "Марфе Рабковай",
        "name_dative_ru": "Марфе Рабковой",
        "postal_name_be": "Рабковай Марыі",
        "postal_name_ru": "Рабковой Марии",
    },
    "nasta-loika": {"name_dative_ru": "Насте Лойко", "postal_name_ru": "Лойко Анастасии"},
}


def forwards(apps, schema_editor):
    Person = apps.get_model("campaign", "Person")
    StatusChange = apps.get_model("campaign", "StatusChange")

    marfa = Person.objects.filter(slug="marfa-rabkova").first()
    if marfa is not None and not StatusChange.objects.filter(person=marfa).exists():
        StatusChange.objects.create(
            person=marfa,
            status="in_prison",
            date=HRW_DATE,
            note_en="Serving a sentence of 15 years, later reduced to 14 years and 9 months.",
            note_be="Адбывае тэрмін 15 гадоў, пазней скарочаны да 14 гадоў і 9 месяцаў.",
            note_ru="Отбывает срок 15 лет, позже сокращённый до 14 лет и 9 месяцев.",
            source="Human Rights Watch, 15 December 2025; 100xsolidaritaet.de, prisoner profile",
            source_url=HRW_URL,
            confirmed_on=HRW_DATE,
            confirmed_source=HRW,
            confirmed_source_url=HRW_URL,
        )

    for slug in ("valiantsin-stefanovich", "nasta-loika"):
        current = StatusChange.objects.filter(person__slug=slug).order_by("-date", "-recorded_at", "-id").first()
        if current is not None and current.confirmed_on is None and "Human Rights Watch, 15 December 2025" in current.source:
            current.confirmed_on = HRW_DATE
            current.confirmed_source = HRW
            current.confirmed_source_url = HRW_URL
            current.save(update_fields=["confirmed_on", "confirmed_source", "confirmed_source_url"])

    Person.objects.filter(slug="nasta-loika", group="viasna").update(group="defenders")

    for slug, names in NAMES.items():
        person = Person.objects.filter(slug=slug).first()
        if person is None:
            continue
        empty = {field: value for field, value in names.items() if not getattr(person, field)}
        if empty:
            Person.objects.filter(pk=person.pk).update(**empty)


class Migration(migrations.Migration):
    dependencies = [("campaign", "0006_status_claims")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
