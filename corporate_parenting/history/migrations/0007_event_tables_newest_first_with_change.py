"""The newest-first index on every event table (0006) also carries the change (pgh_label), so
the audit trail's "Change" filter counts and pages the changes from the index alone.

Raw SQL, as in 0006: the event models declare no indexes of their own. The index keeps its name;
tests/core/test_audit_changes.py checks that every event table has it.
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


def _index(table: str, *, label: bool) -> str:
    carried = " INCLUDE (pgh_label)" if label else ""
    return (
        f'DROP INDEX IF EXISTS "{table}_newest";'
        f' CREATE INDEX "{table}_newest" ON "{table}" (pgh_created_at, pgh_id){carried}'
    )


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0006_event_tables_newest_first"),
    ]

    operations = [
        migrations.RunSQL(sql=_index(table, label=True), reverse_sql=_index(table, label=False))
        for table in EVENT_TABLES
    ]
