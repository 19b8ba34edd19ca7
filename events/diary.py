"""Dates for the diary: a political year's scheduled events, month by month.

A year holds hundreds of events, so the rows are read as plain values (no model instances),
linked with one reverse() for them all, and the page's table rows are printed as one
escaped string rather than as template nodes per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import groupby

from django.utils.safestring import SafeString, mark_safe

from corporate_parenting.years import PoliticalYear
from events.links import path_for_each
from events.models import Event, dates_label


@dataclass(frozen=True)
class DiaryRow:
    title: str
    url: str
    dates: str


@dataclass(frozen=True)
class DiaryMonth:
    first_day: date
    rows: list[DiaryRow]

    def html(self) -> SafeString:
        """The month's table rows, its name heading the first and spanning them all. Every
        value is escaped here (html.escape, as Django's escape does): format_html per row
        costs ten times as much, and a year has hundreds of rows."""
        heading = (
            f'<th scope="rowgroup" rowspan="{len(self.rows)}" class="govuk-table__header">'
            f"{self.first_day:%B}</th>"
        )
        return mark_safe(  # noqa: S308 - every value in it is escaped above and below
            "\n".join(
                f'<tr class="govuk-table__row">{heading if n == 0 else ""}'
                f'<td class="govuk-table__cell"><a class="govuk-link" href="{escape(row.url)}">'
                f'{escape(row.title)}</a></td><td class="govuk-table__cell">{escape(row.dates)}'
                "</td></tr>"
                for n, row in enumerate(self.rows)
            )
        )


def diary_months(year: PoliticalYear) -> list[DiaryMonth]:
    """The year's scheduled events in diary order, grouped by the month they start in."""
    rows = (
        Event.objects.scheduled()
        .filter(start_date__gte=year.start, start_date__lte=year.end)
        .in_order()
        .values_list("pk", "title", "start_date", "end_date")
    )
    detail = path_for_each("events:detail")
    return [
        DiaryMonth(
            first_day=first_day,
            rows=[
                DiaryRow(title=title, url=detail(pk), dates=dates_label(start, end))
                for pk, title, start, end in month_rows
            ],
        )
        for first_day, month_rows in groupby(rows, key=lambda row: row[2].replace(day=1))
    ]
