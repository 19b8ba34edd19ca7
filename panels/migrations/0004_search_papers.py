"""GIN indexes for the papers search (panels/search.py): each on the very expression the search
uses, so PostgreSQL answers from the index. Change both together."""

from django.db import migrations

INDEXES = {
    "panels_item_search": (
        "panels_agendaitem",
        "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(presenter, ''))",
    ),
    "panels_minutes_search": (
        "panels_agendaitem",
        "to_tsvector('english'::regconfig, COALESCE(discussion, ''))",
    ),
    "panels_resolution_search": (
        "panels_resolution",
        "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    ),
    "panels_report_search": (
        "panels_report",
        "(setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, COALESCE(summary, '') || ' ' || "
        "COALESCE(recommendations, '') || ' ' || COALESCE(purpose, '')), 'B'))",
    ),
}


class Migration(migrations.Migration):
    dependencies = [("panels", "0003_papers_decisions_exempt")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} USING gin (({expression}))",
            f"DROP INDEX {name}",
        )
        for name, (table, expression) in INDEXES.items()
    ]
