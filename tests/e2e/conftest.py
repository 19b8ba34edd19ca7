"""Browser journeys: Playwright driving the system Chromium against a live server with demo data.

Every page a journey visits is checked with axe-core (WCAG 2.2 A and AA); any violation fails.
"""

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (fixtures, live server set-up) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "demo-password-for-browser-tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
ROLE_EMAILS = {
    "councillor": "councillor@example.org",
    "officer": "officer@example.org",
    "admin": "admin@example.org",
    "partner": "partner@example.org",
}


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        message = "no Chromium: install Debian's chromium package to run the browser journeys"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message + " (REQUIRE_SERVICES=1)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE_SOURCE_PATH.exists(), "axe-core is missing: run `make install`"
    return AXE_SOURCE_PATH.read_text()


# The demo data as the first journey of the session loaded it, table by table (COPY's text
# form). Every journey starts from an emptied database (a transactional test flushes it after
# itself), and load_demo made every row through the ORM again each time; copying the rows back
# gives the same data, ids included, in a fraction of the time.
_demo_tables: dict[str, bytes] = {}


def _model_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _keep_demo() -> None:
    with connection.cursor() as cursor:
        for table in _model_tables():
            rows = io.BytesIO()
            cursor.cursor.copy_expert(f'COPY "{table}" TO STDOUT', rows)
            _demo_tables[table] = rows.getvalue()


def _copy_demo_back() -> bool:
    """The kept rows in place of whatever the tables hold; False when this database will not
    let triggers be set aside (not a superuser), so the caller loads the demo instead."""
    tables = _model_tables()
    if set(tables) != set(_demo_tables):
        return False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # Rows as they were: no history triggers fire, no foreign key is checked row by row.
            cursor.execute("SET LOCAL session_replication_role = replica")
            quoted = ", ".join(f'"{table}"' for table in tables)
            cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
            for table in tables:
                if _demo_tables[table]:
                    cursor.cursor.copy_expert(
                        f'COPY "{table}" FROM STDIN', io.BytesIO(_demo_tables[table])
                    )
            models = apps.get_models(include_auto_created=True)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    except DatabaseError:
        return False
    # Ids held in memory from the emptied tables mean other rows now.
    ContentType.objects.clear_cache()
    cache.clear()
    return True


@pytest.fixture
def demo(live_server, monkeypatch) -> str:
    """The demo data and sign-ins in the live server's database; returns its base URL."""
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    if not (_demo_tables and _copy_demo_back()):
        call_command("load_demo", "--with-users", stdout=io.StringIO())
        _keep_demo()
    return live_server.url


@pytest.fixture
def new_page(browser, axe_source):
    """new_page(viewport="phone", javascript=True) gives a fresh page in a fresh context."""
    contexts = []

    def make(viewport: str = "desktop", javascript: bool = True):
        context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
