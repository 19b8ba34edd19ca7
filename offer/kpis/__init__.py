"""Derived KPI values, computed here and nowhere else: RAG, direction of travel, periods, charts.

By what they hold: rules (RAG, trend, periods, how a figure is written), charts (the trend
chart and its cache), status (one scorecard row, from the two). All are re-exported here, so
`offer.kpis.status_of` keeps working; to replace the drawing in a test, patch
`offer.kpis.charts.draw`, where it is called.
"""

from offer.kpis.charts import (
    CHART_CACHE_SECONDS,
    CHART_TEMPLATE,
    Point,
    TrendChart,
    chart_cache_key,
    chart_geometry,
    draw,
    template_version,
    trend_chart,
)
from offer.kpis.rules import (
    RAG_LABELS,
    RAG_TAG_CLASSES,
    TREND_ARROWS,
    TREND_LABELS,
    PeriodError,
    Rag,
    Trend,
    comparator_text,
    format_value,
    parse_period,
    plain_number,
    rag,
    rag_for,
    rag_label,
    target_of,
    trend,
    trend_arrow,
    trend_for,
    trend_label,
    unit_label,
    year_kind_of,
)
from offer.kpis.status import IndicatorStatus, status_of

__all__ = [
    "CHART_CACHE_SECONDS",
    "CHART_TEMPLATE",
    "RAG_LABELS",
    "RAG_TAG_CLASSES",
    "TREND_ARROWS",
    "TREND_LABELS",
    "IndicatorStatus",
    "PeriodError",
    "Point",
    "Rag",
    "Trend",
    "TrendChart",
    "chart_cache_key",
    "chart_geometry",
    "comparator_text",
    "draw",
    "format_value",
    "parse_period",
    "plain_number",
    "rag",
    "rag_for",
    "rag_label",
    "status_of",
    "target_of",
    "template_version",
    "trend",
    "trend_arrow",
    "trend_chart",
    "trend_for",
    "trend_label",
    "unit_label",
    "year_kind_of",
]
