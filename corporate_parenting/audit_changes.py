"""Every change to a governance record, as the audit trail lists them: filtered, counted, sorted
and cut into pages on the event tables themselves, with the before and after worked out only for
the rows shown.

pghistory's `Events` works out every event's before and after (`pgh_diff`, from the event before
it) before it can sort or count, so one page of 25 cost the whole history: seconds, growing with
it. Here the list is first made from a light union of the event tables (no before and after,
no context) that reads as `Events` does, so a filter on `Events` fields works on it unchanged.
Each event table has an index on (pgh_created_at, pgh_id) (history migrations 0006, 0007), so the
newest page is a merge of one short index scan per table. `Events` then gives the full rows of
the page alone, found by event model and id: its diff stays the one rule for before and after.
"""

from collections import defaultdict
from collections.abc import Iterator
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from django.db.models.sql.compiler import SQLCompiler
from django_tables2.data import TableQuerysetData
from pghistory.models import Events

from corporate_parenting.history.models import EVENT_MODELS

# An event is named by its event model's label and its id there ("history.BodyEvent", 12).
EventKey = tuple[str, int]

CSV_CHUNK = 500  # events fetched with their before and after at a time, for the spreadsheet


def _branches(connection: BaseDatabaseWrapper) -> list[str]:
    """Each event table as the `Events` columns the list filters and sorts on, nothing worked
    out: a plain column (no cast) for pgh_created_at and pgh_id, so their index can serve."""
    quote = connection.ops.quote_name
    # Labels and table names from the models, never from a request.
    return [
        f"SELECT '{event_model._meta.label}' AS pgh_model, pgh_id, pgh_created_at, pgh_label,"  # noqa: S608
        f" '{tracked._meta.label}' AS pgh_obj_model, pgh_obj_id::TEXT AS pgh_obj_id,"
        f" pgh_obj_id AS pgh_obj_number, pgh_context_id FROM {quote(event_model._meta.db_table)}"
        for tracked, event_model in EVENT_MODELS.items()
    ]


def _light_union(connection: BaseDatabaseWrapper) -> str:
    return "\nUNION ALL\n".join(_branches(connection))


class _LightEventsCompiler(SQLCompiler):
    def as_sql(self, *args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...]]:
        sql, params = super().as_sql(*args, **kwargs)
        union = _light_union(self.connection)
        return f"WITH {Events._meta.db_table} AS (\n{union}\n)\n{sql}", params


class _LightEventsQuery(Query):
    def get_compiler(
        self,
        using: str | None = None,
        connection: BaseDatabaseWrapper | None = None,
        elide_empty: bool = True,
    ) -> SQLCompiler:
        # The same query, compiled after our CTE: Query.get_compiler, with our compiler made
        # directly rather than swapped in afterwards (as pghistory's EventsQuery does).
        if using is None and connection is None:
            raise ValueError("Need either using or connection")
        if using:
            connection = connections[using]
        assert connection is not None  # one of the two was given
        return _LightEventsCompiler(self, connection, using, elide_empty)


def change_list() -> QuerySet[Events]:
    """Every governance change, to filter, sort, count and slice as `Events` (pgh_model, pgh_id,
    pgh_created_at, pgh_label, pgh_obj_model, pgh_obj_id, pgh_context_id; `for_record` for a
    record number); read its rows with `events_in_order`, since it has no before and after (nor
    data, nor context) of its own."""
    return QuerySet(model=Events, query=_LightEventsQuery(Events))


def for_record(changes: QuerySet[Events], number: str) -> QuerySet[Events]:
    """The changes to the record numbered `number`: those `pgh_obj_id = number` picks (the
    number as text), found through the event tables' own column and its index."""
    try:
        key = int(number)
    except ValueError:
        return changes.none()
    if str(key) != number or not -(2**63) <= key < 2**63:  # "07", "+7", " 7"; past a bigint
        return changes.none()
    column = f"{Events._meta.db_table}.pgh_obj_number"
    same = RawSQL(f"{column} = %s", (key,), BooleanField())  # noqa: S611 (our column; key a parameter)
    return changes.filter(same)


def events_in_order(changes: QuerySet[Events]) -> list[Events]:
    """The full `Events` rows (before and after, data, context) of a filtered, sorted, sliced
    `change_list()`, in its order: two queries, whatever the size of the history."""
    keys: list[EventKey] = list(changes.values_list("pgh_model", "pgh_id"))
    return _events(keys)


def _events(keys: list[EventKey]) -> list[Events]:
    if not keys:
        return []
    ids: dict[str, list[int]] = defaultdict(list)
    for model, pk in keys:
        ids[model].append(pk)
    which = reduce(or_, (Q(pgh_model=model, pgh_id__in=pks) for model, pks in ids.items()))
    # Only the event tables on the page, so the database plans a handful of them, not them all.
    found = {
        (event.pgh_model, event.pgh_id): event
        for event in Events.objects.across(*ids).filter(which)
    }
    return [found[key] for key in keys if key in found]


def change_count(changes: QuerySet[Events], *, up_to: int | None = None) -> int:
    """How many changes a filtered `change_list()` holds: each event table counted on its own
    and the counts added, which PostgreSQL does quicker than counting the union's rows. With
    up_to, each table stops counting there, so the answer is exact up to `up_to` and at least
    `up_to` past it (a list's pages need no more: RowsPaginator)."""
    query = changes.query
    if query.is_sliced or len(query.alias_map) > 1:  # not a plain filter of the list
        return changes.count()
    compiler = query.get_compiler(using=changes.db)
    try:
        where, params = compiler.compile(query.where)
    except EmptyResultSet:
        return 0
    except FullResultSet:
        where, params = "", []
    table = Events._meta.db_table
    condition = f" WHERE {where}" if where else ""
    branches = _branches(compiler.connection)
    limit = "" if up_to is None else f" LIMIT {int(up_to)}"
    counts = "\nUNION ALL\n".join(
        f"SELECT COUNT(*) AS n FROM (SELECT 1 FROM ({branch}) AS {table}{condition}{limit}) AS b"  # noqa: S608 (as above)
        for branch in branches
    )
    sql = f"SELECT SUM(n) FROM ({counts}) AS counts"  # noqa: S608 (as above)
    with compiler.connection.cursor() as cursor:
        cursor.execute(sql, tuple(params) * len(branches))
        return int(cursor.fetchone()[0])


class ChangeRows(TableQuerysetData):
    """A `change_list()` as a table's data: django-tables2 sorts and counts it as a queryset, and
    every page (or the whole list, for the spreadsheet) comes back as full `Events` rows."""

    def __len__(self) -> int:
        if getattr(self, "_length", None) is None:
            self._length = change_count(self.data)
        return self._length

    def count_up_to(self, limit: int) -> int:
        """The count, exact up to `limit` (RowsPaginator asks this rather than len)."""
        return change_count(self.data, up_to=limit)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            return events_in_order(self.data[key])
        return events_in_order(self.data[key : key + 1])[0]

    def __iter__(self) -> Iterator[Events]:
        keys: list[EventKey] = list(self.data.values_list("pgh_model", "pgh_id"))
        for start in range(0, len(keys), CSV_CHUNK):
            yield from _events(keys[start : start + CSV_CHUNK])
