"""The history of offer entries keeps their legal basis, and new entries start with no care
leaver status ticked (offer 0004)."""

from django.db import migrations, models

import corporate_parenting.inputs


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0008_duty_offer_review_lead"),
        ("offer", "0004_entry_legal_basis_statuses_start_unticked"),
    ]

    operations = [
        migrations.AddField(
            model_name="offerentryevent",
            name="legal_basis",
            field=models.CharField(
                blank=True,
                help_text="The law or guidance that gives young people this, for example "
                "‘Children (Leaving Care) Act 2000’ or ‘Staying Put: section 23CZA Children Act "
                "1989’. Young people see it under ‘Your right to this’, so they can ask for it by "
                "name.",
                max_length=200,
                validators=[corporate_parenting.inputs.validate_one_line],
                verbose_name="legal basis",
            ),
        ),
        migrations.AlterField(
            model_name="offerentryevent",
            name="for_eligible",
            field=models.BooleanField(default=False, verbose_name="eligible"),
        ),
        migrations.AlterField(
            model_name="offerentryevent",
            name="for_former_relevant",
            field=models.BooleanField(default=False, verbose_name="former relevant"),
        ),
        migrations.AlterField(
            model_name="offerentryevent",
            name="for_relevant",
            field=models.BooleanField(default=False, verbose_name="relevant"),
        ),
    ]
