"""A report names priorities of the council's own strategy (strategy.Priority) instead of codes
fixed in the program; each code a report used becomes (or finds) the priority with its old
label and order."""

from django.db import migrations, models

OLD_PRIORITIES = {
    "stability": "Stability",
    "resilience": "Resilience",
    "eet": "Education, employment and training",
    "health": "Health",
    "listening": "Listening",
    "care_experienced": "Care experienced",
    "corporate_parenting": "Corporate parenting",
}

# The history triggers name the old column; they are installed again, new, after migrating.
DROP_HISTORY_TRIGGERS = """
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tgname FROM pg_trigger
           WHERE tgrelid = 'panels_report'::regclass AND tgname LIKE 'pgtrigger_%'
  LOOP
    EXECUTE format('DROP TRIGGER %I ON panels_report', t.tgname);
  END LOOP;
END $$;
"""


def priority_for(Priority, code):
    order = list(OLD_PRIORITIES)
    priority, _ = Priority.objects.get_or_create(
        slug=code.replace("_", "-"),
        defaults={
            "name": OLD_PRIORITIES.get(code, code.replace("_", " ").capitalize()),
            "position": order.index(code) + 1 if code in order else len(order) + 1,
        },
    )
    return priority


def codes_to_priorities(apps, schema_editor):
    Report = apps.get_model("panels", "Report")
    Priority = apps.get_model("strategy", "Priority")
    for report in Report.objects.exclude(priority_codes=[]):
        report.priorities.set([priority_for(Priority, code) for code in report.priority_codes])


def priorities_to_codes(apps, schema_editor):
    Report = apps.get_model("panels", "Report")
    for report in Report.objects.prefetch_related("priorities"):
        codes = [p.slug.replace("-", "_") for p in report.priorities.all()]
        report.priority_codes = [code for code in codes if code in OLD_PRIORITIES]
        report.save(update_fields=["priority_codes"])


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0004_search_papers"),
        ("strategy", "0001_priorities_objectives"),
        ("offer", "0003_indicator_strategy_priority_owner_retired"),
    ]

    operations = [
        migrations.RunSQL(DROP_HISTORY_TRIGGERS, migrations.RunSQL.noop),
        migrations.RenameField(
            model_name="report", old_name="priorities", new_name="priority_codes"
        ),
        migrations.AddField(
            model_name="report",
            name="priorities",
            field=models.ManyToManyField(
                blank=True,
                help_text="Each one's objectives and their progress are printed in the report.",
                related_name="reports",
                to="strategy.priority",
                verbose_name="strategic priorities",
            ),
        ),
        migrations.RunPython(codes_to_priorities, priorities_to_codes),
        migrations.RemoveField(model_name="report", name="priority_codes"),
    ]
