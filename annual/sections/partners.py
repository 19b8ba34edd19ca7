"""Partners: the pledges partner organisations made for the year and where each stands (the one
rule, PledgeQuerySet.with_status), the progress they reported, and how many completed their
self-assessment against the corporate parenting duty. Only made pledges are read (the public
door, Pledge.objects.public()); a self-assessment's answers are the Board's, so only how many
were completed is given."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q

from annual.sections.common import NOTHING_YET, cell, count_figure, in_period, link, plural
from annual.snapshot import Chart, Section, Series, Table
from corporate_parenting.years import PoliticalYear
from partners.models import PartnerOrganisation, Pledge, PledgeStatus, SelfAssessment

TITLE = "Partners"


def build(period: PoliticalYear) -> Section:
    """Three queries: the pledges with their status and progress, the organisations, the
    self-assessments."""
    pledges = list(
        Pledge.objects.public()
        .in_year(period.start_year)
        .with_status()
        .annotate(reports=Count("updates", filter=Q(**in_period(period, "updates__reported_on"))))
        .select_related("organisation", "principle")
        .order_by("organisation__name", "due_on", "pk")
    )
    organisations = list(
        PartnerOrganisation.objects.public()
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=period.start))
        .only("pk", "name", "slug", "left_on")
    )
    assessments = SelfAssessment.objects.filter(
        year=period.start_year, organisation__in=[o.pk for o in organisations]
    ).aggregate(completed=Count("pk", filter=Q(completed_at__isnull=False)))
    if not pledges and not assessments["completed"]:
        return Section(
            key="partners",
            title=TITLE,
            summary=f"The portal holds no pledges made by partners for {period}.",
            empty=True,
            young=[
                f"The portal has no record of partners' promises for {period}.",
                NOTHING_YET,
            ],
        )

    statuses = Counter(p.status for p in pledges)  # type: ignore[attr-defined]  # with_status
    pledging = {p.organisation_id for p in pledges}
    reports = sum(p.reports for p in pledges)
    public_list = link("partners:public_list")
    figures = [
        count_figure("organisations", "Partner organisations", len(organisations), public_list),
        count_figure("organisations_pledging", "Organisations that made pledges", len(pledging)),
        count_figure("pledges", "Pledges made", len(pledges), public_list),
        *[
            count_figure(
                f"pledges_{status.value}", f"Pledges {status.label.lower()}", statuses[status]
            )
            for status in (
                PledgeStatus.DONE,
                PledgeStatus.ON_TRACK,
                PledgeStatus.AT_RISK,
                PledgeStatus.LATE,
            )
        ],
        count_figure("progress_reports", "Progress reports in the year", reports),
        count_figure(
            "self_assessments",
            "Self-assessments against the corporate parenting duty completed",
            assessments["completed"],
        ),
    ]
    tables = [
        Table(
            caption=f"Pledges for {period} and where each stands",
            headers=["Organisation", "Pledge", "For", "Principle", "Done by", "Status"],
            rows=[
                [
                    cell(
                        p.organisation.name,
                        link("partners:public_detail", slug=p.organisation.slug),
                    ),
                    cell(p.what),
                    cell(p.get_for_whom_display()),
                    cell(str(p.principle)),
                    cell(f"{p.due_on:%-d %B %Y}"),
                    cell(p.status_label),
                ]
                for p in pledges
            ],
        )
    ]
    order = [PledgeStatus.DONE, PledgeStatus.ON_TRACK, PledgeStatus.AT_RISK, PledgeStatus.LATE]
    charts = [
        Chart(
            title=f"Partners' pledges for {period} by status",
            kind="bar",
            labels=[status.label for status in order],
            series=[Series(name="Pledges", values=[float(statuses[s]) for s in order])],
        )
    ]
    summary = (
        f"For {period}, {len(pledging)} partner {plural(len(pledging), 'organisation')} made "
        f"{len(pledges)} {plural(len(pledges), 'pledge')}: {statuses[PledgeStatus.DONE]} done, "
        f"{statuses[PledgeStatus.ON_TRACK]} on track, {statuses[PledgeStatus.AT_RISK]} at risk "
        f"and {statuses[PledgeStatus.LATE]} late. {assessments['completed']} "
        f"{plural(assessments['completed'], 'organisation')} completed a self-assessment."
    )
    young = [
        "Other organisations, like the NHS, the police and colleges, are corporate parents too.",
        f"This year {len(pledging)} of them made promises to do things for you, and they report "
        "how they are getting on.",
    ]
    if statuses[PledgeStatus.DONE]:
        young.append(
            f"{statuses[PledgeStatus.DONE]} {plural(statuses[PledgeStatus.DONE], 'promise has', 'promises have')} "
            "been kept already."
        )
    return Section(
        key="partners",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        notes=["Each pledge's status is as it stood when this report was drawn up."],
        young=young,
    )
