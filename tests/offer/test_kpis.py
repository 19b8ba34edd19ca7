import datetime
import re
from decimal import Decimal as D

import pytest

from offer.kpis import (
    PeriodError,
    Rag,
    Trend,
    format_value,
    parse_period,
    rag,
    status_of,
    trend,
    year_kind_of,
)
from offer.models import Measurement, Polarity
from tests.offer.factories import IndicatorFactory, MeasurementFactory


@pytest.mark.parametrize(
    ("polarity", "value", "expected"),
    [
        (Polarity.HIGHER, "80", Rag.GREEN),
        (Polarity.HIGHER, "90", Rag.GREEN),
        (Polarity.HIGHER, "75", Rag.AMBER),
        (Polarity.HIGHER, "74.99", Rag.RED),
        (Polarity.LOWER, "80", Rag.GREEN),
        (Polarity.LOWER, "70", Rag.GREEN),
        (Polarity.LOWER, "85", Rag.AMBER),
        (Polarity.LOWER, "85.01", Rag.RED),
        (Polarity.CONTEXT, "10", None),
    ],
)
def test_rag_for_each_polarity(polarity, value, expected):
    assert rag(value=D(value), target=D("80"), tolerance=D("5"), polarity=polarity) == expected


def test_rag_without_target_or_value_is_none():
    assert rag(value=D(1), target=None, tolerance=D(0), polarity=Polarity.HIGHER) is None
    assert rag(value=None, target=D(1), tolerance=D(0), polarity=Polarity.HIGHER) is None


def test_zero_tolerance_means_no_amber():
    assert rag(value=D("79.99"), target=D(80), tolerance=D(0), polarity=Polarity.HIGHER) == Rag.RED


@pytest.mark.parametrize(
    ("polarity", "previous", "value", "expected"),
    [
        (Polarity.HIGHER, "10", "12", Trend.IMPROVING),
        (Polarity.HIGHER, "12", "10", Trend.WORSENING),
        (Polarity.LOWER, "12", "10", Trend.IMPROVING),
        (Polarity.LOWER, "10", "12", Trend.WORSENING),
        (Polarity.CONTEXT, "10", "12", Trend.UP),
        (Polarity.CONTEXT, "12", "10", Trend.DOWN),
        (Polarity.HIGHER, "10", "10", Trend.SAME),
        (Polarity.CONTEXT, "10", "10", Trend.SAME),
    ],
)
def test_trend_for_each_polarity(polarity, previous, value, expected):
    assert trend(value=D(value), previous=D(previous), polarity=polarity) == expected


def test_trend_without_previous_is_none():
    assert trend(value=D(1), previous=None, polarity=Polarity.HIGHER) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", ("2024", "year", datetime.date(2024, 1, 1))),
        ("2024-q3", ("2024-Q3", "quarter", datetime.date(2024, 7, 1))),
        (" 2024-03 ", ("2024-03", "month", datetime.date(2024, 3, 1))),
    ],
)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2024-Q5", "1800", "2024/03", "March 2024"])
def test_parse_period_refuses_bad_periods(text):
    with pytest.raises(PeriodError):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "year_kind", "expected"),
    [
        ("FY 2023-24", None, ("FY 2023-24", "year", datetime.date(2023, 4, 1))),
        ("FY2023/24", None, ("FY 2023-24", "year", datetime.date(2023, 4, 1))),
        ("fy 2023-2024", None, ("FY 2023-24", "year", datetime.date(2023, 4, 1))),
        ("AY 2023/24", None, ("AY 2023-24", "year", datetime.date(2023, 9, 1))),
        ("academic year 2023-24", None, ("AY 2023-24", "year", datetime.date(2023, 9, 1))),
        ("2023-24", "FY", ("FY 2023-24", "year", datetime.date(2023, 4, 1))),
        ("2023/24", "AY", ("AY 2023-24", "year", datetime.date(2023, 9, 1))),
        ("2099-2100", "FY", ("FY 2099-00", "year", datetime.date(2099, 4, 1))),
        # A month stays a month; 2011-12 is December unless the figures are in split years.
        ("2023-03", "FY", ("2023-03", "month", datetime.date(2023, 3, 1))),
        ("2011-12", None, ("2011-12", "month", datetime.date(2011, 12, 1))),
        ("2011-12", "AY", ("AY 2011-12", "year", datetime.date(2011, 9, 1))),
    ],
)
def test_parse_period_reads_financial_and_academic_years(text, year_kind, expected):
    assert parse_period(text, year_kind=year_kind) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-24", "could be a financial year (April to March) or an academic year"),
        ("2023-25", "is not a year (2024), a quarter (2024-Q1), a month (2024-03), a financial"),
        ("2023/25", "the second year must be the year after the first, as in 2023-24"),
        ("FY 2023", "or an academic year (AY 2023-24)"),
        ("FY 1980-81", "between 1990 and 2100"),
    ],
)
def test_a_period_not_read_says_which_forms_are(text, message):
    with pytest.raises(PeriodError, match=re.escape(message)):
        parse_period(text)


def test_the_kind_of_year_comes_from_the_figures_when_they_agree():
    assert year_kind_of(["2022", "FY 2022-23", "FY 2021-22"]) == "FY"
    assert year_kind_of(["AY 2022-23"]) == "AY"
    assert year_kind_of(["FY 2022-23", "AY 2022-23"]) is None
    assert year_kind_of(["2022", "2022-Q1"]) is None


def test_format_value_by_unit():
    assert format_value(D("39.50"), "percent") == "39.5%"
    assert format_value(D("58.70"), "rate") == "58.7 per 10,000"
    assert format_value(D("1200.00"), "count") == "1,200"
    assert format_value(None, "days") == "No figure"


@pytest.mark.django_db
def test_status_uses_latest_and_previous_period_whatever_the_order():
    indicator = IndicatorFactory(polarity=Polarity.LOWER, target=D(35), tolerance=D(5))
    late = MeasurementFactory(indicator=indicator, period="2024", value=D("39"))
    early = MeasurementFactory(indicator=indicator, period="2023", value=D("41"))
    status = status_of(indicator, [late, early])
    assert status.latest == late and status.previous == early
    assert status.rag == Rag.AMBER
    assert status.trend == Trend.IMPROVING


@pytest.mark.django_db
def test_chart_has_a_text_alternative_with_every_value():
    indicator = IndicatorFactory(name="NEET care leavers")
    rows: list[Measurement] = [
        MeasurementFactory(indicator=indicator, period="2023", value=D("41"), england=D(38)),
        MeasurementFactory(indicator=indicator, period="2024", value=D("39.5"), england=D(37)),
    ]
    svg = str(status_of(indicator, rows).chart)
    assert 'role="img"' in svg and "<title" in svg
    assert "2023: 41% (England 38%); 2024: 39.5% (England 37%)" in svg
    assert 'stroke-dasharray="5 3"' in svg  # England is dashed, not only another colour


@pytest.mark.django_db
def test_chart_escapes_names():
    indicator = IndicatorFactory(name="<script>x</script>")
    svg = str(status_of(indicator, [MeasurementFactory(indicator=indicator)]).chart)
    assert "<script>" not in svg
