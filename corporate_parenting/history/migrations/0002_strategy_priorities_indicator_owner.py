"""The history of indicators follows them to the strategy's priorities: each old code in an
indicator's history points at the priority of that code (made, retired, if no indicator still
used it). A report's priorities are kept in its versions, not in this table."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

OLD_PRIORITIES = {
    "stability": "Stability",
    "resilience": "Resilience",
    "eet": "Education, employment and training",
    "health": "Health",
    "listening": "Listening",
    "care_experienced": "Care experienced",
    "corporate_parenting": "Corporate parenting",
}


def codes_to_priorities(apps, schema_editor):
    IndicatorEvent = apps.get_model("history", "IndicatorEvent")
    Priority = apps.get_model("strategy", "Priority")
    order = list(OLD_PRIORITIES)
    codes = IndicatorEvent.objects.order_by().values_list("priority_code", flat=True).distinct()
    for code in codes:
        if not code:
            continue
        priority, _ = Priority.objects.get_or_create(
            slug=code.replace("_", "-"),
            defaults={
                "name": OLD_PRIORITIES.get(code, code.replace("_", " ").capitalize()),
                "position": order.index(code) + 1 if code in order else len(order) + 1,
                "retired_at": timezone.now(),
            },
        )
        IndicatorEvent.objects.filter(priority_code=code).update(priority=priority)


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0001_governance_history"),
        ("strategy", "0001_priorities_objectives"),
        ("offer", "0003_indicator_strategy_priority_owner_retired"),
        ("panels", "0005_report_strategy_priorities"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(
            model_name="reportevent",
            name="priorities",
        ),
        migrations.AddField(
            model_name="indicatorevent",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="KPI owner",
            ),
        ),
        migrations.AddField(
            model_name="indicatorevent",
            name="retired_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="measurementevent",
            name="is_demo",
            field=models.BooleanField(
                default=False, help_text="invented figures for the demonstration"
            ),
        ),
        migrations.RenameField(
            model_name="indicatorevent",
            old_name="priority",
            new_name="priority_code",
        ),
        migrations.AddField(
            model_name="indicatorevent",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="strategy.priority",
                verbose_name="strategic priority",
            ),
        ),
        migrations.RunPython(codes_to_priorities, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="indicatorevent",
            name="priority_code",
        ),
    ]
