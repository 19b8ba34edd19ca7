"""Where an annual event falls next year, computed in one place.

Some events keep their dates (World Refugee Day is 20 June); others move with the calendar
(Care Leavers Week is the last full week of October). Dates that move are shown to the admin
to confirm before the event is rolled forward.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from corporate_parenting.years import PoliticalYear, years_later
from events.models import AnnualRule, Event


@dataclass(frozen=True)
class Proposal:
    event: Event
    start_date: date
    end_date: date

    @cached_property  # asked several times per event when the roll-forward form is built
    def moves(self) -> bool:
        """True when the proposed dates are not simply the same day and month next year."""
        return (self.start_date, self.end_date) != (
            same_day_next_year(self.event.start_date),
            same_day_next_year(self.event.end_date),
        )


def same_day_next_year(day: date) -> date:
    return years_later(day, 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth (1-4) weekday of the month, or the last one when n is 5 or more."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    last_day = calendar.monthrange(year, month)[1]
    for _ in range(n - 1):
        if day.day + 7 > last_day:
            break
        day += timedelta(days=7)
    return day


def first_full_week(year: int, month: int) -> date:
    """The Monday of the first Monday-to-Sunday week wholly inside the month."""
    return nth_weekday(year, month, 0, 1)


def last_full_week(year: int, month: int) -> date:
    """The Monday of the last Monday-to-Sunday week wholly inside the month."""
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    last_sunday = last_day - timedelta(days=(last_day.weekday() - 6) % 7)
    return last_sunday - timedelta(days=6)


def next_year_dates(event: Event) -> tuple[date, date]:
    start, end = event.start_date, event.end_date
    length = end - start
    year, month = start.year + 1, start.month
    match event.annual_rule:
        case AnnualRule.SAME_WEEKDAY:
            n = (start.day - 1) // 7 + 1
            new_start = nth_weekday(year, month, start.weekday(), n)
        case AnnualRule.FIRST_FULL_WEEK:
            new_start = first_full_week(year, month)
        case AnnualRule.LAST_FULL_WEEK:
            new_start = last_full_week(year, month)
        case _:
            return same_day_next_year(start), same_day_next_year(end)
    return new_start, new_start + length


def propose(event: Event) -> Proposal:
    start, end = next_year_dates(event)
    return Proposal(event=event, start_date=start, end_date=end)


def proposals_for(year: PoliticalYear) -> list[Proposal]:
    """Next year's dates for each annual event of this political year not yet rolled forward:
    one query, however many there are."""
    candidates = (
        Event.objects.annual()
        .scheduled()
        .filter(start_date__gte=year.start, start_date__lte=year.end, rolled_to__isnull=True)
        .in_order()
    )
    return [propose(event) for event in candidates]
