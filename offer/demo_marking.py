"""The one rule for marking invented figures: a set of KPI figures is invented when any of them
came from the demonstration loader (Measurement.is_demo). Every page and PDF that shows figures
asks here, through the {% invented_figures %} template tag, so no real council's figures are ever
mistaken for these, and no invented one for a real one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from offer.models import Measurement

_DEPTH = 6  # groups -> (label, statuses) -> status -> history -> figure, with room to spare


def figures_are_invented(measurements: Iterable[Measurement]) -> bool:
    """True when any of these figures is invented for the demonstration."""
    return any(m.is_demo for m in measurements)


def _figures_in(thing: Any, depth: int = 0) -> Iterable[Measurement]:
    """The figures a template's object holds, without a query: a figure, a scorecard row
    (kpis.IndicatorStatus: history, latest), a history row ({"m": figure} or .measurement), an
    indicator's history (.status, .rows), or lists, tuples and groups of those."""
    if thing is None or depth > _DEPTH or isinstance(thing, str | bytes):
        return
    if isinstance(thing, Measurement):
        yield thing
        return
    if isinstance(thing, Mapping):
        yield from _figures_in(thing.get("m", thing.get("measurement")), depth + 1)
        return
    found = False
    for name in ("history", "latest", "measurement", "status", "rows", "statuses"):
        value = getattr(thing, name, None)
        if value is not None and not callable(value):
            found = True
            yield from _figures_in(value, depth + 1)
    if found:
        return
    if isinstance(thing, Iterable):
        for item in thing:
            yield from _figures_in(item, depth + 1)


def shows_invented_figures(*things: Any) -> bool:
    """Whether anything a page shows holds an invented figure (the template tag's rule)."""
    return figures_are_invented(m for thing in things for m in _figures_in(thing))
