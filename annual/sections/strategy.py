"""The strategy: progress per priority and objective as the public strategy page shows it
(strategy/progress.py with public=True: actions counted, never named; published offer entries
only), and what became of the panel's actions set in the year: done, carried into the next year
(still open), and overdue. The actions counted are those in public minutes
(Resolution.objects.public())."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from annual.sections.common import NOTHING_YET, cell, count_figure, in_period, link, plural
from annual.snapshot import Chart, Section, Series, Table
from corporate_parenting.years import PoliticalYear
from panels.models import ActionStatus, Resolution
from panels.querysets import OPEN_STATUSES
from strategy.models import Priority
from strategy.progress import Counts, progress_of

TITLE = "The corporate parenting strategy"
AS_DRAWN_UP = (
    "Progress per objective, and what became of each action, are as the records stood when this "
    "report was drawn up."
)


def build(period: PoliticalYear) -> Section:
    """The public progress's fixed queries, and one for the year's actions."""
    progress = progress_of(Priority.objects.current(), public=True)
    judged = min(timezone.localdate(), period.end)
    actions = (
        Resolution.objects.public()
        .actions()
        .filter(**in_period(period, "item__meeting__date"))
        .with_due_on(judged)
        .aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status=ActionStatus.DONE)),
            dropped=Count("pk", filter=Q(status=ActionStatus.DROPPED)),
            carried=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            overdue=Count("pk", filter=Q(is_overdue=True)),
        )
    )
    objectives = sum(len(p.objectives) for p in progress)
    if not objectives and not actions["total"]:
        return Section(
            key="strategy",
            title=TITLE,
            summary=(
                f"The portal holds no strategy objectives, and no panel actions set in {period}."
            ),
            empty=True,
            young=[
                f"The portal has no record of the council's plan for {period}.",
                NOTHING_YET,
            ],
        )

    public_page = link("strategy:public")
    totals = sum((p.counts for p in progress), Counts())
    figures = [
        count_figure("priorities", "Priorities in the strategy", len(progress), public_page),
        count_figure("objectives", "Objectives", objectives, public_page),
        count_figure("actions_set", "Panel actions set in the year", actions["total"]),
        count_figure("actions_done", "Of which done", actions["done"]),
        count_figure("actions_carried", "Of which still open, carried forward", actions["carried"]),
        count_figure("actions_overdue", "Of which overdue", actions["overdue"]),
    ]
    if progress:
        figures += [
            count_figure(
                "objective_actions_done",
                "Actions linked to the strategy that are done",
                totals.actions_done,
                public_page,
            ),
            count_figure(
                "objective_kpis_on_target",
                "KPIs linked to the strategy that are on target",
                totals.indicators_on_target,
                public_page,
            ),
        ]
    rows = [
        [
            cell(p.priority.name, public_page),
            cell(o.objective.title),
            cell(o.counts.actions_text),
            cell(o.counts.indicators_text),
            cell(o.counts.offer_entries),
        ]
        for p in progress
        for o in p.objectives
    ]
    tables = []
    if rows:
        tables.append(
            Table(
                caption="Progress per priority and objective",
                headers=["Priority", "Objective", "Panel actions", "KPIs", "Offer entries"],
                rows=rows,
            )
        )
    charts = []
    if progress:
        charts.append(
            Chart(
                title="Panel actions linked to each priority",
                kind="bar",
                labels=[p.priority.name for p in progress],
                series=[
                    Series(name="Done", values=[float(p.counts.actions_done) for p in progress]),
                    Series(
                        name="Not yet done",
                        values=[float(p.counts.actions - p.counts.actions_done) for p in progress],
                    ),
                ],
            )
        )
    summary = (
        f"The strategy has {len(progress)} {plural(len(progress), 'priority', 'priorities')} "
        f"and {objectives} {plural(objectives, 'objective')}. Of the {actions['total']} panel "
        f"{plural(actions['total'], 'action')} set in {period}, {actions['done']} "
        f"{plural(actions['done'], 'is', 'are')} done, {actions['carried']} still open and "
        f"{actions['overdue']} overdue."
    )
    young = [
        "The council has a plan with a few big aims for children in care and care leavers.",
        f"The panel agreed {actions['total']} {plural(actions['total'], 'job')} for people to do "
        f"this year, and {actions['done']} {plural(actions['done'], 'is', 'are')} finished.",
    ]
    return Section(
        key="strategy",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        notes=[AS_DRAWN_UP],
        young=young,
    )
