"""Browser journeys: Playwright driving the system Chromium against a live server with demo data.

Every page a journey visits is checked with axe-core (WCAG 2.2 A and AA); any violation fails.
"""

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

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


@pytest.fixture
def demo(live_server, monkeypatch) -> str:
    """The demo data and sign-ins in the live server's database; returns its base URL."""
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    call_command("load_demo", "--with-users", stdout=io.StringIO())
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
