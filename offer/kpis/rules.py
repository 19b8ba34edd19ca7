"""The rules of KPI figures, here and nowhere else: RAG, direction of travel, periods, and
how a figure is written."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal

from offer.models import Indicator, Measurement, PeriodKind, Polarity, Unit

# ---------------------------------------------------------------- RAG and trend


class Rag:
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


RAG_LABELS = {
    Rag.GREEN: "Green: on target",
    Rag.AMBER: "Amber: near target",
    Rag.RED: "Red: off target",
}
RAG_TAG_CLASSES = {
    Rag.GREEN: "govuk-tag--green",
    Rag.AMBER: "govuk-tag--yellow",
    Rag.RED: "govuk-tag--red",
}


def rag(
    *, value: Decimal | None, target: Decimal | None, tolerance: Decimal, polarity: str
) -> str | None:
    """Green on or beyond target, amber within tolerance of it, red beyond; None for context."""
    if value is None or target is None or polarity == Polarity.CONTEXT:
        return None
    gap = value - target if polarity == Polarity.HIGHER else target - value
    if gap >= 0:
        return Rag.GREEN
    if -gap <= tolerance:
        return Rag.AMBER
    return Rag.RED


def target_of(indicator: Indicator) -> Decimal | None:
    """The target an indicator's figures are judged and drawn against. A context measure has
    none: it is watched, not judged (the portal refuses to give it one; one stored before that
    rule is ignored)."""
    return None if indicator.polarity == Polarity.CONTEXT else indicator.target


def rag_for(indicator: Indicator, measurement: Measurement | None) -> str | None:
    """The RAG of one of this indicator's figures (None when there is nothing to judge)."""
    return rag(
        value=measurement.value if measurement else None,
        target=target_of(indicator),
        tolerance=indicator.tolerance,
        polarity=indicator.polarity,
    )


def rag_label(indicator: Indicator, value: str | None) -> str:
    """What a RAG (or its absence) means, in words: never colour alone."""
    if value:
        return RAG_LABELS[value]
    if indicator.polarity == Polarity.CONTEXT:
        return "No RAG: context only"
    if indicator.target is None:
        return "No RAG: no target"
    return "No RAG: no figure"


class Trend:
    IMPROVING = "improving"
    WORSENING = "worsening"
    SAME = "same"
    UP = "up"
    DOWN = "down"


# The arrows say better and worse, not up and down (a falling NEET rate is ▲), so the words
# beside them say so; a context measure is judged neither way and gets no arrow.
TREND_LABELS = {
    Trend.IMPROVING: "Better",
    Trend.WORSENING: "Worse",
    Trend.SAME: "No change",
    Trend.UP: "Up (context measure: no better or worse)",
    Trend.DOWN: "Down (context measure: no better or worse)",
}
TREND_ARROWS = {
    Trend.IMPROVING: "▲",
    Trend.WORSENING: "▼",
    Trend.SAME: "▶",
}


def trend(*, value: Decimal | None, previous: Decimal | None, polarity: str) -> str | None:
    """Direction of travel against the previous period, judged by the polarity."""
    if value is None or previous is None:
        return None
    if value == previous:
        return Trend.SAME
    went_up = value > previous
    if polarity == Polarity.CONTEXT:
        return Trend.UP if went_up else Trend.DOWN
    better = went_up if polarity == Polarity.HIGHER else not went_up
    return Trend.IMPROVING if better else Trend.WORSENING


def trend_for(
    indicator: Indicator, measurement: Measurement | None, previous: Measurement | None
) -> str | None:
    """Direction of travel of one figure against the period before it."""
    return trend(
        value=measurement.value if measurement else None,
        previous=previous.value if previous else None,
        polarity=indicator.polarity,
    )


def trend_label(value: str | None) -> str:
    """The words for a direction of travel, shown beside its arrow on every page, PDF and CSV."""
    return TREND_LABELS[value] if value else "No earlier figure"


def trend_arrow(value: str | None) -> str:
    """▲ better, ▼ worse, ▶ no change; nothing for a context measure or a first figure."""
    return TREND_ARROWS.get(value or "", "")


# ---------------------------------------------------------------- periods


class PeriodError(ValueError):
    pass


class YearKind:
    """How a year written across two years (2023-24) is read: its first month."""

    FINANCIAL = "FY"  # 1 April to 31 March
    ACADEMIC = "AY"  # 1 September to 31 August


YEAR_KIND_FIRST_MONTH = {YearKind.FINANCIAL: 4, YearKind.ACADEMIC: 9}
PERIOD_FORMS = (
    "a year (2024), a quarter (2024-Q1), a month (2024-03), a financial year (FY 2023-24) or "
    "an academic year (AY 2023-24)"
)

