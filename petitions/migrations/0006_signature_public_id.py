import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    Signature = apps.get_model("petitions", "Signature")
    for pk in Signature.objects.filter(public_id__isnull=True).values_list("pk", flat=True).iterator():
        Signature.objects.filter(pk=pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("petitions", "0005_updates")]

    operations = [
        migrations.AddField(
            model_name="signature", name="public_id", field=models.UUIDField(editable=False, null=True)
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="signature",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
