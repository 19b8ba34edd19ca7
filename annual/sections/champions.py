"""Champions: the areas and whether each had a champion (champions/coverage.py), the
engagements of the year by area and kind, the champions' plans against what was done, and
training and DBS as counts. Councillors are adults, so their work is counted, but nobody is
named: the champions' pages are the council's own, so no figure links to them."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q, Sum

from annual.sections.common import (
    NOTHING_YET,
    cell,
    count_figure,
    link,
    plural,
    young_people_figure,
)
from annual.snapshot import Chart, Section, Series, Table
from champions.coverage import coverage_for
from champions.models import Engagement, EngagementKind, PlanItem
from champions.querysets import judged_on
from corporate_parenting.years import PoliticalYear

TITLE = "Champions"


def build(period: PoliticalYear) -> Section:
    """Coverage (its fixed queries), then engagements by area and kind, young people met, and
    the plans: three more queries."""
    coverage = coverage_for(period)
    engagements = Engagement.objects.submitted().in_year(period)
    by_area_kind = list(
        engagements.values("area__name", "kind").annotate(n=Count("pk")).order_by("area__name")
    )
    you_said = engagements.aggregate(
        young=Sum("young_people_count"),
        published=Count("pk", filter=Q(follow_up_status="done", show_in_you_said_we_did=True)),
    )
    plans = PlanItem.objects.in_year(period).aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(done_by__isnull=False)),
        overdue=Count("pk", filter=Q(done_by__isnull=True, due_by__lt=judged_on(period))),
    )
    champions = coverage.champions
    if not coverage.areas and not coverage.engagements and not plans["total"]:
        return Section(
            key="champions",
            title=TITLE,
            summary=f"The portal holds no champion areas or engagements for {period}.",
            empty=True,
            young=[
                f"The portal has no record of councillor champions' work in {period}.",
                NOTHING_YET,
            ],
        )

    day = judged_on(period)
    valid_years = coverage.settings.dbs_valid_years
    dbs_cleared = sum(
        1 for line in champions if line.member.dbs_is_cleared(day, valid_years=valid_years)
    )
    trained = sum(
        1
        for line in champions
        if line.member.training_completed_on and line.member.training_completed_on <= period.end
    )
    vacant = coverage.vacant
    young_people = you_said["young"] or 0
    # The champion report for the year, where these come from: a signed-in page, so only the
    # report's own page links to it (the public page links no figure).
    report_url = f"{link('champions:report')}?year={period.start.year}"
    figures = [
        count_figure("areas", "Champion areas", len(coverage.areas), report_url),
        count_figure("areas_vacant", "Areas without a champion", len(vacant), report_url),
        count_figure("champions", "Councillors championing an area", len(champions), report_url),
        count_figure(
            "engagements", "Engagements logged by champions", coverage.engagements, report_url
        ),
        count_figure(
            "champions_met_target",
            f"Champions who met the target of {coverage.settings.engagement_target}",
            coverage.met_count,
            report_url,
        ),
        young_people_figure(
            "young_people_met", "Young people champions met", young_people, report_url
        ),
        count_figure(
            "you_said_we_did",
            'Follow-ups answered in "You said, we did"',
            you_said["published"],
            link("offer:you_said_we_did") if you_said["published"] else "",
        ),
        count_figure("plan_items", "Things champions planned to do", plans["total"], report_url),
        count_figure("plan_items_done", "Planned things done", plans["done"], report_url),
        count_figure(
            "plan_items_overdue",
            "Planned things not done by their date",
            plans["overdue"],
            report_url,
        ),
        count_figure("trained", "Champions with champion training completed", trained, report_url),
        count_figure("dbs_cleared", "Champions with a current DBS check", dbs_cleared, report_url),
    ]

    area_counts: Counter[str] = Counter()
    kind_counts: Counter[str] = Counter()
    for row in by_area_kind:
        area_counts[row["area__name"] or "No area"] += row["n"]
        kind_counts[row["kind"]] += row["n"]
    champions_per_area = Counter(
        appointment.area_id
        for area in coverage.areas
        for appointment in area.this_year  # type: ignore[attr-defined]  # coverage_for's prefetch
        if not appointment.ended_on or appointment.ended_on >= day
    )
    tables = [
        Table(
            caption=f"Champion areas in {period}",
            headers=["Area", "Champions", "Engagements"],
            rows=[
                [
                    cell(area.name),
                    cell(champions_per_area.get(area.pk, 0) or "Vacant"),
                    cell(area_counts.get(area.name, 0)),
                ]
                for area in coverage.areas
            ],
        )
    ]
    kinds = [kind for kind in EngagementKind if kind_counts.get(kind)]
    if kinds:
        tables.append(
            Table(
                caption="Engagements by kind",
                headers=["Kind", "Engagements"],
                rows=[[cell(kind.label), cell(kind_counts[kind])] for kind in kinds],
            )
        )
    charts = []
    if area_counts:
        labels = sorted(area_counts)
        charts.append(
            Chart(
                title=f"Engagements by area in {period}",
                kind="bar",
                labels=labels,
                series=[Series(name="Engagements", values=[float(area_counts[a]) for a in labels])],
            )
        )
    summary = (
        f"In {period} {len(champions)} {plural(len(champions), 'councillor')} championed "
        f"{len(coverage.areas) - len(vacant)} of {len(coverage.areas)} areas and logged "
        f"{coverage.engagements} {plural(coverage.engagements, 'engagement')}."
    )
    if plans["total"]:
        summary += (
            f" Of the {plans['total']} {plural(plans['total'], 'thing')} champions planned to "
            f"do, {plans['done']} {plural(plans['done'], 'was', 'were')} done."
        )
    young = [
        "Some councillors are champions: each looks out for one part of your life, like "
        "housing, school or health.",
        f"This year they did {coverage.engagements} {plural(coverage.engagements, 'thing')} "
        "to meet young people and the people who work with them.",
    ]
    if vacant:
        young.append(
            f"{len(vacant)} {plural(len(vacant), 'area was', 'areas were')} left without a "
            "champion, and the council is working to fill them."
        )
    return Section(
        key="champions",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        young=young,
    )