_CALENDAR = re.compile(r"(\d{4})(?:-(?:Q([1-4])|(\d{2})))?")
# FY 2023-24, FY2023/24, financial year 2023-2024, AY 2023/24, 2023-24 (the kind from the figures)
_TWO_YEARS = re.compile(
    r"(?:(FY|AY|FINANCIAL YEAR|ACADEMIC YEAR)\s*)?(\d{4})\s*([-/])\s*(\d{4}|\d{2})"
)
_KIND_WORDS = {"FINANCIAL YEAR": YearKind.FINANCIAL, "ACADEMIC YEAR": YearKind.ACADEMIC}


def _year(text: str) -> int:
    year = int(text)
    if not 1990 <= year <= 2100:
        raise PeriodError("period year must be between 1990 and 2100")
    return year


def year_kind_of(periods: Iterable[str]) -> str | None:
    """The kind of two-year period (financial or academic) an indicator's figures are in, from
    their stored periods ('FY 2023-24'); None when they have none, or both."""
    kinds = {period[:2] for period in periods if period[:3] in ("FY ", "AY ")}
    return kinds.pop() if len(kinds) == 1 else None


def parse_period(text: str, *, year_kind: str | None = None) -> tuple[str, str, datetime.date]:
    """A period as it is stored, its kind and its first day, from what a person wrote:
    '2024' (a calendar year), '2024-Q1' (a quarter, Q1 is January to March), '2024-03' (a month),
    'FY 2023-24' (a financial year, from 1 April) or 'AY 2023-24' (an academic year, from 1
    September), also written 2023/24, 2023-2024, FY2023/24, 'financial year 2023-24'.

    A year written without FY or AY (2023-24, 2023/24) is read as year_kind: the kind of the
    indicator's other figures (year_kind_of). Without one it is refused: a financial and an
    academic year are five months apart. 2011-12 is December 2011 unless year_kind says the
    indicator's figures are financial or academic years; 2011/12 is always a year."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise PeriodError("period is missing")
    shown = cleaned[:20]
    calendar = _CALENDAR.fullmatch(cleaned[:40].upper())
    two_years = _TWO_YEARS.fullmatch(cleaned[:40].upper())
    is_month = calendar is not None and 1 <= int(calendar.group(3) or 0) <= 12
    if two_years and _follows(two_years) and (not is_month or year_kind in YEAR_KIND_FIRST_MONTH):
        return _two_years_period(two_years, shown, year_kind)
    if calendar and (is_month or not calendar.group(3)):
        year = _year(calendar.group(1))
        if calendar.group(2):
            quarter = int(calendar.group(2))
            return f"{year}-Q{quarter}", PeriodKind.QUARTER, datetime.date(year, 3 * quarter - 2, 1)
        if is_month:
            month = int(calendar.group(3))
            return f"{year}-{month:02d}", PeriodKind.MONTH, datetime.date(year, month, 1)
        return str(year), PeriodKind.YEAR, datetime.date(year, 1, 1)
    if two_years and not calendar:  # 2024/03
        year = _year(two_years.group(2))
        raise PeriodError(
            f"period '{shown}': the second year must be the year after the first, as in "
            f"{year}-{(year + 1) % 100:02d}"
        )
    raise PeriodError(f"period '{shown}' is not {PERIOD_FORMS}")


def _follows(two_years: re.Match[str]) -> bool:
    first, second = int(two_years.group(2)), int(two_years.group(4))
    return second in (first + 1, (first + 1) % 100)


def _two_years_period(
    two_years: re.Match[str], shown: str, year_kind: str | None
) -> tuple[str, str, datetime.date]:
    written = two_years.group(1)
    year = _year(two_years.group(2))
    pair = f"{year}-{(year + 1) % 100:02d}"
    kind = _KIND_WORDS.get(written, written) if written else year_kind
    if kind not in YEAR_KIND_FIRST_MONTH:
        raise PeriodError(
            f"period '{shown}' could be a financial year (April to March) or an academic year "
            f"(September to August): write FY {pair} or AY {pair}"
        )
    return f"{kind} {pair}", PeriodKind.YEAR, datetime.date(year, YEAR_KIND_FIRST_MONTH[kind], 1)


# ---------------------------------------------------------------- formatting


def format_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "No figure"
    number = value.normalize()
    text = f"{number:,f}" if number == number.to_integral() else f"{value:,.1f}"
    if unit == Unit.PERCENT:
        return f"{text}%"
    if unit == Unit.DAYS:
        return f"{text} days"
    if unit == Unit.RATE:
        return f"{text} per 10,000"
    return text


def plain_number(value: Decimal | None) -> str:
    """A figure as a spreadsheet reads a number: digits and a point, no unit, no thousands
    separator ('78', '39.5'); blank when there is none. The unit goes in a column of its own."""
    if value is None:
        return ""
    return f"{value.normalize():f}"


def unit_label(unit: str) -> str:
    """The unit's name, for the column beside plain numbers: 'Percent', 'Rate per 10,000'..."""
    return Unit(unit).label if unit in Unit.values else unit


def comparator_text(value: Decimal | None, unit: str) -> str:
    """A comparator (England, neighbours, region), which is often not published."""
    return format_value(value, unit) if value is not None else "Not known"
