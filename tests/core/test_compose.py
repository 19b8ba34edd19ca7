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


def test_compose_has_the_portal_its_database_cache_and_object_store_with_healthchecks():
    services = compose()["services"]
    assert set(services) == {
        "migrate",
        "web",
        "worker",
        "beat",
        "postgres",
        "redis",
        "minio",
        "bucket",
    }
    for name in ("web", "postgres", "redis", "minio"):
        assert "healthcheck" in services[name], name


def test_the_database_is_migrated_once_before_the_web_replicas_and_workers_start():
    services = compose()["services"]
    migrate = services["migrate"]["command"]
    assert migrate[:2] == ["python", "manage.py"]
    assert (ROOT / "manage.py").exists()
    assert migrate[2] in get_commands(), f"{migrate[2]} is not a manage.py command"
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        needs = services[name]["depends_on"]
        assert needs["migrate"]["condition"] == "service_completed_successfully", name
        assert "migrate" not in " ".join(services[name]["command"]), name


def test_web_serves_the_portals_wsgi_application():
    serve = compose()["services"]["web"]["command"]
    assert serve[0] == "gunicorn"
    # The options are gunicorn's own; the application is the portal's WSGI callable.
    arguments = Config().parser().parse_args(serve[1:])
    assert arguments.workers == 3
    module, _, attribute = arguments.args[0].partition(":")
    application = getattr(import_module(module), attribute or "application")
    assert isinstance(application, WSGIHandler)


def test_two_web_replicas_two_workers_and_one_scheduler():
    services = compose()["services"]
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["worker"]["deploy"]["replicas"] == 2
    # A second beat would send every scheduled run twice.
    assert services["beat"]["deploy"]["replicas"] == 1
    # Each web replica gets a host port of its own for the proxy.
    (ports,) = services["web"]["ports"]
    published, _, target = ports.partition(":")
    first, _, last = published.partition("-")
    assert int(last) - int(first) + 1 == 2 and target == "8000"


def test_every_portal_container_shares_the_database_cache_object_store_and_key():
    """What lets any web replica serve any request and any worker run any task."""
    services = compose()["services"]
    environments = [services[name]["environment"] for name in ("web", "worker", "beat")]
    for environment in environments:
        assert environment == environments[0]
    environment = environments[0]
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["DATABASE_URL"].endswith("@postgres:5432/portal")
    assert environment["CACHE_URL"].startswith("rediscache://redis:6379/")
    assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
    assert environment["AWS_S3_ENDPOINT_URL"] == "http://minio:9000"
    assert environment["AWS_STORAGE_BUCKET_NAME"]
    # No container keeps uploaded files on a disk of its own.
    for name in ("web", "worker", "beat"):
        assert "MEDIA_ROOT" not in services[name]["environment"]
        assert not services[name].get("volumes"), name


def test_the_bucket_is_made_before_the_portal_starts_with_the_stores_own_credentials():
    services = compose()["services"]
    bucket = services["bucket"]
    assert bucket["depends_on"]["minio"]["condition"] == "service_healthy"
    script = bucket["entrypoint"][-1]
    assert "mc mb --ignore-existing" in script
    # Private: files are served only through the portal's views.
    assert "mc anonymous set none" in script
    portal = services["web"]["environment"]
    minio = services["minio"]["environment"]
    assert portal["AWS_ACCESS_KEY_ID"] == minio["MINIO_ROOT_USER"]
    assert portal["AWS_SECRET_ACCESS_KEY"] == minio["MINIO_ROOT_PASSWORD"]
    assert minio["MINIO_ROOT_PASSWORD"].startswith("${MINIO_ROOT_PASSWORD:?")
    assert bucket["environment"]["PORTAL_BUCKET"] == portal["AWS_STORAGE_BUCKET_NAME"]
    for name in ("web", "worker", "beat"):
        needs = services[name]["depends_on"]
        assert needs["bucket"]["condition"] == "service_completed_successfully", name


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
    assert {"postgres-data", "redis-data", "minio-data"} <= set(data["volumes"])
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
