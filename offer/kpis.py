"""Derived KPI values, computed here and nowhere else: RAG, direction of travel, periods, charts."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

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
        return RAG_LABELS[self.rag] if self.rag else "No RAG: context only"

    @property
    def rag_class(self) -> str:
        return RAG_TAG_CLASSES.get(self.rag or "", "govuk-tag--grey")

    @property
    def trend_label(self) -> str:
        return TREND_LABELS[self.trend] if self.trend else "No earlier figure"

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

    def comparator_text(self, name: str) -> str:
        value = getattr(self.latest, name) if self.latest else None
        return format_value(value, self.indicator.unit) if value is not None else "Not known"

    @property
    def england_text(self) -> str:
        return self.comparator_text("england")

    @property
    def neighbours_text(self) -> str:
        return self.comparator_text("statistical_neighbours")

    @property
    def region_text(self) -> str:
        return self.comparator_text("region")

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
        rag=rag(
            value=latest.value if latest else None,
            target=indicator.target,
            tolerance=indicator.tolerance,
            polarity=indicator.polarity,
        ),
        trend=trend(
            value=latest.value if latest else None,
            previous=previous.value if previous else None,
            polarity=indicator.polarity,
        ),
    )


# ---------------------------------------------------------------- the chart


def trend_chart(
    indicator: Indicator, history: list[Measurement], *, width: int = 320
) -> SafeString:
    """A small line chart as inline SVG, readable without colour: our figures are a solid line
    with round markers, England a dashed line with square markers, the target a dotted line; each
    value is also in the text alternative (title and desc)."""
    height, left, right, top, bottom = 150, 44, 10, 12, 28
    uid = f"chart-{indicator.code}"
    if not history:
        return mark_safe(  # noqa: S308 - every text in it is escaped
            f'<p class="govuk-body-s" id="{escape(uid)}">No figures yet for {escape(indicator.name)}.</p>'
        )
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
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: Decimal) -> float:
        return top + float((high - v) / (high - low)) * plot_h

    parts: list[str] = []
    unit = indicator.unit
    description = "; ".join(
        f"{m.period}: {format_value(m.value, unit)}"
        + (f" (England {format_value(m.england, unit)})" if m.england is not None else "")
        for m in history
    )
    target_text = (
        f" Target {format_value(indicator.target, unit)}." if indicator.target is not None else ""
    )
    parts.append(
        f'<svg class="portal-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{uid}-title {uid}-desc" focusable="false">'
        f'<title id="{uid}-title">{escape(indicator.name)}: trend over {count} periods</title>'
        f'<desc id="{uid}-desc">{escape(description)}.{escape(target_text)}</desc>'
    )
    # Axes and the top and bottom values.
    parts.append(
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#505a5f"/>'
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#505a5f"/>'
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="10" fill="#0b0c0c">{escape(_short(high))}</text>'
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="10" fill="#0b0c0c">{escape(_short(low))}</text>'
        f'<text x="{left}" y="{height - 8}" font-size="10" fill="#0b0c0c">{escape(history[0].period)}</text>'
        f'<text x="{left + plot_w}" y="{height - 8}" text-anchor="end" font-size="10" fill="#0b0c0c">{escape(history[-1].period)}</text>'
    )
    if indicator.target is not None:
        ty = y(indicator.target)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#0b0c0c" '
            f'stroke-width="1" stroke-dasharray="1 3"/>'
        )
    england_points = [(x(i), y(v)) for i, v in enumerate(england) if v is not None]
    if len(england_points) > 1:
        parts.append(
            '<polyline fill="none" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="5 3" points="'
            + " ".join(f"{px:.1f},{py:.1f}" for px, py in england_points)
            + '"/>'
        )
    for px, py in england_points:
        parts.append(
            f'<rect x="{px - 2.5:.1f}" y="{py - 2.5:.1f}" width="5" height="5" fill="#505a5f"/>'
        )
    ours = [(x(i), y(v)) for i, v in enumerate(values)]
    if len(ours) > 1:
        parts.append(
            '<polyline fill="none" stroke="#1d70b8" stroke-width="2.5" points="'
            + " ".join(f"{px:.1f},{py:.1f}" for px, py in ours)
            + '"/>'
        )
    for px, py in ours:
        parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="#1d70b8"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped


def _short(value: Decimal) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}"
