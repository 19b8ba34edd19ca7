"""A KPI's trend chart: where each mark goes, the SVG drawn from a template, and a cache that
draws it once per change of its figures."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from offer.kpis.rules import format_value, target_of
from offer.models import Indicator, Measurement

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
    target = target_of(indicator)  # none for a context measure: no target line
    if not history:
        return TrendChart(uid=uid, name=indicator.name, count=0, description="", target_text="")
    values = [m.value for m in history]
    england = [m.england for m in history]
    candidates = [v for v in values + england if v is not None]
    if target is not None:
        candidates.append(target)
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
        target_text=f" Target {format_value(target, unit)}." if target is not None else "",
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
        target_y=y(target) if target is not None else None,
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
        str(target_of(indicator)),
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
