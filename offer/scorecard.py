"""The KPI scorecard and an indicator's history as rows to show or download.

The rules (RAG, direction of travel, formatting) live in offer/kpis.py; this module arranges
their results for the pages and the CSV files, so the views only fetch, call and render.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from offer.kpis import (
    CHART_CACHE_SECONDS,
    CHART_TEMPLATE,
    IndicatorStatus,
    comparator_text,
    format_value,
    rag_for,
    rag_label,
    status_of,
    template_version,
    trend_for,
    trend_label,
)
from offer.models import Indicator, Measurement

NO_PRIORITY = "No strategic priority yet"
# The periods an indicator's page charts: the same as a scorecard card, so both share a drawing.
CHART_PERIODS = 12

# ---------------------------------------------------------------- the scorecard


class PriorityGroup(NamedTuple):
    priority: str
    statuses: list[IndicatorStatus]

    @property
    def cards(self) -> list[SafeString]:
        """Each status as its scorecard card, in the same order (the page shows these)."""
        return [kpi_card(s) for s in self.statuses]


def _priority_order(status: IndicatorStatus) -> tuple[int, int, str]:
    """The strategy's order; indicators with no priority yet come last."""
    priority = status.indicator.priority
    if priority is None:
        return (1, 0, NO_PRIORITY)
    return (0, priority.position, priority.name)


def latest_figures(indicator: Indicator) -> list[Measurement]:
    # Set by for_scorecard's Prefetch(to_attr=...), which the type checker cannot see.
    return indicator.latest_measurements  # type: ignore[attr-defined]


def scorecard_groups(indicators: Iterable[Indicator]) -> list[PriorityGroup]:
    """Each indicator's status, grouped by strategic priority. The indicators come from
    `Indicator.objects.for_scorecard()` (their latest measurements prefetched)."""
    statuses = [status_of(indicator, latest_figures(indicator)) for indicator in indicators]
    statuses.sort(key=lambda s: (*_priority_order(s), s.indicator.code))
    return [
        PriorityGroup(label, list(group))
        for (_, _, label), group in itertools.groupby(statuses, key=_priority_order)
    ]


# A card shows these templates; a change to any of them draws every card again.
CARD_TEMPLATES = ("offer/_kpi_card.html", "offer/_invented_figures.html", CHART_TEMPLATE)


def card_cache_key(status: IndicatorStatus) -> str:
    """The indicator's id and a version of everything its card shows (its words, target,
    figures and whether they are invented): a card is drawn once per change of its data."""
    indicator = status.indicator
    shown = [
        *(template_version(name) for name in CARD_TEMPLATES),
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.polarity,
        str(indicator.target),
        str(indicator.tolerance),
        *(f"{m.period}={m.value}/{m.england}/{m.is_demo}" for m in status.history),
    ]
    version = hashlib.sha256("\x1f".join(shown).encode()).hexdigest()[:32]
    return f"offer:card:{indicator.pk}:{version}"


def kpi_card(status: IndicatorStatus) -> SafeString:
    """One indicator's scorecard card, rendered once per change of what it shows."""
    key = card_cache_key(status)
    html = cache.get(key)
    if html is None:
        html = render_to_string("offer/_kpi_card.html", {"s": status})
        cache.set(key, html, CHART_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template above


SCORECARD_CSV_HEADER = (
    "Priority",
    "Code",
    "Indicator",
    "Period",
    "Value",
    "Target",
    "RAG",
    "Direction of travel",
    "England",
    "Statistical neighbours",
    "Region",
)


def scorecard_csv_rows(groups: list[PriorityGroup]) -> list[tuple[str, ...]]:
    """The scorecard as spreadsheet rows, header first, with the words the page shows."""
    rows: list[tuple[str, ...]] = [SCORECARD_CSV_HEADER]
    for priority, statuses in groups:
        rows.extend(
            (
                priority,
                s.indicator.code,
                s.indicator.name,
                s.latest.period if s.latest else "",
                s.latest_text,
                s.target_text,
                s.rag_label,
                s.trend_label,
                s.england_text,
                s.neighbours_text,
                s.region_text,
            )
            for s in statuses
        )
    return rows


# ---------------------------------------------------------------- one indicator's history


@dataclass(frozen=True)
class HistoryRow:
    """One period of an indicator, judged against its target and the period before."""

    measurement: Measurement
    value: str
    rag: str
    trend: str
    england: str
    neighbours: str
    region: str

    @property
    def period(self) -> str:
        return self.measurement.period

    @property
    def note(self) -> str:
        return self.measurement.note


@dataclass(frozen=True)
class IndicatorHistory:
    status: IndicatorStatus  # of the whole history: the latest figure and its RAG
    chart_status: IndicatorStatus  # of the periods charted
    rows: list[HistoryRow]  # newest first


def indicator_history(
    indicator: Indicator, measurements: Iterable[Measurement]
) -> IndicatorHistory:
    """Every period of an indicator, newest first, with its RAG and direction of travel."""
    ordered = sorted(measurements, key=lambda m: m.period_start)
    unit = indicator.unit
    rows = [
        HistoryRow(
            measurement=m,
            value=format_value(m.value, unit),
            rag=rag_label(indicator, rag_for(indicator, m)),
            trend=trend_label(trend_for(indicator, m, previous)),
            england=comparator_text(m.england, unit),
            neighbours=comparator_text(m.statistical_neighbours, unit),
            region=comparator_text(m.region, unit),
        )
        for previous, m in zip([None, *ordered], ordered, strict=False)
    ]
    rows.reverse()
    return IndicatorHistory(
        status=status_of(indicator, ordered),
        chart_status=status_of(indicator, ordered[-CHART_PERIODS:]),
        rows=rows,
    )


HISTORY_CSV_HEADER = (
    "Period",
    "Value",
    "RAG",
    "Direction of travel",
    "England",
    "Statistical neighbours",
    "Region",
    "Note",
)


def history_csv_rows(history: IndicatorHistory) -> list[tuple[str, ...]]:
    """An indicator's history as spreadsheet rows, header first, newest period first."""
    rows: list[tuple[str, ...]] = [HISTORY_CSV_HEADER]
    rows.extend(
        (r.period, r.value, r.rag, r.trend, r.england, r.neighbours, r.region, r.note)
        for r in history.rows
    )
    return rows
