"""PortalTable: django-tables2's rows with the per-cell work done once per table.

django-tables2 renders a cell by asking inspect.signature which arguments the render method
takes, resolving the accessor afresh, and (in the template) working out the column's td class,
all once per cell. PortalTable does the column's part once per table and the function's part
once per process, then writes each row in Python; django_tables2/govuk.html only emits the rows.

Kept because it is more than twice as fast as plain django-tables2 on the same lists:
`python -m tests.bench.tables` (bench/tables-results.json, 2026-12-07, factor 10, 2 CPUs shared
with other work) times eleven list pages with our rows, with django-tables2's own (govuk.html's
fallback loop) and with none. Writing a page of 25 rows cost 208 ms in all with ours against
764 ms with django-tables2's (3.7 times as fast; 2.3 to 7 times on each list whose rows cost
more than the noise), and the pages took 925 ms against 1,488 ms. If a later django-tables2
closes that gap, set `portal_rows = None` on PortalTable and delete this module.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # the template engine's own; django-stubs leave it out
from django_tables2.columns.base import BoundColumn, LinkTransform
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.columns.manytomanycolumn import ManyToManyColumn
from django_tables2.rows import BoundRow
from django_tables2.utils import Accessor, AttributeDict, signature

from corporate_parenting.widgets import cell_html

# A key no row has, reversed in its place and then swapped for each row's (PortalTable.row_url).
ROW_KEY_MARK = 9_182_736_450

CELL_ARGUMENTS = frozenset(("value", "record", "column", "bound_column", "bound_row", "table"))

# What a cell function takes, keyed by the function itself (a method's __func__). Only ever added
# to, always with the same answer for the same key, so threads that race here agree.
_ARGUMENTS: dict[tuple[object, bool], tuple[tuple[str, ...], bool]] = {}


def cell_arguments(fn: Callable[..., object]) -> tuple[tuple[str, ...], bool]:
    """The argument names fn takes, and whether it takes **kwargs (so every cell argument),
    as django_tables2.utils.signature says; asked once per function, not once per cell."""
    key = (getattr(fn, "__func__", fn), hasattr(fn, "__self__"))
    try:
        return _ARGUMENTS[key]
    except (KeyError, TypeError):  # TypeError: an unhashable callable object, asked every time
        pass
    names, catch_all = signature(fn)
    found = (tuple(names), catch_all is not None)
    try:
        return _ARGUMENTS.setdefault(key, found)
    except TypeError:
        return found


def _resolve(accessor: Accessor, bits: tuple[str, ...], context: object) -> object:
    """accessor.resolve(context): a chain of attributes on model instances directly, anything
    that can be indexed (a dict, a list) by django-tables2's own lookup."""
    current = context
    for bit in bits:
        if hasattr(type(current), "__getitem__"):
            return accessor.resolve(context)
        current = getattr(current, bit)
        if callable(current):
            if getattr(current, "alters_data", False):
                raise ValueError(accessor.ALTERS_DATA_ERROR_FMT.format(method=current.__name__))
            if not getattr(current, "do_not_call_in_templates", False):
                current = current(*accessor.callable_args, **accessor.callable_kwargs)
        if current is None:
            break
    return current


class _Link:
    """A column's linkify (django-tables2's LinkTransform) with its part done once: the link's
    fixed attributes written out, the URL function's arguments known."""

    def __init__(self, link: LinkTransform) -> None:
        self.link = link
        self.url = link.url if callable(link.url) else None
        self.names, self.takes_all = cell_arguments(self.url) if self.url else ((), False)
        attrs = link.attrs or {}
        self.fixed = not any(callable(value) or isinstance(value, dict) for value in attrs.values())
        keys = [*attrs, *(() if "href" in attrs else ("href",))]
        pairs = [
            (key, attrs.get(key))
            for key in keys
            if key not in AttributeDict.blacklist and (key == "href" or attrs[key] is not None)
        ]
        at = [key for key, _ in pairs].index("href")
        self.before = format_html_join("", '{}="{}" ', pairs[:at])
        self.after = format_html_join("", ' {}="{}"', pairs[at + 1 :])

    def __call__(self, content: object, available: dict[str, Any]) -> object:
        if not self.fixed:
            return self.link(content, **available)
        if self.url is None:
            href = self.link.compose_url(**available)
        elif self.takes_all:
            href = self.url(**available)
        elif all(name in available for name in self.names):
            href = self.url(**{name: available[name] for name in self.names})
        else:
            href = None
        if href is None:
            return content
        return format_html('<a {}href="{}"{}>{}</a>', self.before, href, self.after, content)


