"""Backups: the database with pg_dump (custom format: tables, triggers and their functions) and
the uploaded files as a tar, restored with pg_restore. `make backup`, `make restore`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import warnings
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def connection_env(database: dict[str, object] | None = None) -> dict[str, str]:
    """libpq's environment for this database (so no password appears on a command line)."""
    db = database or settings.DATABASES["default"]
    env = dict(os.environ)
    for key, name in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(name):
            env[key] = str(db[name])
    return env


def _major(binary: str) -> int:
    out = subprocess.run(  # noqa: S603 (a pg binary found by tool(), no shell)
        [binary, "--version"], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"\(PostgreSQL\) (\d+)", out).group(1))  # type: ignore[union-attr]  # pg binaries always print their version


def _server_major(env: dict[str, str]) -> int:
    if env.get("PGDATABASE") == str(settings.DATABASES["default"]["NAME"]):
        return int(getattr(connection, "pg_version", 0)) // 10000  # PostgreSQL backends only
    return 0


def tool(name: str, env: dict[str, str]) -> str:
    """pg_dump or pg_restore at least as new as the server: PG_BIN_DIR, the PATH, or the one
    that comes with pgserver (the embedded development database)."""
    candidates = []
    if os.environ.get("PG_BIN_DIR"):
        candidates.append(str(Path(os.environ["PG_BIN_DIR"]) / name))
    if found := shutil.which(name):
        candidates.append(found)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs, when XDG_RUNTIME_DIR is unset
            import pgserver

        candidates.append(str(Path(pgserver.__file__).parent / "pginstall" / "bin" / name))
    except ImportError:
        pass
    server = _server_major(env)
    for candidate in candidates:
        if Path(candidate).exists() and _major(candidate) >= server:
            return candidate
    raise RuntimeError(f"no {name} at least version {server}: set PG_BIN_DIR")


def backup_make(*, into: Path, database: dict[str, object] | None = None) -> Path:
    """A new folder under `into` with the database dump and the uploaded files."""
    folder = into / datetime.now().strftime("portal-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    env = connection_env(database)
    subprocess.run(  # noqa: S603 (argument list, no shell)
        [tool("pg_dump", env), "--format=custom", "--no-owner", f"--file={folder / DATABASE_FILE}"],
        env=env,
        check=True,
    )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    return folder


def backup_restore(*, folder: Path, database: dict[str, object] | None = None) -> None:
    """Put a backup back: the database's tables replaced by the dump's, in one transaction, and
    the uploaded files written back under MEDIA_ROOT."""
    env = connection_env(database)
    subprocess.run(  # noqa: S603 (argument list, no shell)
        [
            tool("pg_restore", env),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={env.get('PGDATABASE', '')}",
            str(folder / DATABASE_FILE),
        ],
        env=env,
        check=True,
    )
    media_archive = folder / MEDIA_FILE
    if media_archive.exists():
        target = Path(settings.MEDIA_ROOT)
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(media_archive) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith("media")]
            for member in members:
                member.name = member.name.removeprefix("media").lstrip("/") or "."
            archive.extractall(target, members=members, filter="data")
