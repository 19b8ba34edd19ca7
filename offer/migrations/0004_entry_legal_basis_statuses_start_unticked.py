"""Offer entries get a legal basis (the law or guidance young people can name to claim them),
and a new entry starts with no care leaver status ticked. Entries already saved keep theirs."""

from django.db import migrations, models

import corporate_parenting.inputs


class Migration(migrations.Migration):
    dependencies = [
        ("offer", "0003_indicator_strategy_priority_owner_retired"),
    ]

    operations = [
        migrations.AddField(
            model_name="offerentry",
            name="legal_basis",
            field=models.CharField(
                blank=True,
                help_text="The law or guidance that gives young people this, for example ‘Children (Leaving Care) Act 2000’ or ‘Staying Put: section 23CZA Children Act 1989’. Young people see it under ‘Your right to this’, so they can ask for it by name.",
                max_length=200,
                validators=[corporate_parenting.inputs.validate_one_line],
                verbose_name="legal basis",
            ),
        ),
        migrations.AlterField(
            model_name="offerentry",
            name="for_eligible",
            field=models.BooleanField(default=False, verbose_name="eligible"),
        ),
        migrations.AlterField(
            model_name="offerentry",
            name="for_former_relevant",
            field=models.BooleanField(default=False, verbose_name="former relevant"),
        ),
        migrations.AlterField(
            model_name="offerentry",
            name="for_relevant",
            field=models.BooleanField(default=False, verbose_name="relevant"),
        ),
    ]
