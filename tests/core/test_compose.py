"""docker-compose.yml is for deployment; there is no engine here, so it is checked by parsing."""

import os
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
