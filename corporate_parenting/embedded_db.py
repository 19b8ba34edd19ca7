"""An embedded PostgreSQL for development and tests, so a newcomer needs no database installed.

Used only when DATABASE_URL is not set. The server keeps running between commands
(cleanup_mode=None) so `make run` and `make test` share it and start instantly the second time.
"""

import logging
import warnings
from pathlib import Path


def embedded_database_settings(data_dir: Path) -> dict[str, object]:
    # pgserver reports every start and exit at INFO; the portal's logs need only its warnings.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (as in CI); /tmp serves as well.
        warnings.simplefilter("ignore")
        import pgserver  # dev/test dependency only

        server = pgserver.get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir) if info.socket_dir else "127.0.0.1",
        "PORT": str(info.port or ""),
    }