class _Cells:
    """How one column's cells are worked out (BoundRow.get_cell and get_cell_value), with the
    column's part done once: the accessor split, the function's arguments, the default."""

    def __init__(
        self, table: tables.Table, bound_column: BoundColumn, fn: Callable, *, html: bool
    ) -> None:
        column = bound_column.column
        if not html and fn == column.value and type(column).value is tables.Column.value:
            fn = column.render  # Column.value only asks render, with the same arguments
        self.table = table
        self.bound_column = bound_column
        self.column = column
        self.fn = fn
        self.names, self.takes_all = cell_arguments(fn)
        self.callable = self.takes_all or CELL_ARGUMENTS.issuperset(self.names)
        self.link = _Link(bound_column.link) if html and bound_column.link else None
        self.needs_row = self.link is not None or self.takes_all or "bound_row" in self.names
        self.default = bound_column.default if html else None
        self.empty_values = column.empty_values
        self.many_to_many = isinstance(column, ManyToManyColumn)
        self.link_text = isinstance(column, BaseLinkColumn) and column.text is not None
        self.accessor = accessor = Accessor(bound_column.accessor)
        separator = accessor.SEPARATOR
        self.bits = tuple(accessor.bits)
        path, _, self.remainder = accessor.rpartition(separator)
        self.path = Accessor(path)
        self.path_bits = tuple(path.split(separator)) if path else ()
        self.display = f"get_{self.remainder}_display"
        self.choices: dict[type, bool] = {}  # record type -> the field has choices

    def _has_choices(self, record: object) -> bool:
        kind = type(record)
        if kind not in self.choices:
            try:
                field = self.accessor.get_field(record)
            except FieldDoesNotExist:
                field = None
            self.choices[kind] = bool(getattr(field, "choices", ()))
        return self.choices[kind]

    def value(self, record: object, bound_row: BoundRow) -> object:
        """What the cell shows (or exports): BoundRow._get_and_render_with, step for step."""
        value: Any = None
        remainder = self.remainder
        try:
            penultimate = _resolve(self.path, self.path_bits, record)
        except Exception:
            penultimate = None
        if isinstance(penultimate, models.Model) and self._has_choices(record):
            display = getattr(penultimate, self.display, None)
            if display:
                value = display()
                remainder = ""
        if remainder:
            try:
                value = _resolve(self.accessor, self.bits, record)
            except Exception:
                if self.link_text:
                    return self.call(record, None, bound_row)
        if value in self.empty_values or (self.many_to_many and not value.exists()):
            return self.default
        return self.call(record, value, bound_row)

    def call(self, record: object, value: object, bound_row: BoundRow) -> object:
        if not self.callable:
            return None  # call_with_appropriate's answer for an argument no cell has
        available = {
            "value": value,
            "record": record,
            "column": self.column,
            "bound_column": self.bound_column,
            "table": self.table,
        }
        if self.needs_row:
            available["bound_row"] = bound_row
        content = (
            self.fn(**available)
            if self.takes_all
            else self.fn(**{name: available[name] for name in self.names})
        )
        if self.link is not None:
            return self.link(content, available)
        return content


def _td_class(bound_column: BoundColumn) -> str:
    """The column's td class, the same for every row unless an attribute is computed per cell."""
    return bound_column.attrs["td"]["class"] or ""


def _computed_per_cell(table: tables.Table, bound_column: BoundColumn) -> bool:
    attrs = {**table.attrs, **bound_column.column.attrs}
    cell = attrs.get("td", attrs.get("cell", {}))
    return any(callable(value) for value in cell.values())


