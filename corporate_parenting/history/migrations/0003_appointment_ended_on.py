# The history of champion appointments keeps their end date and reason (an ended appointment
# stays in the record instead of being deleted).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0002_strategy_priorities_indicator_owner"),
    ]

    operations = [
        migrations.AddField(
            model_name="appointmentevent",
            name="end_reason",
            field=models.CharField(blank=True, max_length=300, verbose_name="Why it ended"),
        ),
        migrations.AddField(
            model_name="appointmentevent",
            name="ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="Ended on"),
        ),
    ]
