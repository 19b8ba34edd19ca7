"""Indicators name a priority of the council's own strategy (strategy.Priority) instead of a
code fixed in the program; each code in use becomes a priority with its old label and order.
A new database gets no priorities: the council enters its own.

Also: an indicator's KPI owner and retirement, and a mark on invented demonstration figures.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The priorities as they were fixed in code, in their order: code -> label.
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
           WHERE tgrelid = 'offer_indicator'::regclass AND tgname LIKE 'pgtrigger_%'
  LOOP
    EXECUTE format('DROP TRIGGER %I ON offer_indicator', t.tgname);
  END LOOP;
END $$;
"""


def priority_for(Priority, code):
    """The strategy priority for an old code, made with the old label and order if new."""
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
    Indicator = apps.get_model("offer", "Indicator")
    Priority = apps.get_model("strategy", "Priority")
    for code in Indicator.objects.order_by().values_list("priority_code", flat=True).distinct():
        if code:
            Indicator.objects.filter(priority_code=code).update(
                priority=priority_for(Priority, code)
            )
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def priorities_to_codes(apps, schema_editor):
    Indicator = apps.get_model("offer", "Indicator")
    for indicator in Indicator.objects.select_related("priority"):
        slug = indicator.priority.slug.replace("-", "_") if indicator.priority else ""
        indicator.priority_code = slug if slug in OLD_PRIORITIES else "corporate_parenting"
        indicator.save(update_fields=["priority_code"])
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("offer", "0002_finding"),
        ("strategy", "0001_priorities_objectives"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunSQL(DROP_HISTORY_TRIGGERS, migrations.RunSQL.noop),
        migrations.AddField(
            model_name="indicator",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="owned_indicators",
                to=settings.AUTH_USER_MODEL,
                verbose_name="KPI owner",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="retired_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="measurement",
            name="is_demo",
            field=models.BooleanField(
                default=False, help_text="invented figures for the demonstration"
            ),
        ),
        migrations.RenameField(
            model_name="indicator", old_name="priority", new_name="priority_code"
        ),
        migrations.AddField(
            model_name="indicator",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="indicators",
                to="strategy.priority",
                verbose_name="strategic priority",
            ),
        ),
        migrations.RunPython(codes_to_priorities, priorities_to_codes),
        migrations.RemoveField(model_name="indicator", name="priority_code"),
    ]
