"""Correct, on a site already seeded, the Belarusian and Russian phrases found wrong in review (issue 11).

Each replaces an exact phrase inside the seeded translations, so text an organiser rewrote is untouched.
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace

FIXES = {
    ("KeyDate", "text_be"): [("па палітычных матывах", "з палітычных матываў")],
    ("Person", "biography_be"): [
        ("Рабочая група ААН", "Працоўная група ААН"),
        ("па палітычных матывах", "з палітычных матываў"),
    ],
    ("TimelineEvent", "text_be"): [
        ("дапамога, што аказвала «Вясна»", "дапамога, якую давала «Вясна»"),
        ("Рабочая група ААН", "Працоўная група ААН"),
    ],
    ("TimelineEvent", "title_be"): [("Рабочая група ААН", "Працоўная група ААН")],
    ("StatusChange", "note_be"): [("Май 2023 года: пераведзены", "У траўні 2023 года пераведзены")],
    ("StatusChange", "note_ru"): [("Май 2023 года: переведён", "В мае 2023 года переведён")],
    ("Book", "note_ru"): [("Франтишка Олехновича", "Францишека Олехновича")],
}


PETITION_FIXES = {
    "summary_be": [
        ("па-ранейшаму знаходзяцца за кратамі ў Беларусі", "застаюцца за кратамі ў Беларусі"),
    ],
}


def forwards(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    for field, pairs in PETITION_FIXES.items():
        for old, new in pairs:
            Petition.objects.filter(**{f"{field}__contains": old}).update(
                **{field: Replace(field, Value(old), Value(new))}
            )
    for (model_name, field), pairs in FIXES.items():
        model = apps.get_model("campaign", model_name)
        for old, new in pairs:
            model.objects.filter(**{f"{field}__contains": old}).update(
                **{field: Replace(field, Value(old), Value(new))}
            )


class Migration(migrations.Migration):
    dependencies = [("campaign", "0007_status_claims_data"), ("petitions", "0003_translations")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
