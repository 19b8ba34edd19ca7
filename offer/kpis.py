"""Derived KPI values, computed here and nowhere else: RAG, direction of travel, periods, charts."""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

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


# ---------------------------------------------------------------- one row of the scorecard


@dataclass
class IndicatorStatus:
    indicator: Indicator
    history: list[Measurement]  # oldest first
    latest: Measurement | None
    previous: Measurement | None
    rag: str | None
    trend: str | None

    @property
    def rag_label(self) -> str:
        return rag_label(self.indicator, self.rag)

    @property
    def rag_class(self) -> str:
        return RAG_TAG_CLASSES.get(self.rag or "", "govuk-tag--grey")

    @property
    def trend_label(self) -> str:
        return trend_label(self.trend)

    @property
    def trend_arrow(self) -> str:
        return TREND_ARROWS.get(self.trend or "", "")

    @property
    def latest_text(self) -> str:
        return format_value(self.latest.value if self.latest else None, self.indicator.unit)

    @property
    def target_text(self) -> str:
        if self.indicator.target is None:
            return "No target"
        return format_value(self.indicator.target, self.indicator.unit)

    def _comparator(self, name: str) -> str:
        value = getattr(self.latest, name) if self.latest else None
        return comparator_text(value, self.indicator.unit)

    @property
    def england_text(self) -> str:
        return self._comparator("england")

    @property
    def neighbours_text(self) -> str:
        return self._comparator("statistical_neighbours")

    @property
    def region_text(self) -> str:
        return self._comparator("region")

    @property
    def chart(self) -> SafeString:
        return trend_chart(self.indicator, self.history)


def status_of(indicator: Indicator, history: list[Measurement]) -> IndicatorStatus:
    """RAG and trend of an indicator from its measurements (any order)."""
    ordered = sorted(history, key=lambda m: m.period_start)
    latest = ordered[-1] if ordered else None
    previous = ordered[-2] if len(ordered) > 1 else None
    return IndicatorStatus(
        indicator=indicator,
        history=ordered,
        latest=latest,
        previous=previous,
        rag=rag_for(indicator, latest),
        trend=trend_for(indicator, latest, previous),
    )


# ---------------------------------------------------------------- the chart

CHART_TEMPLATE = "offer/charts/trend.svg"
# A chart changes only when its figures do; a month is long enough to matter and short enough
# that nobody's old indicators fill the cache.
CHART_CACHE_SECONDS = 60 * 60 * 24 * 30


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    @property
    def square_x(self) -> float:  # a 5 x 5 marker centred on the point
        return round(self.x - 2.5, 1)

    @property
    def square_y(self) -> float:
        return round(self.y - 2.5, 1)


def _line(points: tuple[Point, ...]) -> str:
    return " ".join(f"{p.x},{p.y}" for p in points)


@dataclass(frozen=True)
class TrendChart:
    """The geometry and words of one chart; the template turns it into SVG (and escapes it)."""

    uid: str
    name: str
    count: int
    description: str  # every figure, for the text alternative
    target_text: str
    width: int = 320
    height: int = 150
    left: int = 44
    top: int = 12
    plot_right: int = 0
    plot_bottom: int = 0
    high_label: str = ""
    low_label: str = ""
    first_period: str = ""
    last_period: str = ""
    target_y: float | None = None
    ours: tuple[Point, ...] = ()
    england: tuple[Point, ...] = ()

    @property
    def ours_line(self) -> str:
        return _line(self.ours) if len(self.ours) > 1 else ""

    @property
    def england_line(self) -> str:
        return _line(self.england) if len(self.england) > 1 else ""


def chart_geometry(
    indicator: Indicator, history: list[Measurement], *, width: int = 320
) -> TrendChart:
    """Where each mark of the chart goes: our figures, England's, the target and the axes."""
    height, left, right, top, bottom = 150, 44, 10, 12, 28
    uid = f"chart-{indicator.code}"
    unit = indicator.unit
    if not history:
        return TrendChart(uid=uid, name=indicator.name, count=0, description="", target_text="")
    values = [m.value for m in history]
    england = [m.england for m in history]
    candidates = [v for v in values + england if v is not None]
    if indicator.target is not None:
        candidates.append(indicator.target)
    low, high = min(candidates), max(candidates)
    if low == high:
        low, high = low - 1, high + 1
    span = high - low
    low, high = low - span * Decimal("0.1"), high + span * Decimal("0.1")
    plot_w, plot_h = width - left - right, height - top - bottom
    count = len(history)

    def x(i: int) -> float:
        return round(left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2), 1)

    def y(v: Decimal) -> float:
        return round(top + float((high - v) / (high - low)) * plot_h, 1)

    description = "; ".join(
        f"{m.period}: {format_value(m.value, unit)}"
        + (f" (England {format_value(m.england, unit)})" if m.england is not None else "")
        for m in history
    )
    return TrendChart(
        uid=uid,
        name=indicator.name,
        count=count,
        description=description,
        target_text=(
            f" Target {format_value(indicator.target, unit)}."
            if indicator.target is not None
            else ""
        ),
        width=width,
        height=height,
        left=left,
        top=top,
        plot_right=left + plot_w,
        plot_bottom=top + plot_h,
        high_label=_short(high),
        low_label=_short(low),
        first_period=history[0].period,
        last_period=history[-1].period,
        target_y=y(indicator.target) if indicator.target is not None else None,
        ours=tuple(Point(x(i), y(v)) for i, v in enumerate(values)),
        england=tuple(Point(x(i), y(v)) for i, v in enumerate(england) if v is not None),
    )


def draw(chart: TrendChart) -> str:
    """The chart as inline SVG, from the template (autoescaped: names and periods are text)."""
    return render_to_string(CHART_TEMPLATE, {"chart": chart})


@functools.cache
def template_version(name: str) -> str:
    """A digest of one of our templates, for cache keys: a changed template draws again. Read
    once per process and never written after."""
    source = (Path(settings.BASE_DIR) / "templates" / name).read_bytes()
    return hashlib.sha256(source).hexdigest()[:12]


def chart_cache_key(indicator: Indicator, history: list[Measurement]) -> str:
    """The indicator's id and a version of everything its chart shows: a new or changed figure,
    target, name or unit gives a new key, so a chart is drawn once per change of its data."""
    shown = [
        indicator.code,
        indicator.name,
        indicator.unit,
        str(indicator.target),
        *(f"{m.period}={m.value}/{m.england}" for m in history),
    ]
    version = hashlib.sha256("\x1f".join(shown).encode()).hexdigest()[:32]
    return f"offer:chart:{indicator.pk}:{template_version(CHART_TEMPLATE)}:{version}"


def trend_chart(indicator: Indicator, history: list[Measurement]) -> SafeString:
    """A small line chart as inline SVG, readable without colour: our figures are a solid line
    with round markers, England a dashed line with square markers, the target a dotted line; each
    value is also in the text alternative (title and desc). Drawn once per change of its data."""
    key = chart_cache_key(indicator, history)
    svg = cache.get(key)
    if svg is None:
        svg = draw(chart_geometry(indicator, history))
        cache.set(key, svg, CHART_CACHE_SECONDS)
    return mark_safe(svg)  # noqa: S308 - rendered by an autoescaping template above


def _short(value: Decimal) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}"
