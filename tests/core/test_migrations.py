"""A new install migrates through the squashed migrations (one step per table instead of one per
change, the largest cost of migrating an empty database); it must end exactly where a database
that took the original migrations one by one ends."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader

SQUASHED = [
    ("panels", "0001_squashed_0004_search_papers"),
    ("history", "0001_squashed_0008_duty_offer_review_lead"),
]


@pytest.mark.parametrize(("app", "squashed"), SQUASHED)
def test_a_new_install_has_the_same_models_as_an_upgraded_one(app, squashed):
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    replaced = loader.graph.nodes[(app, squashed)].replaces
    new_install = loader.project_state((app, squashed), at_end=True)
    upgraded = loader.project_state(replaced[-1], at_end=True)
    # What makemigrations would write to go from one to the other: nothing.
    changes = MigrationAutodetector(upgraded, new_install).changes(graph=loader.graph)
    assert not changes.get(app)


@pytest.mark.parametrize(("app", "squashed"), SQUASHED)
def test_a_database_that_took_the_original_migrations_is_up_to_date(app, squashed):
    """Django takes the squashed migration as applied where all it replaces are."""
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    replaced = loader.graph.nodes[(app, squashed)].replaces
    for key in replaced:
        assert key in loader.disk_migrations, f"{key} must stay until every database has it"


@pytest.mark.django_db
def test_a_new_install_has_the_papers_search_indexes_and_decision_statuses():
    """What the squashed panels migration makes besides the tables (the test database is a new
    install, made by migrating)."""
    original = import_module("panels.migrations.0004_search_papers")
    seeded = import_module("panels.migrations.0003_papers_decisions_exempt")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(original.INDEXES)]
        )
        assert {row[0] for row in cursor.fetchall()} == set(original.INDEXES)
        cursor.execute("SELECT name FROM panels_decisionstatus ORDER BY position")
        assert tuple(row[0] for row in cursor.fetchall()) == seeded.DECISION_STATUSES
