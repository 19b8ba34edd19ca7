"""One row of the scorecard: an indicator with its figures, RAG, trend and chart, and the
words each is shown in."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from offer.kpis.charts import trend_chart
from offer.kpis.rules import (
    RAG_TAG_CLASSES,
    comparator_text,
    format_value,
    rag_for,
    rag_label,
    target_of,
    trend_arrow,
    trend_for,
    trend_label,
)
from offer.models import Indicator, Measurement, Polarity


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
        return trend_arrow(self.trend)

    @property
    def latest_text(self) -> str:
        return format_value(self.latest.value if self.latest else None, self.indicator.unit)

    @property
    def target_text(self) -> str:
        target = target_of(self.indicator)
        if target is None:
            return (
                "No target: context measure"
                if self.indicator.polarity == Polarity.CONTEXT
                else "No target"
            )
        return format_value(target, self.indicator.unit)

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
