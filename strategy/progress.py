"""Progress of the strategy, computed here and nowhere else.

An objective's progress comes from what is linked to it:
- panel actions: done (the action status panels.models.ActionStatus.DONE) out of all linked;
- KPIs: on target (green, by offer.kpis, the one RAG rule) out of those with a RAG (a latest
  figure and a target; context-only measures have none);
- offer entries: how many serve it (on the public page, published ones only).

A priority's progress is the sum of its objectives'. Every page, the CSV and the report PDF read
these rows; a fixed number of queries whatever the number of objectives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from offer import kpis
from offer.models import Indicator, OfferEntry
from panels.models import ActionStatus, Resolution
from strategy.models import Objective, Priority


@dataclass(frozen=True)
class Counts:
    actions: int = 0
    actions_done: int = 0
    indicators: int = 0
    indicators_rated: int = 0
    indicators_on_target: int = 0
    offer_entries: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )

    @property
    def actions_text(self) -> str:
        return f"{self.actions_done} of {self.actions} done" if self.actions else "None linked"

    @property
    def indicators_text(self) -> str:
        if not self.indicators:
            return "None linked"
        if not self.indicators_rated:
            return f"{self.indicators} linked, none with a figure against a target"
        return f"{self.indicators_on_target} of {self.indicators_rated} on target"


@dataclass(frozen=True)
class ObjectiveProgress:
    objective: Objective
    counts: Counts
    statuses: list[kpis.IndicatorStatus] = field(default_factory=list)


@dataclass(frozen=True)
class PriorityProgress:
    priority: Priority
    objectives: list[ObjectiveProgress]

    @property
    def counts(self) -> Counts:
        return sum((o.counts for o in self.objectives), Counts())


def is_action_done(action: Resolution) -> bool:
    return action.status == ActionStatus.DONE


def is_on_target(status: kpis.IndicatorStatus) -> bool:
    return status.rag == kpis.Rag.GREEN


def objective_counts(
    *,
    actions: Iterable[Resolution],
    statuses: Iterable[kpis.IndicatorStatus],
    offer_entries: int,
) -> Counts:
    actions, statuses = list(actions), list(statuses)
    return Counts(
        actions=len(actions),
        actions_done=sum(1 for a in actions if is_action_done(a)),
        indicators=len(statuses),
        indicators_rated=sum(1 for s in statuses if s.rag is not None),
        indicators_on_target=sum(1 for s in statuses if is_on_target(s)),
        offer_entries=offer_entries,
    )


def _objective_prefetches(*, public: bool) -> tuple[Prefetch, ...]:
    entries = OfferEntry.objects.published() if public else OfferEntry.objects.all()
    return (
        Prefetch(
            "actions",
            queryset=Resolution.objects.actions().only("id", "status", "text", "item_id"),
        ),
        Prefetch("indicators", queryset=Indicator.objects.for_scorecard(periods=2)),
        Prefetch("offer_entries", queryset=entries.only("id", "title", "slug", "status")),
    )


def _objectives(*, public: bool) -> QuerySet[Objective]:
    return Objective.objects.order_by("position", "title").prefetch_related(
        *_objective_prefetches(public=public)
    )


def with_progress(priorities: QuerySet[Priority], *, public: bool = False) -> QuerySet[Priority]:
    """The priorities with all that their progress needs, in six queries."""
    return priorities.prefetch_related(Prefetch("objectives", queryset=_objectives(public=public)))


def objective_progress(objective: Objective) -> ObjectiveProgress:
    """Progress of one objective fetched through with_progress (or objectives_with_progress)."""
    statuses = [
        # latest_measurements: set by the Prefetch of IndicatorQuerySet.for_scorecard.
        kpis.status_of(indicator, indicator.latest_measurements)  # type: ignore[attr-defined]
        for indicator in objective.indicators.all()
    ]
    return ObjectiveProgress(
        objective=objective,
        counts=objective_counts(
            actions=objective.actions.all(),
            statuses=statuses,
            offer_entries=len(objective.offer_entries.all()),
        ),
        statuses=statuses,
    )


def progress_of(priorities: QuerySet[Priority], *, public: bool = False) -> list[PriorityProgress]:
    """Each priority, in order, with its objectives' progress."""
    return [
        PriorityProgress(
            priority=priority,
            objectives=[objective_progress(o) for o in priority.objectives.all()],
        )
        for priority in with_progress(priorities, public=public)
    ]


def objectives_with_progress(objectives: QuerySet[Objective]) -> QuerySet[Objective]:
    return objectives.prefetch_related(*_objective_prefetches(public=False))


CSV_HEADER = (
    "Priority",
    "Objective",
    "Actions done",
    "Actions linked",
    "KPIs on target",
    "KPIs with a RAG",
    "KPIs linked",
    "Offer entries",
)


def csv_rows(progress: list[PriorityProgress]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [CSV_HEADER]
    for p in progress:
        for o in p.objectives:
            c = o.counts
            rows.append(
                (
                    p.priority.name,
                    o.objective.title,
                    c.actions_done,
                    c.actions,
                    c.indicators_on_target,
                    c.indicators_rated,
                    c.indicators,
                    c.offer_entries,
                )
            )
    return rows
