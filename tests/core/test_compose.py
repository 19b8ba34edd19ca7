"""docker-compose.yml is for deployment; there is no engine here, so it is checked by parsing."""

import os
import posixpath
import re
import shlex
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
import yaml
from celery import Celery
from celery.app.utils import find_app
from celery.bin.celery import celery as celery_cli
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import get_commands
from gunicorn.config import Config

from corporate_parenting.celery import app as portal_celery_app

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_the_five_services_with_healthchecks():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis"}
    for name in ("web", "postgres", "redis"):
        assert "healthcheck" in services[name], name


def _web_steps() -> list[list[str]]:
    """The web service runs `sh -c "step && exec step"`: each step as its words."""
    command = compose()["services"]["web"]["command"]
    assert command[:2] == ["sh", "-c"]
    return [shlex.split(step.removeprefix("exec ")) for step in command[2].split(" && ")]


def test_web_migrates_then_serves_the_portals_wsgi_application():
    migrate, serve = _web_steps()
    assert migrate[:2] == ["python", "manage.py"]
    assert (ROOT / "manage.py").exists()
    assert migrate[2] in get_commands(), f"{migrate[2]} is not a manage.py command"
    assert serve[0] == "gunicorn"
    # The options are gunicorn's own; the application is the portal's WSGI callable.
    arguments = Config().parser().parse_args(serve[1:])
    assert arguments.workers == 3
    module, _, attribute = arguments.args[0].partition(":")
    application = getattr(import_module(module), attribute or "application")
    assert isinstance(application, WSGIHandler)


@pytest.mark.parametrize(("service", "subcommand"), [("worker", "worker"), ("beat", "beat")])
def test_worker_and_beat_start_the_portals_celery_app(service, subcommand):
    command = compose()["services"][service]["command"]
    assert command[0] == "celery"
    assert command[1] == "-A"
    app = find_app(command[2])
    assert isinstance(app, Celery)
    assert app is portal_celery_app, "-A names the portal's own Celery app"
    assert command[3] == subcommand
    assert subcommand in celery_cli.commands
    if subcommand == "beat":
        # The schedule is one the portal defines, so beat has something to send.
        assert app.conf.beat_schedule


def test_worker_healthcheck_asks_the_worker_itself():
    test = compose()["services"]["worker"]["healthcheck"]["test"]
    assert test[:4] == ["CMD", "celery", "-A", "corporate_parenting"]
    assert find_app(test[3]) is portal_celery_app
    assert test[4] in celery_cli.commands
    assert "ping" in test


def test_the_image_is_built_from_the_projects_dockerfile():
    build = compose()["services"]["web"]["build"]
    assert (ROOT / build["context"] / build["dockerfile"]).exists()


def test_compose_keeps_data_in_volumes_and_waits_for_healthy_services():
    data = compose()
    assert {"postgres-data", "media"} <= set(data["volumes"])
    web = data["services"]["web"]
    assert web["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert web["environment"]["DJANGO_ENV"] == "production"


def test_every_portal_service_is_given_the_portals_address_from_env():
    """E-mails' links start with PORTAL_BASE_URL; compose refuses to start without it."""
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        address = services[name]["environment"]["PORTAL_BASE_URL"]
        assert address.startswith("${PORTAL_BASE_URL:?"), name


def test_the_image_builds_its_static_files_with_production_settings():
    """The Dockerfile's collectstatic step gives production settings all they refuse to start
    without; run here as it runs there (with --dry-run: nothing is written)."""
    dockerfile = (ROOT / ".docker" / "Dockerfile").read_text().replace("\\\n", " ")
    (step,) = [line for line in dockerfile.splitlines() if "collectstatic" in line]
    words = shlex.split(step.removeprefix("RUN "))
    python = words.index("python")
    assert words[python + 1 : python + 3] == ["manage.py", "collectstatic"]
    given = dict(word.split("=", 1) for word in words[:python])
    assert given["DJANGO_ENV"] == "production"
    # Only what the step gives: none of this test run's own settings.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "SECRET_KEY", "ALLOWED_HOSTS", "PORTAL_", "DATABASE_"))
    }
    env.update(given)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


# --- .dockerignore: what `COPY . .` leaves out of the image -------------------------------------


def _pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as Docker reads it: from the context's root, `*` and `?` within
    one name, `**` across folders."""
    regex, rest = "", pattern
    while rest:
        if rest.startswith("**/"):
            regex, rest = regex + "(?:.*/)?", rest[3:]
        elif rest.startswith("**"):
            regex, rest = regex + ".*", rest[2:]
        elif rest[0] == "*":
            regex, rest = regex + "[^/]*", rest[1:]
        elif rest[0] == "?":
            regex, rest = regex + "[^/]", rest[1:]
        else:
            regex, rest = regex + re.escape(rest[0]), rest[1:]
    return re.compile(regex + r"\Z")


def dockerignore() -> list[tuple[bool, re.Pattern[str]]]:
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kept = line.startswith("!")
        pattern = posixpath.normpath(line.removeprefix("!").strip()).lstrip("/")
        rules.append((kept, _pattern(pattern)))
    return rules


def sent_to_the_build(path: str) -> bool:
    """Docker leaves a file out when it, or a folder it is in, matches; the last match wins."""
    parts = path.split("/")
    itself_and_folders = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    sent = True
    for kept, rule in dockerignore():
        if any(rule.match(candidate) for candidate in itself_and_folders):
            sent = kept
    return sent


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".env.production",
        ".secret_key",
        ".git/config",
        ".venv/bin/python",
        "node_modules/govuk-frontend/package.json",
        "static/build/portal.css",
        "static/build/govuk/govuk-frontend.min.js",
        "staticfiles/staticfiles.json",
        ".pgdata/PG_VERSION",
        ".pgdata-16/base/1/112",
        "backups/portal-20260101-043000/database.dump",
        "media/reports/annex.pdf",
        "media/branding/logo.png",
        "corporate_parenting/__pycache__/settings.cpython-311.pyc",
    ],
)
def test_secrets_local_data_and_what_the_image_builds_stay_out_of_it(path):
    assert not sent_to_the_build(path), f"{path} would be copied into the image"


def test_everything_the_image_needs_is_sent_to_the_build():
    """Every file in the repository reaches the image, except the tests and CI's own files;
    and every file the Dockerfile copies by name."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "manage.py" in tracked
    needed = [path for path in tracked if not path.startswith(("tests/", "bench/", ".ci/"))]
    dockerfile = (ROOT / ".docker" / "Dockerfile").read_text()
    for line in dockerfile.splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not words[1].startswith("--"):
            needed += [source for source in words[1:-1] if source != "."]
    left_out = [path for path in needed if not sent_to_the_build(path)]
    assert not left_out


def test_the_image_and_ci_install_libreoffice_for_word_papers_in_the_pack():
    """The worker turns Word and OpenDocument papers into PDF with LibreOffice: the image
    installs it, and so does CI on a new machine."""
    dockerfile = (ROOT / ".docker" / "Dockerfile").read_text().replace("\\\n", " ")
    assert "libreoffice-writer-nogui" in dockerfile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "command -v soffice" in ci and "libreoffice-writer-nogui" in ci