class PortalTable(tables.Table):
    """A GOV.UK table whose rows are written once per table, not cell by cell in the template.

    Everything django-tables2 gives a column keeps its meaning: accessors, choices shown by
    their label, render_FOO and value_FOO, defaults for empty values, linkify, ordering,
    pagination and the CSV (as_values). django_tables2/govuk.html emits `portal_rows`."""

    @cached_property
    def _row_addresses(self) -> dict[str, tuple[str, str]]:
        return {}

    def row_url(self, viewname: str, pk: int) -> str:
        """reverse(viewname, kwargs={"pk": pk}) for a row's own page, reversed once per table:
        one row's address differs from the next only by its key."""
        try:
            head, tail = self._row_addresses[viewname]
        except KeyError:
            mark = str(ROW_KEY_MARK)
            head, found, tail = reverse(viewname, kwargs={"pk": ROW_KEY_MARK}).partition(mark)
            if not found or mark in tail:
                raise ImproperlyConfigured(f"{viewname} does not take its key once") from None
            self._row_addresses[viewname] = head, tail
        return f"{head}{int(pk)}{tail}"

    def _cells(self, *, html: bool) -> list[_Cells]:
        columns = self.columns.itervisible() if html else self.columns.iterall()
        return [
            _Cells(self, column, column.render if html else column.value, html=html)
            for column in columns
        ]

    @cached_property
    def portal_rows(self) -> list[SafeString]:
        """Each row of this page as `<tr>` markup: the first cell a row header, every cell
        classed as its column says, its value as `{{ cell }}` would write it."""
        columns = list(self.columns.itervisible())
        cells = self._cells(html=True)
        openings = []
        per_cell = []
        for index, column in enumerate(columns):
            per_cell.append(_computed_per_cell(self, column))
            tag = (
                '<th scope="row" class="govuk-table__header'
                if index == 0
                else ('<td class="govuk-table__cell')
            )
            openings.append((tag, "</th>" if index == 0 else "</td>"))
        static = [
            "" if dynamic else _cell_class(_td_class(column))
            for column, dynamic in zip(columns, per_cell, strict=True)
        ]
        rows = []
        for bound_row in self.paginated_rows:
            record = bound_row.record
            parts = ['<tr class="govuk-table__row">']
            for column, cell, (opening, closing), dynamic, css in zip(
                columns, cells, openings, per_cell, static, strict=True
            ):
                content = cell.value(record, bound_row)
                if dynamic:
                    column.current_value, column.current_record = content, record
                    css = _cell_class(_td_class(column))
                parts += (opening, css, '">', cell_html(content), closing)
            parts.append("</tr>")
            rows.append(mark_safe("".join(parts)))  # noqa: S308  # every cell passed cell_html
        return rows

    def as_values(self, exclude_columns: Iterable[str] | None = None) -> Iterator[list[object]]:
        """The CSV: a header row, then each row's value_FOO (or render_FOO) for every column,
        hidden ones included, as django-tables2's as_values gives them."""
        excluded = set(exclude_columns or ())
        cells = [
            cell
            for cell in self._cells(html=False)
            if not (cell.column.exclude_from_export or cell.bound_column.name in excluded)
        ]
        yield [force_str(cell.bound_column.header, strings_only=True) for cell in cells]
        for bound_row in self.rows:
            record = bound_row.record
            yield [force_str(cell.value(record, bound_row), strings_only=True) for cell in cells]


def row_link(viewname: str) -> Callable[[PortalTable, models.Model], str]:
    """A column's linkify to the row's own page (viewname with the row's pk), reversed once per
    table: `tables.Column(linkify=row_link("panels:meeting_detail"))`."""

    def url(table: PortalTable, record: models.Model) -> str:
        return table.row_url(viewname, record.pk)

    return url


def _cell_class(css: str) -> str:
    return f" {conditional_escape(css)}" if css else ""


class PortalDateColumn(tables.Column):
    """django-tables2's DateColumn, `{{ value|date:format|default:default }}`, written in Python
    rather than a template compiled for every cell; the CSV has the ISO date, as there."""

    empty_values = ()
    formats = ("SHORT_DATE_FORMAT", "DATE_FORMAT")

    def __init__(self, format: str | None = None, short: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.format = format or self.formats[0 if short else 1]

    def render(self, value: object, bound_column: BoundColumn) -> str:
        return date_filter(template_localtime(value), self.format) or bound_column.default

    def value(self, value: object, bound_column: BoundColumn) -> object:
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(self.render(value, bound_column))


class PortalDateTimeColumn(PortalDateColumn):
    """django-tables2's DateTimeColumn the same way; the CSV has the ISO date and time."""

    formats = ("SHORT_DATETIME_FORMAT", "DATETIME_FORMAT")

    def value(self, value: object, bound_column: BoundColumn) -> object:
        if isinstance(value, datetime.datetime):
            return value.isoformat(sep=" ")
        return str(self.render(value, bound_column))
