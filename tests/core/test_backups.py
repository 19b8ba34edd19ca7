"""`make backup` and `make restore` round-trip the demo data, triggers and uploaded files included,
into a throwaway database on the same server."""

import io

import psycopg2
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from corporate_parenting.backups import backup_make, backup_restore

pytestmark = pytest.mark.django_db(transaction=True)

COUNTS = """
SELECT c.relname, (xpath('/row/n/text()',
    query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::int
FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE c.relkind = 'r' AND s.nspname = 'public'
"""
TRIGGERS = "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal"


def _snapshot(cursor) -> tuple[dict[str, int], int]:
    cursor.execute(COUNTS)
    counts = dict(cursor.fetchall())
    cursor.execute(TRIGGERS)
    return counts, cursor.fetchone()[0]


@pytest.fixture
def throwaway_database():
    default = settings.DATABASES["default"]
    name = f"{default['NAME']}_restore"
    admin = psycopg2.connect(
        dbname="postgres",
        host=default["HOST"] or None,
        port=default["PORT"] or None,
        user=default["USER"] or None,
        password=default["PASSWORD"] or None,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**default, "NAME": name}
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_backup_and_restore_round_trip_the_demo_data(
    throwaway_database, tmp_path, settings, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "reports").mkdir(parents=True)
    (tmp_path / "media" / "reports" / "annex.pdf").write_bytes(b"%PDF-1.7 annex")
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("load_demo", "--with-users", stdout=io.StringIO())
    with connection.cursor() as cursor:
        original = _snapshot(cursor)
    assert original[0]["panels_meeting"] > 0 and original[1] > 0

    folder = backup_make(into=tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    backup_restore(folder=folder, database=throwaway_database)

    restored_db = psycopg2.connect(
        dbname=throwaway_database["NAME"],
        host=throwaway_database["HOST"] or None,
        port=throwaway_database["PORT"] or None,
        user=throwaway_database["USER"] or None,
        password=throwaway_database["PASSWORD"] or None,
    )
    with restored_db, restored_db.cursor() as cursor:
        restored = _snapshot(cursor)
    restored_db.close()
    assert restored == original
    assert (tmp_path / "restored-media" / "reports" / "annex.pdf").read_bytes() == b"%PDF-1.7 annex"


def test_restore_refuses_without_yes(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path))
