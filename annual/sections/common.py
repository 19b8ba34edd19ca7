"""What the section builders share: links to the pages a figure came from, and the words for
counts the public reads."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from annual.snapshot import Cell, Figure
from corporate_parenting.small_numbers import public_count
from corporate_parenting.years import PoliticalYear

# The young person's second sentence for a part of the year the portal holds nothing of.
NOTHING_YET = "When there is news about this, you will find it here."


def link(name: str, **kwargs: Any) -> str:
    """The address of a page by its URL name (the page a figure came from)."""
    return reverse(name, kwargs=kwargs or None)


def count_figure(key: str, label: str, count: int, url: str = "") -> Figure:
    """A count of adults' work or of records (meetings, engagements, pledges): shown as it is."""
    return Figure(key=key, label=label, value=f"{count:,}", number=float(count), url=url)


def young_people_figure(key: str, label: str, count: int, url: str = "") -> Figure:
    """A count about children and young people: as the public reads it (`public_count`), the
    number withheld when it is small."""
    shown = public_count(count)
    return Figure(
        key=key,
        label=label,
        value=shown,
        number=None if shown != f"{count:,}" else float(count),
        url=url,
    )


def young_people_count(count: int) -> str:
    return public_count(count)


def cell(text: object, url: str = "") -> Cell:
    return Cell(text=str(text), url=url)


def in_period(period: PoliticalYear, field: str) -> dict[str, Any]:
    """A filter for a date field within the year."""
    return {f"{field}__gte": period.start, f"{field}__lte": period.end}


def in_period_datetime(period: PoliticalYear, field: str) -> dict[str, Any]:
    """A filter for a date-time field within the year (by the local day)."""
    return {f"{field}__date__gte": period.start, f"{field}__date__lte": period.end}


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def plural(count: int, one: str, many: str | None = None) -> str:
    return one if count == 1 else (many or f"{one}s")
