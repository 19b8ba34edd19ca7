"""Lists: django-tables2 with django-filter, pagination and a safe CSV export, the same everywhere.

A list view is one call:

    return table_page(request, table_class=EngagementTable, filterset=EngagementFilter(...),
                      template="champions/engagement_list.html", csv_filename="engagements.csv")

The page gets `table`, `filter` and `csv_url`; `?export=csv` gives every filtered row as CSV.
"""

import copy
import csv
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

import django_tables2 as tables
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django_tables2.data import TableQuerysetData

from corporate_parenting.tables.filters import PortalFilterSet, Select
from corporate_parenting.tables.rows import (
    PortalDateColumn,
    PortalDateTimeColumn,
    PortalTable,
    cell_arguments,
    row_link,
)

__all__ = [
    "PortalDateColumn",
    "PortalDateTimeColumn",
    "PortalFilterSet",
    "PortalTable",
    "RowsPaginator",
    "Select",
    "cell_arguments",
    "csv_response",
    "neutralise_cell",
    "row_link",
    "table_page",
]

PER_PAGE = 25
MAX_PER_PAGE = 200
SORT_COLUMN = re.compile(r"-?[A-Za-z_][A-Za-z0-9_]{0,60}(,-?[A-Za-z_][A-Za-z0-9_]{0,60}){0,5}")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# A list counts its rows up to this many: past it the pages stop and the page says "more than".
ROWS_COUNTED = 1000


class RowsPaginator(Paginator):
    """Django's paginator, counting a list's rows only up to ROWS_COUNTED.

    Nobody pages through forty pages of a list: past that they filter it, or download it as a
    spreadsheet (every row). The exact count of a large table is its most costly query (an
    administrator's engagements at ten times the demo: 45,000 rows counted on every page), and
    counting to ROWS_COUNTED + 1 reads at most that many keys. `more` says the list goes on.
    """

    more = False

    @cached_property
    def count(self) -> int:
        # django-tables2 pages its BoundRows; their data holds the queryset. Data of its own kind
        # (the audit trail's) counts itself with count_up_to, or is counted as Django would.
        data = getattr(self.object_list, "data", None)
        count_up_to = getattr(data, "count_up_to", None)
        if (
            count_up_to is None
            and isinstance(data, TableQuerysetData)
            and type(data) is TableQuerysetData
        ):
            queryset = data.data
            count_up_to = lambda limit: queryset.order_by()[:limit].count()  # noqa: E731
        if count_up_to is None:
            return super().count
        counted = count_up_to(ROWS_COUNTED + 1)
        self.more = counted > ROWS_COUNTED
        return min(counted, ROWS_COUNTED)


def neutralise_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_response(rows: Iterable[Iterable[Any]], *, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return response


def _bounded_paging(request: HttpRequest) -> HttpRequest:
    """The request as django-tables2 should see it: a page size from the address is used only
    when it is a whole number from 1 to MAX_PER_PAGE (a negative or zero one made a 500), and a
    page number only when it is a plain whole number (a wrong one shows the last page)."""
    query = request.GET.copy()
    size = query.get("per_page", "")
    if size and not (
        size.isascii() and size.isdigit() and len(size) <= 4 and 1 <= int(size) <= MAX_PER_PAGE
    ):
        query.pop("per_page")
    page = query.get("page", "")
    if page and not (page.isascii() and page.isdigit() and len(page) <= 9):
        query.pop("page")
    # A column to sort by is a column's name ("-date", "title"), never a dotted path.
    sorts = [value for value in query.getlist("sort") if SORT_COLUMN.fullmatch(value)]
    query.pop("sort", None)
    if sorts:
        query.setlist("sort", sorts)
    bounded = copy.copy(request)
    # The stubs type request.GET as immutable; this is a bounded copy of it, never changed again.
    bounded.GET = query  # type: ignore[assignment]
    return bounded


def table_page(
    request: HttpRequest,
    *,
    table_class: type[tables.Table],
    queryset: QuerySet | None = None,
    filterset: PortalFilterSet | None = None,
    template: str,
    csv_filename: str,
    context: dict[str, object] | None = None,
    per_page: int = PER_PAGE,
) -> HttpResponse:
    rows = filterset.qs if filterset is not None else queryset
    if rows is None:
        raise ValueError("table_page needs a queryset or a filterset")
    table = table_class(rows)
    if request.GET.get("export") == "csv":
        tables.RequestConfig(_bounded_paging(request), paginate=False).configure(table)
        return csv_response(table.as_values(), filename=csv_filename)
    tables.RequestConfig(
        _bounded_paging(request), paginate={"per_page": per_page, "paginator_class": RowsPaginator}
    ).configure(table)
    table.before_render(request)  # as render_table would; includes/table.html includes the table
    query = request.GET.copy()
    query.pop("page", None)
    query["export"] = "csv"
    return render(
        request,
        template,
        {
            "table": table,
            "filter": filterset,
            "csv_url": f"?{query.urlencode()}",
            **(context or {}),
        },
    )
