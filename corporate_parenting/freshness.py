"""What a cached page part may be keyed by so that it is never out of date: the database's own
view of which changes are committed."""

from __future__ import annotations

import hashlib

from django.db import connection


def committed_state() -> str | None:
    """A name for everything committed in the database as this request sees it; None when this
    request's own transaction has written, since what it wrote shows in no such name.

    PostgreSQL's snapshot (xmin:xmax:in-progress transaction ids) says exactly which
    transactions a query sees, and every commit, of any table, gives the next query a different
    one. So two requests with the same name read the same rows, and a value worked out from the
    database and kept under this name is right for every request that gets the name. Any write
    (to any table, in any database of the server) starts a new name: the cost is recomputing,
    never a stale answer."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NOT NULL"
        )
        snapshot, wrote = cursor.fetchone()
    if wrote:
        return None
    return hashlib.blake2b(snapshot.encode(), digest_size=12).hexdigest()
