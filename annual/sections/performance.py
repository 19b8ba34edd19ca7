"""Performance: the KPI scorecard as it stood at the end of the year (RAG and trend from
offer/kpis, the rows as offer/scorecard.py arranges them), each indicator's latest figure in
each of the last three years against England and statistical neighbours. Figures the
demonstration loader invented are marked in `notes` by offer/demo_marking.py's rule, as on every
page. A count-unit figure is about children and young people, so it is shown by public_count.

The section's figures are the scorecard's counts (with figures, green, amber, red, improving),
which the comparison with last year's report matches; each indicator's own three years are in
the scorecard table, and a few of them in charts."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import Any

from annual.sections.common import NOTHING_YET, cell, count_figure, link, plural
from annual.snapshot import Chart, Section, Series, Table
from corporate_parenting.small_numbers import SMALL_NUMBER, public_count
from corporate_parenting.years import PoliticalYear, years_later
from offer.demo_marking import figures_are_invented
from offer.kpis import Rag, Trend, comparator_text, format_value, status_of
from offer.models import Indicator, Measurement, Unit
from offer.scorecard import NO_PRIORITY

TITLE = "Performance"
INVENTED = (
    "These figures are invented for the demonstration. They are not a council's real figures."
)
HISTORY_YEARS = 5  # figures read back from the year's end
# A chart each for the indicators furthest from target: off target first, then close, then the
# rest, in scorecard order. Every indicator's three years are in the scorecard table; a chart
# for each of a hundred would bury the few the panel must look at (and made a 71-page PDF).
CHARTS_AT_MOST = 6
CHART_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, None: 3}


def _text(value: Decimal | None, unit: str, *, comparator: bool = False) -> str:
    if value is not None and unit == Unit.COUNT and value < SMALL_NUMBER:
        return public_count(int(value))
    return comparator_text(value, unit) if comparator else format_value(value, unit)


def _number(value: Decimal | None, unit: str) -> float | None:
    if value is None or (unit == Unit.COUNT and value < SMALL_NUMBER):
        return None
    return float(value)


def _charted(rows: list[tuple[Indicator, Any, list[Measurement | None]]]) -> list:
    """The rows given a chart: CHARTS_AT_MOST of them, furthest from target first."""
    ranked = sorted(enumerate(rows), key=lambda pair: (CHART_ORDER.get(pair[1][1].rag, 3), pair[0]))
    return [row for _, row in ranked[:CHARTS_AT_MOST]]


def build(period: PoliticalYear) -> Section:
    """Two queries: the indicators with their priority, and their figures up to the year's end.
    The scorecard at the end of the year is each indicator's latest figure by then (national
    figures come out a year or more after the period they measure), with the latest figure of
    each of the two years before it: the three-year trend."""
    indicators = list(Indicator.objects.current().select_related("priority").order_by("code"))
    figures_of: dict[int, list[Measurement]] = defaultdict(list)
    for measurement in Measurement.objects.filter(
        indicator__in=[i.pk for i in indicators],
        period_start__gt=period.end - timedelta(days=366 * HISTORY_YEARS),
        period_start__lte=period.end,
    ).order_by("period_start"):
        figures_of[measurement.indicator_id].append(measurement)

    rows = []
    used: list[Measurement] = []
    for indicator in indicators:
        history = figures_of.get(indicator.pk, [])
        if not history:
            continue
        status = status_of(indicator, history)
        by_year = _three_years(history)
        used += [m for m in by_year if m is not None]
        rows.append((indicator, status, by_year))
    if not rows:
        return Section(
            key="performance",
            title=TITLE,
            summary=f"The portal holds no KPI figures up to the end of {period}.",
            empty=True,
            young=[
                f"The portal has no figures yet for how the council did in {period}.",
                NOTHING_YET,
            ],
        )

    scorecard = link("offer:scorecard")  # signed in: only the report's own page links it
    rag_counts = {
        rag: sum(1 for _, s, _ in rows if s.rag == rag) for rag in (Rag.GREEN, Rag.AMBER, Rag.RED)
    }
    improving = sum(1 for _, s, _ in rows if s.trend == Trend.IMPROVING)
    figures = [
        count_figure("indicators", "Indicators with figures", len(rows), scorecard),
        count_figure("on_target", "On target (green)", rag_counts[Rag.GREEN], scorecard),
        count_figure("near_target", "Close to target (amber)", rag_counts[Rag.AMBER], scorecard),
        count_figure("off_target", "Off target (red)", rag_counts[Rag.RED], scorecard),
        count_figure("improving", "Improving on the period before", improving, scorecard),
    ]
    table = Table(
        caption=f"The scorecard at the end of {period}: the latest figures and the two years before",
        headers=[
            "Priority",
            "Indicator",
            "Two years before",
            "A year before",
            "Latest",
            "England",
            "Statistical neighbours",
            "Target",
            "RAG",
            "Trend",
        ],
        rows=[
            [
                cell(indicator.priority.name if indicator.priority else NO_PRIORITY),
                cell(indicator.name),
                *[
                    cell(f"{_text(m.value, indicator.unit)} ({m.period})" if m else "No figure")
                    for m in by_year
                ],
                cell(
                    _text(
                        status.latest.england if status.latest else None,
                        indicator.unit,
                        comparator=True,
                    )
                ),
                cell(
                    _text(
                        status.latest.statistical_neighbours if status.latest else None,
                        indicator.unit,
                        comparator=True,
                    )
                ),
                cell(status.target_text),
                cell(status.rag_label),
                cell(status.trend_label),
            ]
            for indicator, status, by_year in rows
        ],
    )
    charts = [
        Chart(
            title=f"{indicator.name}: three years",
            kind="line",
            labels=[m.period if m else "No figure" for m in by_year],
            series=[
                Series(
                    name="This council",
                    values=[_number(m.value, indicator.unit) if m else None for m in by_year],
                ),
                Series(
                    name="England",
                    values=[_number(m.england, indicator.unit) if m else None for m in by_year],
                ),
                Series(
                    name="Statistical neighbours",
                    values=[
                        _number(m.statistical_neighbours, indicator.unit) if m else None
                        for m in by_year
                    ],
                ),
            ],
            note=INVENTED if figures_are_invented(m for m in by_year if m) else "",
        )
        for indicator, status, by_year in _charted(rows)
    ]
    notes = [INVENTED] if figures_are_invented(used) else []
    if len(rows) > len(charts):
        notes.append(
            f"The charts show {len(charts)} of the {len(rows)} indicators, those off target "
            "first; the scorecard gives the three years of all of them."
        )
    stale = sum(1 for _, s, _ in rows if s.latest and s.latest.period_start < period.start)
    if stale:
        notes.append(
            f"For {stale} {plural(stale, 'indicator')} the latest figure is for a period before "
            f"{period} began: national figures are published a year or more after the period."
        )
    summary = (
        f"At the end of {period}, {rag_counts[Rag.GREEN]} of {len(rows)} "
        f"{plural(len(rows), 'indicator')} with figures were on target, "
        f"{rag_counts[Rag.AMBER]} close and {rag_counts[Rag.RED]} off target; {improving} "
        "improved on the period before."
    )
    young = [
        "The council keeps numbers that show how well it is doing for children in care and care "
        "leavers, and compares them with the rest of England.",
        f"{improving} of these {plural(len(rows), 'number', 'numbers')} got better.",
    ]
    if rag_counts[Rag.RED]:
        young.append(
            "Some are not yet where the council wants them to be, and it is working on them."
        )
    return Section(
        key="performance",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=[table],
        charts=charts,
        notes=notes,
        young=young,
    )


def _three_years(history: list[Measurement]) -> list[Measurement | None]:
    """The latest figure, and the latest of each of the two years before it (history is
    oldest first), oldest first."""
    latest = history[-1]
    points: list[Measurement | None] = []
    for years_back in (2, 1):
        cut = years_later(latest.period_start, -years_back)
        earlier = [m for m in history if years_later(cut, -1) < m.period_start <= cut]
        points.append(earlier[-1] if earlier else None)
    return [*points, latest]
