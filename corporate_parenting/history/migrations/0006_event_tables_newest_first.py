"""An index on (pgh_created_at, pgh_id) on every event table, so the audit trail's list of
changes (corporate_parenting/audit_changes.py), newest first, reads one short index scan per
table instead of every event.

Raw SQL: the event models are made by pghistory (history/models.py) and declare no indexes of
their own, so there is no model state to change. A governance model added later needs its table
here, in a new migration: tests/core/test_audit_changes.py checks that every event table has it.
"""

from django.db import migrations

EVENT_TABLES = [
    "history_actionupdateevent",
    "history_agendaitemevent",
    "history_amendmentevent",
    "history_appointmentevent",
    "history_attendanceevent",
    "history_bodyevent",
    "history_championareaevent",
    "history_championsettingsevent",
    "history_decisionstatusevent",
    "history_declarationevent",
    "history_dutyevent",
    "history_engagementevent",
    "history_eventevent",
    "history_feedbackevent",
    "history_indicatorevent",
    "history_linkofficerevent",
    "history_measurementevent",
    "history_meetingevent",
    "history_membershipevent",
    "history_objectiveevent",
    "history_offerentryevent",
    "history_planitemevent",
    "history_priorityevent",
    "history_reportannexevent",
    "history_reportevent",
    "history_reportpeopleevent",
    "history_reportsectionevent",
    "history_resolutionevent",
    "history_sitesettingsevent",
]


def _create(table: str) -> str:
    return f'CREATE INDEX IF NOT EXISTS "{table}_newest" ON "{table}" (pgh_created_at, pgh_id)'


def _drop(table: str) -> str:
    return f'DROP INDEX IF EXISTS "{table}_newest"'


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0005_governance_plans_strategy_duties"),
    ]

    operations = [
        migrations.RunSQL(sql=_create(table), reverse_sql=_drop(table)) for table in EVENT_TABLES
    ]
