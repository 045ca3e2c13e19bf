import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    ReminderSubscription = apps.get_model("letters", "ReminderSubscription")
    for pk in ReminderSubscription.objects.filter(public_id__isnull=True).values_list("pk", flat=True).iterator():
        ReminderSubscription.objects.filter(pk=pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_translatable_choices")]

    operations = [
        migrations.AddField(
            model_name="remindersubscription", name="public_id", field=models.UUIDField(editable=False, null=True)
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="remindersubscription",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
