"""Production settings pass Django's deployment checks, and refuse to start without secrets."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_ADDRESS = "https://corporate-parenting.example.gov.uk"


def production_env(**extra: str) -> dict[str, str]:
    # Only what a deployment would have: none of the test run's own switches.
    dropped = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DJANGO_SETTINGS_MODULE="corporate_parenting.settings",
        DJANGO_ENV="production",
        DJANGO_DEBUG="0",
        DATABASE_URL="postgres://portal:portal@127.0.0.1:5432/portal",
        SECRET_KEY="x7#kq2!vN9pL$wR4tY8zB1mC6fH3jD5sG0aE-uI_oP+lK&nM@bV%cX^zQ*wE(rT)y",
        ALLOWED_HOSTS="portal.example.gov.uk",
        PORTAL_BASE_URL=PUBLIC_ADDRESS,
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "address",
    [None, "", "http://corporate-parenting.example.gov.uk", "https://127.0.0.1:8000", "portal"],
)
def test_production_refuses_to_start_without_its_https_address(address):
    """Every e-mail's links start with PORTAL_BASE_URL: without the live https:// address they
    would send people to 127.0.0.1. Neither manage.py nor the WSGI application gunicorn loads
    will start."""
    env = production_env()
    if address is None:
        del env["PORTAL_BASE_URL"]
    else:
        env["PORTAL_BASE_URL"] = address
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "PORTAL_BASE_URL" in result.stderr
    served = subprocess.run(
        [sys.executable, "-c", "from corporate_parenting.wsgi import application"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert served.returncode != 0
    assert "PORTAL_BASE_URL" in served.stderr


def test_check_deploy_reports_an_address_that_is_not_the_live_portals(settings):
    """`manage.py check --deploy` names the problem whatever DJANGO_ENV says."""
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8000"
    with pytest.raises(SystemCheckError, match=r"portal\.E001.*PORTAL_BASE_URL"):
        call_command("check", "--deploy", "--tag", "security")
    settings.PORTAL_BASE_URL = PUBLIC_ADDRESS
    call_command("check", "--deploy", "--tag", "security")


STAND_IN_MANAGE = """
import os, sys
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corporate_parenting.settings")
import django
django.setup()
from corporate_parenting.reminders.links import absolute
print(sys.argv[1], "links to", absolute("/panels/"))
print(sys.argv[1], "keeps compiled Python:", not sys.dont_write_bytecode)
if sys.argv[1] == "runserver":
    print("serving on", sys.argv[2])
"""


def make_run(tmp_path: Path, **extra: str) -> str:
    """`make run PORT=8123` with manage.py swapped for a stand-in that, at each step, prints the
    link an e-mail would carry (the portal's own link maker), instead of migrating, loading the
    demo and serving; nothing is installed or built."""
    stand_in = tmp_path / "manage.py"
    stand_in.write_text(textwrap.dedent(STAND_IN_MANAGE.format(root=str(ROOT))))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PORTAL_BASE_URL", "CELERY_BROKER_URL", "MAKEFLAGS", "MAKELEVEL", "MFLAGS"}
    }
    env.update(DJANGO_ENV="development", SECRET_KEY="make-run-test-key", **extra)
    skipped = [
        "-o",
        ".venv/.installed",
        "-o",
        "node_modules/.installed",
        "-o",
        "static/build/.built",
    ]
    result = subprocess.run(
        ["make", "--no-print-directory", *skipped, "run", "PORT=8123"]
        + [f"MANAGE={sys.executable} {stand_in}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_make_run_on_another_port_sends_e_mails_linking_to_that_port(tmp_path):
    output = make_run(tmp_path)
    # load_demo sends the demo's e-mails; runserver serves where they point.
    assert "load_demo links to http://127.0.0.1:8123/panels/" in output
    assert "runserver links to http://127.0.0.1:8123/panels/" in output
    assert "serving on 127.0.0.1:8123" in output


def test_make_run_keeps_an_address_it_is_given(tmp_path):
    output = make_run(tmp_path, PORTAL_BASE_URL="https://demo.example.org")
    assert "runserver links to https://demo.example.org/panels/" in output


def test_make_run_keeps_compiled_python_between_its_steps(tmp_path):
    """migrate, load_demo and the server each start Python: each would compile the portal and
    its libraries again (seconds each) if PYTHONDONTWRITEBYTECODE, set in many containers and CI
    images, reached them."""
    output = make_run(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    for step in ("migrate", "load_demo", "runserver"):
        assert f"{step} keeps compiled Python: True" in output
