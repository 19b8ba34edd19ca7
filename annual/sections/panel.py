"""The panel and board(s): who sits on them, the meetings held in the year, attendance, the
decisions made and what became of each item of the work programme. Everything through the public
querysets (panels/querysets.py): public bodies, published meetings, decisions in approved public
minutes, published work programmes; young people's seats are never in the attendance figures
(as on the public body page)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from annual.sections.common import (
    NOTHING_YET,
    cell,
    count_figure,
    in_period,
    link,
    percent,
    plural,
    young_people_figure,
)
from annual.snapshot import Chart, Figure, Section, Series, Table
from corporate_parenting.years import PoliticalYear
from panels.members import public_members
from panels.models import (
    Attendance,
    AttendanceKind,
    Body,
    Meeting,
    Membership,
    PlannedItem,
    PlannedOutcome,
    Resolution,
)
from panels.stats import ROLE_ONLY_LABELS

TITLE = "The panel and board"
MEMBER_KINDS = (AttendanceKind.PRESENT, AttendanceKind.APOLOGIES, AttendanceKind.ABSENT)


def build(period: PoliticalYear) -> Section:
    """Six queries: bodies with their members (two), meetings held, attendance, decisions and the
    work programme."""
    bodies = list(
        Body.objects.public().prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
    )
    meetings = list(
        Meeting.objects.public()
        .held()
        .filter(**in_period(period, "date"))
        .select_related("body")
        .order_by("date", "start_time")
    )
    attendance = _attendance(period, bodies)
    decisions = list(
        Resolution.objects.public()
        .decisions()
        .filter(**in_period(period, "item__meeting__date"))
        .values("decision_status__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "decision_status__name")
    )
    planned = list(
        PlannedItem.objects.public()
        .in_year(period.start, period.end)
        .select_related("body", "meeting", "agenda_item__meeting")
        .order_by("body__name", "month", "created_at")
    )
    if not meetings and not planned:
        return Section(
            key="panel",
            title=TITLE,
            summary=f"The portal holds no public meetings of the panel or board for {period}.",
            empty=True,
            young=[
                f"The portal has no record of the panel meeting in public in {period}.",
                NOTHING_YET,
            ],
        )

    held_by_body: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        held_by_body[meeting.body_id].append(meeting)
    young_people = sum(m.young_people_present for m in meetings)
    decision_total = sum(row["count"] for row in decisions)
    present = sum(row[1] for row in attendance.values())
    expected = sum(row[2] for row in attendance.values())

    figures = [
        count_figure(
            "meetings_held", "Meetings held in public", len(meetings), link("panels:public_index")
        ),
        count_figure(
            "decisions",
            "Decisions recorded in the public minutes",
            decision_total,
            link("panels:public_index"),
        ),
        Figure(
            key="attendance_percent",
            label="Members present at the meetings they were expected at",
            value=f"{percent(present, expected)}%" if expected else "not recorded",
            number=float(percent(present, expected)) if expected else None,
        ),
        young_people_figure("young_people_present", "Young people at meetings", young_people),
        count_figure("planned_items", "Items in the work programme", len(planned)),
    ]

    tables = []
    body_rows = []
    for body in bodies:
        held = held_by_body.get(body.pk, [])
        members = public_members(list(body.memberships.all()))
        if not held and not members:
            continue
        stats = attendance.get(body.pk)
        body_rows.append(
            [
                cell(body.name, link("panels:public_body", slug=body.slug)),
                cell(len(members)),
                cell(len(held)),
                cell(f"{percent(stats[1], stats[2])}%" if stats and stats[2] else "not recorded"),
            ]
        )
    if body_rows:
        tables.append(
            Table(
                caption=f"Bodies, members and meetings in {period}",
                headers=["Body", "Members", "Meetings held", "Attendance"],
                rows=body_rows,
            )
        )
    for body in bodies:
        members = public_members(list(body.memberships.all()))
        if not members:
            continue
        tables.append(
            Table(
                caption=f"Membership of the {body.name}",
                headers=["Name", "Role"],
                rows=[[cell(m["name"] or m["role"]), cell(m["role"])] for m in members],
            )
        )
    if meetings:
        tables.append(
            Table(
                caption=f"Meetings held in {period}",
                headers=["Date", "Body", "Young people present"],
                rows=[
                    [
                        cell(f"{m.date:%-d %B %Y}", link("panels:public_meeting", pk=m.pk)),
                        cell(m.body.name, link("panels:public_body", slug=m.body.slug)),
                        cell(young_people_figure("", "", m.young_people_present).value),
                    ]
                    for m in meetings
                ],
            )
        )
    if decisions:
        tables.append(
            Table(
                caption="Decisions by outcome",
                headers=["Outcome", "Decisions"],
                rows=[[cell(r["decision_status__name"]), cell(r["count"])] for r in decisions],
            )
        )
    if planned:
        tables.append(
            Table(
                caption="The work programme: what became of each planned item",
                headers=["Item", "Body", "Planned for", "What became of it"],
                rows=[
                    [
                        cell(p.title),
                        cell(p.body.name, link("panels:public_work_programme", slug=p.body.slug)),
                        cell(f"{p.month:%B %Y}"),
                        cell(p.outcome_label),
                    ]
                    for p in planned
                ],
            )
        )

    charts = []
    chart_bodies = [b for b in bodies if attendance.get(b.pk, (0, 0, 0))[2]]
    if chart_bodies:
        charts.append(
            Chart(
                title=f"Members' attendance in {period} (per cent present)",
                kind="bar",
                labels=[b.name for b in chart_bodies],
                series=[
                    Series(
                        name="Present",
                        values=[
                            float(percent(attendance[b.pk][1], attendance[b.pk][2]))
                            for b in chart_bodies
                        ],
                    )
                ],
            )
        )

    taken = sum(1 for p in planned if p.outcome == PlannedOutcome.TAKEN)
    summary = (
        f"In {period} the panel and board held {len(meetings)} public "
        f"{plural(len(meetings), 'meeting')} and recorded {decision_total} "
        f"{plural(decision_total, 'decision')} in their public minutes."
    )
    if planned:
        summary += (
            f" {taken} of the {len(planned)} {plural(len(planned), 'item')} planned in the work "
            f"programme {plural(taken, 'was', 'were')} taken."
        )
    times = {1: "once", 2: "twice"}.get(len(meetings), f"{len(meetings)} times")
    young = [
        f"The councillors and officers who look after children in care met {times} in public "
        "this year to check how things are going.",
    ]
    if young_people:
        young.append("Young people came along to meetings and had their say.")
    if decision_total:
        young.append("At each meeting they agreed what should happen next and who should do it.")
    return Section(
        key="panel",
        title=TITLE,
        summary=summary,
        figures=figures,
        tables=tables,
        charts=charts,
        young=young,
    )


def _attendance(period: PoliticalYear, bodies: list[Body]) -> dict[int, tuple[int, int, int]]:
    """Per public body: (members counted, times present, times expected) at meetings held in the
    year, never counting a young people's seat (role-only, as the public statistics leave it
    out). One query."""
    role_only_users = {
        (body.pk, m.user_id)
        for body in bodies
        for m in body.memberships.all()
        if m.user_id is not None and m.is_role_only
    }
    young_bodies = [b.pk for b in bodies if b.is_young_peoples]
    rows = (
        Attendance.objects.public()
        .filter(**in_period(period, "meeting__date"), kind__in=MEMBER_KINDS)
        .filter(Q(user__isnull=False) | Q(seat__isnull=False))
        .exclude(meeting__body__in=young_bodies)
        .exclude(seat__role__in=["young_people"])
        .exclude(role__in=ROLE_ONLY_LABELS)
        .values("meeting__body_id", "user_id")
        .annotate(
            expected=Count("pk"),
            present=Count("pk", filter=Q(kind=AttendanceKind.PRESENT)),
        )
    )
    totals: dict[int, tuple[int, int, int]] = {}
    for row in rows:
        body_id = row["meeting__body_id"]
        if (body_id, row["user_id"]) in role_only_users:
            continue
        members, present, expected = totals.get(body_id, (0, 0, 0))
        totals[body_id] = (members + 1, present + row["present"], expected + row["expected"])
    return totals
