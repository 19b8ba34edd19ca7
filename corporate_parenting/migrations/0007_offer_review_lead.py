"""The duty once called "offer editor" granted no editing: it is the offer review lead, who gets
the monthly list of entries past their review date."""

from django.db import migrations, models


def rename(apps, schema_editor):
    apps.get_model("corporate_parenting", "Duty").objects.filter(kind="offer_editor").update(
        kind="offer_review_lead"
    )


def rename_back(apps, schema_editor):
    apps.get_model("corporate_parenting", "Duty").objects.filter(kind="offer_review_lead").update(
        kind="offer_editor"
    )


class Migration(migrations.Migration):
    dependencies = [("corporate_parenting", "0006_reminder_kind_alert_already_subscribed")]

    operations = [
        migrations.AlterField(
            model_name="duty",
            name="kind",
            field=models.CharField(
                choices=[
                    ("link_officer", "Link officer"),
                    ("report_author", "Report author"),
                    ("report_sponsor", "Report sponsor"),
                    ("clerk", "Clerk to a body"),
                    ("kpi_owner", "KPI owner"),
                    ("offer_review_lead", "Offer review lead"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(rename, rename_back),
    ]
