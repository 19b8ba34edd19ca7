"""Young people's voice: what they told us by theme and its trend against the year before (the
public view of voice/told.py: the public summary page, and what a published panel report's voice
section prints, panels/reports/voice.py, with every answer of the year rather than three a theme),
the consultations whose findings were shown with what they led to, the Children in Care
Council's matters answered and shown publicly, and "you said, we did". Only what an officer
chose to show is read; every count of young people goes through public_count."""

from __future__ import annotations

from django.db.models import Count, Q

from annual.sections.common import (
    NOTHING_YET,
    cell,
    count_figure,
    in_period,
    link,
    plural,
    young_people_figure,
)
from annual.snapshot import Chart, Section, Series, Table
from corporate_parenting.small_numbers import SMALL_NUMBER, public_count
from corporate_parenting.years import PoliticalYear
from voice.consultation_models import Consultation, Finding
from voice.matters import Matter
from voice.told import what_we_were_told

TITLE = "What children and young people told us"
ANSWERS_SHOWN = 10  # "you said, we did" answers printed, newest first


def build(period: PoliticalYear) -> Section:
    """The public summary's fixed queries, then the consultations with shown findings and the
    matters shown publicly: two more."""
    told = what_we_were_told(period, public=True)
    shown_findings = Finding.objects.you_said_we_did()
    consultations = list(
        Consultation.objects.filter(
            **in_period(period, "held_from"), pk__in=shown_findings.values("consultation_id")
        )
        .annotate(shown=Count("findings", filter=Q(findings__in=shown_findings)))
        .order_by("held_from", "pk")
    )
    matters = list(
        Matter.objects.you_said_we_did()
        .filter(**in_period(period, "raised_on"))
        .select_related("raised_by")
        .only("pk", "title", "asked", "response", "raised_on", "raised_by__name")
        .order_by("raised_on", "pk")
    )
    rows = [row for row in told.rows if row.in_period or row.period_before]
    answers = sorted(
        {said for row in told.rows for said in row.answers},
        key=lambda said: (said.date, said.said),
        reverse=True,
    )
    if not rows and not consultations and not matters:
        return Section(
            key="voice",
            title=TITLE,
            summary=(
                f"The portal holds no answers shown publicly to what children and young people "
                f"said in {period}, and no consultations whose findings were shown."
            ),
            empty=True,
            young=[
                f"The portal has nothing yet of what young people told us in {period}.",
                NOTHING_YET,
            ],
        )

    public_page = link("voice:public") + f"?year={period.start_year}"
    heard = sum(row.in_period for row in told.rows)
    took_part = sum(c.took_part for c in consultations)
    figures = [
        young_people_figure(
            "things_heard",
            "What young people told us and was answered in public, counted once for each theme",
            heard,
            public_page,
        ),
        count_figure(
            "themes_heard", "Themes young people raised", sum(1 for r in rows if r.in_period)
        ),
        count_figure(
            "consultations", "Consultations whose findings were shown", len(consultations)
        ),
        young_people_figure("took_part", "Young people who took part in them", took_part),
        count_figure(
            "council_matters",
            "Matters the Children in Care Council raised, answered and shown",
            len(matters),
            public_page if matters else "",
        ),
    ]
    tables = []
    if rows:
        tables.append(
            Table(
                caption=f"What young people told us by theme, {period} against {period.previous()}",
                headers=["Theme", str(period), str(period.previous()), "Trend"],
                rows=[
                    [
                        cell(row.theme.name),
                        cell(row.public_in_period),
                        cell(row.public_period_before),
                        cell(row.public_period_trend),
                    ]
                    for row in rows
                ],
            )
        )
    if consultations:
        tables.append(
            Table(
                caption="Consultations",
                headers=["Consultation", "When", "Took part", "Findings shown"],
                rows=[
                    [cell(c.title), cell(c.when), cell(public_count(c.took_part)), cell(c.shown)]
                    for c in consultations
                ],
            )
        )
    if matters:
        tables.append(
            Table(
                caption="The Children in Care Council asked, and the answer",
                headers=["Raised", "By", "They asked", "The answer"],
                rows=[
                    [
                        cell(f"{m.raised_on:%-d %B %Y}"),
                        cell(m.raised_by.name),
                        cell(m.asked),
                        cell(m.response),
                    ]
                    for m in matters
                ],
            )
        )
    if answers:
        tables.append(
            Table(
                caption="You said, we did",
                headers=["When", "From", "You said", "We did"],
                rows=[
                    [cell(f"{s.date:%-d %B %Y}"), cell(s.source), cell(s.said), cell(s.did)]
                    for s in answers[:ANSWERS_SHOWN]
                ],
            )
        )
    charts = []
    if rows:
        charts.append(
            Chart(
                title=f"What young people told us by theme: {period} and {period.previous()}",
                kind="bar",
                labels=[row.theme.name for row in rows],
                series=[
                    Series(name=str(period), values=[_shown(row.in_period) for row in rows]),
                    Series(
                        name=str(period.previous()),
                        values=[_shown(row.period_before) for row in rows],
                    ),
                ],
                note=f"Counts under {SMALL_NUMBER} are not shown.",
            )
        )
    themes_heard = sum(1 for r in rows if r.in_period)
    top = sorted((r for r in rows if r.in_period), key=lambda r: -r.in_period)[:3]
    summary = (
        f"In {period} what young people told us was answered in public under {themes_heard} "
        f"{plural(themes_heard, 'theme')}; {len(consultations)} "
        f"{plural(len(consultations), 'consultation')} had findings shown, and "
        f"{len(matters)} {plural(len(matters), 'matter')} the Children in Care Council raised "
        f"{plural(len(matters), 'was', 'were')} answered in public."
    )
    young = ["We listened to what you told us and wrote down what we did about it."]
    if top:
        young.append("You talked most about " + _words([r.theme.name.lower() for r in top]) + ".")
    if matters:
        young.append("The Children in Care Council asked the council questions and got answers.")
    return Section(
        key="voice",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        notes=[f'Counts under {SMALL_NUMBER} are shown as "{public_count(0)}".'],
        young=young,
    )


def _shown(count: int) -> float | None:
    return float(count) if count >= SMALL_NUMBER else None


def _words(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
