"""Notice of a meeting: five clear working days, counting out weekends and England bank holidays."""

from datetime import date, timedelta
from functools import cache

import holidays

REQUIRED_CLEAR_WORKING_DAYS = 5


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_day_on_or_before(day: date) -> date:
    """The day itself when people work then, otherwise the working day before it: a deadline
    never falls on a weekend or a bank holiday."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def clear_working_days(published: date, meeting: date) -> int:
    """Working days strictly between the day of publication and the day of the meeting."""
    count = 0
    day = published + timedelta(days=1)
    while day < meeting:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def is_short_notice(published: date, meeting: date) -> bool:
    return clear_working_days(published, meeting) < REQUIRED_CLEAR_WORKING_DAYS


def latest_publication_day(meeting: date) -> date:
    """The last working day the agenda can be published with five clear working days' notice."""
    day = meeting - timedelta(days=1)
    while clear_working_days(day, meeting) < REQUIRED_CLEAR_WORKING_DAYS or not is_working_day(day):
        day -= timedelta(days=1)
    return day
