"""The rules of KPI figures, here and nowhere else: RAG, direction of travel, periods, and
how a figure is written."""

from __future__ import annotations

import datetime
import re
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


def rag_for(indicator: Indicator, measurement: Measurement | None) -> str | None:
    """The RAG of one of this indicator's figures (None when there is nothing to judge)."""
    return rag(
        value=measurement.value if measurement else None,
        target=indicator.target,
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


TREND_LABELS = {
    Trend.IMPROVING: "Getting better",
    Trend.WORSENING: "Getting worse",
    Trend.SAME: "No change",
    Trend.UP: "Went up",
    Trend.DOWN: "Went down",
}
TREND_ARROWS = {
    Trend.IMPROVING: "▲",
    Trend.WORSENING: "▼",
    Trend.SAME: "▶",
    Trend.UP: "▲",
    Trend.DOWN: "▼",
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
    return TREND_LABELS[value] if value else "No earlier figure"


# ---------------------------------------------------------------- periods


class PeriodError(ValueError):
    pass


_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$")


def parse_period(text: str) -> tuple[str, str, datetime.date]:
    """'2024' (a year), '2024-Q1' (a quarter, Q1 is January to March) or '2024-03' (a month)."""
    cleaned = (text or "").strip().upper()
    match = _PERIOD.match(cleaned)
    if not match:
        raise PeriodError("period must look like 2024, 2024-Q1 or 2024-03")
    year = int(match.group(1))
    if not 1990 <= year <= 2100:
        raise PeriodError("period year must be between 1990 and 2100")
    if match.group(2):
        quarter = int(match.group(2))
        return f"{year}-Q{quarter}", PeriodKind.QUARTER, datetime.date(year, 3 * quarter - 2, 1)
    if match.group(3):
        month = int(match.group(3))
        if not 1 <= month <= 12:
            raise PeriodError("period month must be 01 to 12")
        return f"{year}-{month:02d}", PeriodKind.MONTH, datetime.date(year, month, 1)
    return str(year), PeriodKind.YEAR, datetime.date(year, 1, 1)


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


def comparator_text(value: Decimal | None, unit: str) -> str:
    """A comparator (England, neighbours, region), which is often not published."""
    return format_value(value, unit) if value is not None else "Not known"
