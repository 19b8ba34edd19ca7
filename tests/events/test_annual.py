"""Where annual events fall next year."""

from datetime import date

import pytest

from events import annual
from events.models import AnnualRule
from tests.events.factories import EventFactory


@pytest.mark.parametrize(
    ("start", "end", "rule", "expected"),
    [
        # Care Leavers Week is the last full week (Monday to Sunday) of October.
        (
            date(2022, 10, 24),
            date(2022, 10, 30),
            AnnualRule.LAST_FULL_WEEK,
            (date(2023, 10, 23), date(2023, 10, 29)),
        ),
        (
            date(2023, 10, 23),
            date(2023, 10, 29),
            AnnualRule.LAST_FULL_WEEK,
            (date(2024, 10, 21), date(2024, 10, 27)),
        ),
        # Kinship Care Week: the first full week of October.
        (
            date(2022, 10, 3),
            date(2022, 10, 9),
            AnnualRule.FIRST_FULL_WEEK,
            (date(2023, 10, 2), date(2023, 10, 8)),
        ),
        # Fostering Fortnight from the second Tuesday of May, fourteen days long.
        (
            date(2022, 5, 10),
            date(2022, 5, 23),
            AnnualRule.SAME_WEEKDAY,
            (date(2023, 5, 9), date(2023, 5, 22)),
        ),
        # World Refugee Day keeps its date.
        (
            date(2022, 6, 20),
            date(2022, 6, 20),
            AnnualRule.SAME_DATES,
            (date(2023, 6, 20), date(2023, 6, 20)),
        ),
        # 29 February falls back to 28 February.
        (
            date(2024, 2, 29),
            date(2024, 2, 29),
            AnnualRule.SAME_DATES,
            (date(2025, 2, 28), date(2025, 2, 28)),
        ),
    ],
)
@pytest.mark.django_db
def test_next_year_dates(start, end, rule, expected):
    event = EventFactory.build(start_date=start, end_date=end, annual_rule=rule)
    assert annual.next_year_dates(event) == expected


def test_a_fifth_weekday_becomes_the_last_one_when_the_month_has_only_four():
    # 29 October 2024 is the fifth Tuesday; October 2025 has four Tuesdays, the last on the 28th.
    assert annual.nth_weekday(2025, 10, 1, 5) == date(2025, 10, 28)


def test_last_full_week_when_the_month_ends_on_a_sunday():
    # 31 October 2021 was a Sunday, so the last full week is 25 to 31 October.
    assert annual.last_full_week(2021, 10) == date(2021, 10, 25)


@pytest.mark.django_db
def test_dates_that_move_are_flagged_and_same_dates_are_not():
    moving = EventFactory.build(
        start_date=date(2022, 10, 24),
        end_date=date(2022, 10, 30),
        annual_rule=AnnualRule.LAST_FULL_WEEK,
    )
    fixed = EventFactory.build(
        start_date=date(2022, 6, 20), end_date=date(2022, 6, 20), annual_rule=AnnualRule.SAME_DATES
    )
    assert annual.propose(moving).moves
    assert not annual.propose(fixed).moves
