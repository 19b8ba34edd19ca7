"""The KPI scorecard and an indicator's history as rows to show or download.

The rules (RAG, direction of travel, formatting) live in offer/kpis/rules.py; this module arranges
their results for the pages and the CSV files, so the views only fetch, call and render.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from offer.demo_marking import shows_invented_figures
from offer.kpis import (
    CHART_CACHE_SECONDS,
    CHART_TEMPLATE,
    IndicatorStatus,
    comparator_text,
    format_value,
    plain_number,
    rag_for,
    rag_label,
    status_of,
    target_of,
    template_version,
    trend_for,
    trend_label,
    unit_label,
)
from offer.models import Indicator, Measurement
from strategy.models import Priority

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
    """Each indicator's status, grouped by strategic priority, every one (with figures or not).
    The indicators come from `Indicator.objects.for_scorecard()` (their latest measurements
    prefetched)."""
    return _grouped([status_of(indicator, latest_figures(indicator)) for indicator in indicators])


def has_figures(status: IndicatorStatus) -> bool:
    """Whether an indicator is on the scorecard when nobody asked for every one: a measure
    with no figure yet (a national definition loaded, not yet reported) is left out."""
    return status.latest is not None


@dataclass(frozen=True)
class Scorecard:
    """The scorecard's groups (the spreadsheet and the PDF), and how many measures with no
    figures were left out of them."""

    groups: list[PriorityGroup]
    hidden: int


def _shown(statuses: list[IndicatorStatus], *, with_empty: bool) -> Scorecard:
    shown = statuses if with_empty else [s for s in statuses if has_figures(s)]
    return Scorecard(groups=_grouped(shown), hidden=len(statuses) - len(shown))


def scorecard_of(indicators: Iterable[Indicator], *, with_empty: bool) -> Scorecard:
    """The scorecard of these indicators (from `for_scorecard()`): those with figures, or every
    one when with_empty (the page's "Show measures with no figures")."""
    statuses = [status_of(indicator, latest_figures(indicator)) for indicator in indicators]
    return _shown(statuses, with_empty=with_empty)


def _grouped(statuses: list[IndicatorStatus]) -> list[PriorityGroup]:
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


# ---------------------------------------------------------------- the scorecard page, drawn once


@dataclass(frozen=True)
class ScorecardPage:
    """What the scorecard page shows below its heading, drawn once per change of its figures."""

    invented: bool  # whether any figure shown is invented (offer/demo_marking.py decides)
    groups_html: SafeString
    hidden: int  # measures with no figures left out (has_figures)


PAGE_TEMPLATE = "offer/_scorecard_groups.html"
PAGE_TEMPLATES = (PAGE_TEMPLATE, *CARD_TEMPLATES)

# Every current indicator (as Indicator.objects.current().for_scorecard(), by code) with its
# priority and its latest figures, as one JSON text. Each indicator's figures come from an index
# scan of (indicator, -period_start) that stops after `periods` rows, so a long history costs
# nothing; numbers travel as text, exactly as the database keeps them.
_SCORECARD_SQL = """
SELECT coalesce(json_agg(json_build_array(
    i.id, i.code, i.name, i.unit, i.polarity, i.target::text, i.tolerance::text,
    CASE WHEN p.id IS NULL THEN NULL ELSE json_build_array(p.id, p.name, p.position) END,
    (SELECT coalesce(json_agg(json_build_array(
        m.id, m.period, m.period_kind, m.period_start::text, m.value::text, m.england::text,
        m.statistical_neighbours::text, m.region::text, m.is_demo) ORDER BY m.period_start), '[]')
     FROM (SELECT * FROM {measurement} latest WHERE latest.indicator_id = i.id
           ORDER BY latest.period_start DESC LIMIT %s) m)
) ORDER BY i.code), '[]')::text
FROM {indicator} i LEFT JOIN {priority} p ON p.id = i.priority_id
WHERE i.retired_at IS NULL
"""


def _scorecard_text(periods: int) -> str:
    """The scorecard's data in one query, as text: what its version is taken from."""
    sql = _SCORECARD_SQL.format(
        indicator=connection.ops.quote_name(Indicator._meta.db_table),
        measurement=connection.ops.quote_name(Measurement._meta.db_table),
        priority=connection.ops.quote_name(Priority._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [periods])
        row = cursor.fetchone()
    return str(row[0])


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _loaded(model_instance: Any) -> Any:
    """Mark an instance built from a query's row as read from the database."""
    model_instance._state.adding = False
    model_instance._state.db = connection.alias
    return model_instance


def _statuses_from(text: str) -> list[IndicatorStatus]:
    """The indicators and figures of _scorecard_text as the models the cards are drawn from."""
    statuses = []
    priorities: dict[int, Priority] = {}
    for pk, code, name, unit, polarity, target, tolerance, priority, figures in json.loads(text):
        if priority is not None and priority[0] not in priorities:
            priorities[priority[0]] = _loaded(
                Priority(id=priority[0], name=priority[1], position=priority[2])
            )
        indicator = _loaded(
            Indicator(
                id=pk,
                code=code,
                name=name,
                unit=unit,
                polarity=polarity,
                target=_decimal(target),
                tolerance=Decimal(tolerance),
                priority=priorities[priority[0]] if priority is not None else None,
            )
        )
        history = [
            _loaded(
                Measurement(
                    id=m_pk,
                    indicator=indicator,
                    period=period,
                    period_kind=kind,
                    period_start=datetime.date.fromisoformat(start),
                    value=Decimal(value),
                    england=_decimal(england),
                    statistical_neighbours=_decimal(neighbours),
                    region=_decimal(region),
                    is_demo=is_demo,
                )
            )
            for m_pk, period, kind, start, value, england, neighbours, region, is_demo in figures
        ]
        statuses.append(status_of(indicator, history))
    return statuses


def scorecard_page(periods: int = CHART_PERIODS, *, with_empty: bool = False) -> ScorecardPage:
    """The scorecard's groups of cards as HTML, in one query whatever the number of indicators
    and figures: those with figures, or every one when with_empty. The key is a digest of
    everything shown (so an import, an edited target or a renamed priority draws it again,
    however it was saved); between changes no model is built."""
    text = _scorecard_text(periods)
    shown = "\x1f".join([*(template_version(name) for name in PAGE_TEMPLATES), text])
    digest = hashlib.sha256(shown.encode()).hexdigest()[:40]
    key = f"offer:scorecard:{periods}:{'all' if with_empty else 'figures'}:{digest}"
    cached = cache.get(key)
    if cached is None:
        scorecard = _shown(_statuses_from(text), with_empty=with_empty)
        cached = (
            shows_invented_figures(scorecard.groups),
            render_to_string(PAGE_TEMPLATE, {"groups": scorecard.groups}),
            scorecard.hidden,
        )
        cache.set(key, cached, CHART_CACHE_SECONDS)
    invented, html, hidden = cached
    return ScorecardPage(
        invented=invented,
        groups_html=mark_safe(html),  # noqa: S308 - rendered by an autoescaping template
        hidden=hidden,
    )


SCORECARD_CSV_HEADER = (
    "Priority",
    "Code",
    "Indicator",
    "Period",
    "Value",
    "Unit",
    "Target",
    "RAG",
    "Direction of travel",
    "England",
    "Statistical neighbours",
    "Region",
)


def scorecard_csv_rows(groups: list[PriorityGroup]) -> list[tuple[str, ...]]:
    """The scorecard as spreadsheet rows, header first: figures as plain numbers a spreadsheet
    can add up (blank when there is none), their unit in a column of its own, and the RAG and
    direction of travel in the words the page shows."""
    rows: list[tuple[str, ...]] = [SCORECARD_CSV_HEADER]
    for priority, statuses in groups:
        for s in statuses:
            latest = s.latest
            rows.append(
                (
                    priority,
                    s.indicator.code,
                    s.indicator.name,
                    latest.period if latest else "",
                    plain_number(latest.value if latest else None),
                    unit_label(s.indicator.unit),
                    plain_number(target_of(s.indicator)),
                    s.rag_label,
                    s.trend_label,
                    plain_number(latest.england if latest else None),
                    plain_number(latest.statistical_neighbours if latest else None),
                    plain_number(latest.region if latest else None),
                )
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
    "Unit",
    "RAG",
    "Direction of travel",
    "England",
    "Statistical neighbours",
    "Region",
    "Note",
)


def history_csv_rows(history: IndicatorHistory) -> list[tuple[str, ...]]:
    """An indicator's history as spreadsheet rows, header first, newest period first: figures as
    plain numbers with their unit in a column of its own, as the scorecard's spreadsheet."""
    unit = unit_label(history.status.indicator.unit)
    rows: list[tuple[str, ...]] = [HISTORY_CSV_HEADER]
    rows.extend(
        (
            r.period,
            plain_number(r.measurement.value),
            unit,
            r.rag,
            r.trend,
            plain_number(r.measurement.england),
            plain_number(r.measurement.statistical_neighbours),
            plain_number(r.measurement.region),
            r.note,
        )
        for r in history.rows
    )
    return rows
