from datetime import date

import pytest

from corporate_parenting.years import political_year_for, political_year_starting, years_later


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2025, 4, 30), "2024/25"),
        (date(2025, 5, 1), "2025/26"),
        (date(2026, 1, 15), "2025/26"),
        (date(2026, 4, 30), "2025/26"),
    ],
)
def test_political_year_turns_on_the_first_of_may(day, label):
    assert political_year_for(day, 5).label == label


def test_political_year_start_month_is_configurable():
    year = political_year_for(date(2025, 8, 31), 9)
    assert (year.start, year.end) == (date(2024, 9, 1), date(2025, 8, 31))


def test_year_steps_and_membership():
    year = political_year_starting(2025, 5)
    assert date(2026, 4, 30) in year
    assert date(2026, 5, 1) not in year
    assert year.next().label == "2026/27"
    assert year.previous().label == "2024/25"


@pytest.mark.django_db
def test_start_month_comes_from_site_settings():
    from corporate_parenting.models import SiteSettings
    from corporate_parenting.services import site_settings_update

    site_settings_update(site_settings=SiteSettings.load(), political_year_start_month=4)
    assert political_year_for(date(2025, 4, 2)).label == "2025/26"


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2025, 6, 15), 1, date(2026, 6, 15)),
        (date(2028, 2, 29), 1, date(2029, 2, 28)),  # no 29 February in 2029: the day before
        (date(2028, 2, 29), 4, date(2032, 2, 29)),  # a leap year again: the same day
        (date(2028, 2, 29), -1, date(2027, 2, 28)),
        (date(2025, 12, 31), 3, date(2028, 12, 31)),
    ],
)
def test_years_later_is_the_same_day_or_the_last_day_of_that_month(day, years, expected):
    assert years_later(day, years) == expected


def test_review_date_offered_on_29_february_is_a_real_date(client_for, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2028, 2, 29))
    content = client_for("officer").get("/offer/manage/new/").content.decode()
    assert 'value="2029-02-28"' in content
