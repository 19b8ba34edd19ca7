"""In development, with no SECRET_KEY set, each checkout makes its own key on the first run and
keeps it in a file git ignores; tests keep a fixed key; production still needs SECRET_KEY."""

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OLD_DEVELOPMENT_KEY = "dev-only-insecure-key-not-for-production-use-0123456789"
PRINT_KEY = "from django.conf import settings; print(settings.SECRET_KEY)"


def development_env(key_file: Path, **extra: str) -> dict[str, str]:
    dropped = {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DJANGO_SETTINGS_MODULE="corporate_parenting.settings",
        DJANGO_ENV="development",
        DATABASE_URL="postgres://portal:portal@127.0.0.1:5432/portal",
        SECRET_KEY_FILE=str(key_file),
    )
    env.update(extra)
    return env


def key_in(env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_KEY}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_development_makes_a_key_once_and_keeps_it(tmp_path):
    key_file = tmp_path / ".secret_key"
    first = key_in(development_env(key_file))
    assert first != OLD_DEVELOPMENT_KEY and len(first) >= 50
    assert key_file.read_text().strip() == first
    # Only its owner may read it.
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_in(development_env(key_file)) == first
    # Another checkout gets another key.
    (tmp_path / "other").mkdir()
    assert key_in(development_env(tmp_path / "other" / ".secret_key")) != first


def test_a_secret_key_in_the_environment_wins_and_no_file_is_made(tmp_path):
    key_file = tmp_path / ".secret_key"
    assert key_in(development_env(key_file, SECRET_KEY="from-the-environment")) == (
        "from-the-environment"
    )
    assert not key_file.exists()


def test_tests_keep_a_fixed_key_and_make_no_file(tmp_path):
    key_file = tmp_path / ".secret_key"
    env = development_env(
        key_file, DJANGO_ENV="test", DJANGO_SETTINGS_MODULE="corporate_parenting.settings_test"
    )
    assert key_in(env) == key_in(env)
    assert not key_file.exists()


def test_the_key_file_beside_manage_py_is_ignored_by_git():
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", ".secret_key"], cwd=ROOT, check=False, timeout=30
    )
    assert result.returncode == 0
