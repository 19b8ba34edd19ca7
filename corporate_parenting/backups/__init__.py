"""Backups: the database with pg_dump (custom format: tables, triggers and their functions) and
the uploaded files as a tar, restored with pg_restore. `make backup`, `make restore`.

The files are read from and written back through the file storage, on disk or in the object
store alike (corporate_parenting/storage.py), one at a time and in pieces: a backup of a bucket
never holds a whole file in memory, and a backup made on disk restores into a bucket."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import time
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
# Each file is kept in the archive as media/<its name in the storage>.
MEDIA_FOLDER = "media"


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
    media_backup(archive=folder / MEDIA_FILE)
    return folder


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file in the storage, by name, folders first."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # nothing has been uploaded yet: MEDIA_ROOT is not made
        return
    for name in sorted(folders):
        yield from stored_names(storage, f"{folder}{name}/")
    for name in sorted(files):
        yield f"{folder}{name}"


def media_backup(*, archive: Path, storage: Storage | None = None) -> int:
    """Every stored file into a gzipped tar at archive; how many."""
    storage = storage or default_storage
    count = 0
    with tarfile.open(archive, "w:gz") as tar:
        for name in stored_names(storage):
            with storage.open(name, "rb") as handle:
                member = tarfile.TarInfo(f"{MEDIA_FOLDER}/{name}")
                member.size = handle.size
                member.mtime = int(time.time())
                member.mode = 0o644
                tar.addfile(member, handle)
            count += 1
    return count


def _stored_name(member: tarfile.TarInfo) -> str | None:
    """The storage name of a file in the archive, or None for anything else (folders, links,
    a name that would leave the storage)."""
    if not member.isfile():
        return None
    parts = PurePosixPath(member.name).parts
    if len(parts) < 2 or parts[0] != MEDIA_FOLDER or ".." in parts or member.name.startswith("/"):
        return None
    return "/".join(parts[1:])


def media_restore(*, archive: Path, storage: Storage | None = None) -> int:
    """Write every file of the archive back into the storage under its own name, replacing a
    file of that name; how many. Files stored since the backup are left as they are."""
    storage = storage or default_storage
    count = 0
    with tarfile.open(archive) as tar:
        for member in tar:
            name = _stored_name(member)
            source = tar.extractfile(member) if name else None
            if name is None or source is None:
                continue
            storage.delete(name)  # not an error when there is none
            saved = storage.save(name, File(source, name=name))
            if saved != name:
                raise RuntimeError(f"{name} was restored as {saved}")
            count += 1
    return count


def backup_restore(*, folder: Path, database: dict[str, object] | None = None) -> None:
    """Put a backup back: the database's tables replaced by the dump's, in one transaction, and
    the uploaded files written back into the file storage."""
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
        media_restore(archive=media_archive)
