# An event's history keeps whether it needed champion training (events 0004).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0003_appointment_ended_on"),
        ("events", "0004_event_requires_training"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventevent",
            name="requires_training",
            field=models.BooleanField(
                default=False,
                help_text="Members need to have completed champion training to sign up.",
                verbose_name="needs champion training",
            ),
        ),
    ]
