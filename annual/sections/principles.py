"""The corporate parenting principles the year's work served: how often each of the seven was
named, through what (voice/coverage.py's count, one grouped query per source), and which the
year left untouched. The members' coverage page counts the council's records as staff see them;
the published report counts only what is public: reports published on public items, decisions
and actions in public minutes, findings and pledges shown publicly, published offer entries, and
champions' submitted engagements (councillors' work, counted, never listed)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser

from annual.sections.common import NOTHING_YET, cell, count_figure, plural
from annual.snapshot import Chart, Section, Series, Table
from champions.models import Engagement
from corporate_parenting.models import User
from corporate_parenting.years import PoliticalYear
from offer.models import OfferEntry
from panels.models import Resolution
from panels.reports.models import Report
from partners.models import Pledge
from voice.consultation_models import Finding
from voice.coverage import SOURCES, Source, principles_coverage

TITLE = "The corporate parenting principles"

# What the public may count of each of voice.coverage's sources, by its key.
PUBLIC_ROWS = {
    "reports": lambda: Report.objects.public(),
    "decisions": lambda: Resolution.objects.public().filter(is_action=False),
    "actions": lambda: Resolution.objects.public().actions(),
    "engagements": lambda: Engagement.objects.submitted(),
    "offer_entries": lambda: OfferEntry.objects.published(),
    "findings": lambda: Finding.objects.you_said_we_did(),
    "pledges": lambda: Pledge.objects.public(),
}


def _nothing_listed(source: Source) -> Any:
    """The report counts; it lists no records (so the listing makes no query)."""
    return lambda user: source.counted().none()


def public_sources() -> tuple[Source, ...]:
    sources = []
    for source in SOURCES:
        counted = PUBLIC_ROWS[source.key]  # a new source must say what the public may count
        public = replace(source, counted=counted)
        sources.append(replace(public, listed=_nothing_listed(public)))
    return tuple(sources)


def build(period: PoliticalYear) -> Section:
    """One grouped count per source, and the seven principles."""
    coverage = principles_coverage(
        period, user=cast(User, AnonymousUser()), sources=public_sources()
    )
    touched, untouched = coverage.touched, coverage.untouched
    if not touched:
        return Section(
            key="principles",
            title=TITLE,
            summary=(
                f"The portal holds no public work in {period} that names the corporate "
                "parenting principles."
            ),
            empty=True,
            young=[
                f"The portal has no record of which promises the work of {period} kept.",
                NOTHING_YET,
            ],
        )
    figures = [
        count_figure("principles_served", "Principles the year's work served", len(touched)),
        count_figure("principles_untouched", "Principles not served", len(untouched)),
        *[
            count_figure(f"principle_{row.principle.letter}", str(row.principle), row.total)
            for row in coverage.rows
        ],
    ]
    tables = [
        Table(
            caption=f"How often the work of {period} named each principle",
            headers=["Principle", *[s.label for s in coverage.sources], "Total"],
            rows=[
                [
                    cell(str(row.principle)),
                    *[cell(touch.count) for touch in row.touches],
                    cell(row.total),
                ]
                for row in coverage.rows
            ],
        )
    ]
    charts = [
        Chart(
            title=f"The principles the work of {period} served",
            kind="bar",
            labels=[str(row.principle) for row in coverage.rows],
            series=[Series(name="Times named", values=[float(row.total) for row in coverage.rows])],
        )
    ]
    notes = []
    if untouched:
        notes.append(
            "Not served this year: " + "; ".join(str(row.principle) for row in untouched) + "."
        )
    summary = (
        f"The public work of {period} served {len(touched)} of the seven corporate parenting "
        f"principles"
        + (
            f"; {len(untouched)} {plural(len(untouched), 'was', 'were')} not named."
            if untouched
            else "."
        )
    )
    most = max(coverage.rows, key=lambda row: row.total)
    young = [
        "The law gives the council seven promises to keep as your corporate parent.",
        f"This year its work kept {len(touched)} of the seven in mind, most often "
        f"“{most.principle.short_name.lower()}”.",
    ]
    if untouched:
        young.append("Next year it needs to do more on the ones it missed.")
    return Section(
        key="principles",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        notes=notes,
        young=young,
    )
