"""The political (municipal) year, computed in one place.

A council's year runs from its annual meeting in May (the month is a site setting) to the end of
April. Champion targets, appointments, minute numbers and the dates for the diary all use it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from corporate_parenting.models import SiteSettings


@dataclass(frozen=True, order=True)
class PoliticalYear:
    start: date  # first day
    end: date  # last day, inclusive

    @property
    def label(self) -> str:
        """'2025/26' for the year starting in 2025."""
        if self.start.month == 1:
            return str(self.start.year)
        return f"{self.start.year}/{str(self.end.year)[-2:]}"

    @property
    def start_year(self) -> int:
        return self.start.year

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> "PoliticalYear":
        return political_year_for(self.end + timedelta(days=1), self.start.month)

    def previous(self) -> "PoliticalYear":
        return political_year_for(self.start - timedelta(days=1), self.start.month)

    def __str__(self) -> str:
        return self.label


def _start_month() -> int:
    return SiteSettings.load().political_year_start_month


def political_year_for(day: date, start_month: int | None = None) -> PoliticalYear:
    """The political year that contains this day."""
    month = start_month or _start_month()
    start_year = day.year if day.month >= month else day.year - 1
    return political_year_starting(start_year, month)


def political_year_starting(start_year: int, start_month: int | None = None) -> PoliticalYear:
    month = start_month or _start_month()
    start = date(start_year, month, 1)
    next_start = date(start_year + 1, month, 1)
    return PoliticalYear(start=start, end=next_start - timedelta(days=1))


def current_political_year(start_month: int | None = None) -> PoliticalYear:
    return political_year_for(timezone.localdate(), start_month)


def years_later(day: date, years: int = 1) -> date:
    """The same day some years on; 29 February becomes 28 February in a year with no 29th."""
    return day + relativedelta(years=years)
