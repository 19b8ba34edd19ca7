"""The annual champion report: per area and per member, what was done, what was heard and what
changed in a political year. One function builds it for the page and the PDF alike."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3

from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    Engagement,
    Member,
    PlanItem,
    ReportPeople,
)
from champions.progress import Progress, progress_from_count, target_for
from champions.querysets import OPEN_FOLLOW_UP
from corporate_parenting.models import Duty, DutyKind, User
from corporate_parenting.years import PoliticalYear

NOT_CHOSEN = "Not chosen yet"
PER_AREA = 30  # engagements listed per area in the PDF; the counts cover every one
# The page lists fewer: the report is read on screen to see where things stand, and the PDF (the
# document the panel receives) and the engagements list have the rest. 30 lines a list made the
# page 430 list items long at ten times the demo, most of its time.
PER_AREA_ON_PAGE = 10


@dataclass
class Served:
    """Who championed an area in the year, and for how long."""

    member: Member
    start: date
    end: date  # the end date, or the year's last day
    ended: bool
    days: int

    @property
    def name(self) -> str:
        return self.member.name

    @property
    def period(self) -> str:
        """'1 May 2026 to 30 April 2027, appointment ended' (Django's "j F Y"), written here:
        the report lists every champion of every area, 120 dates at ten times the demo."""
        period = f"{long_date(self.start)} to {long_date(self.end)}"
        return f"{period}, appointment ended" if self.ended else period


@dataclass
class AreaSection:
    area: ChampionArea
    champions: list[Served]
    engagements: list[Engagement]  # the most recent, at most per_area
    total: int = 0
    young_people: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.engagements)

    # The three lists are written out here rather than in the template: at a few hundred
    # engagements a page, a line built in Python costs a twentieth of one built from lookups.
    @property
    def done(self) -> list[str]:
        return [done_line(e) for e in self.engagements]

    @property
    def heard(self) -> list[str]:
        return [e.young_people_said for e in self.engagements if e.young_people_said.strip()]

    @property
    def changed(self) -> list[str]:
        return [
            e.follow_up_response
            for e in self.engagements
            if e.follow_up_status == "done" and e.follow_up_response
        ]


def short_date(day: date) -> str:
    """'5 Nov 2026', as the report writes dates in its lists (Django's "j M Y")."""
    return f"{day.day} {MONTHS_3[day.month].title()} {day.year}"


def long_date(day: date) -> str:
    """'5 November 2026' (Django's "j F Y")."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def done_line(engagement: Engagement) -> str:
    """'5 Nov 2026, visit (Summer fair), Ada Fenwick: what we did', one line of an area's
    "What was done"."""
    line = f"{short_date(engagement.date)}, {engagement.get_kind_display().lower()}"
    if engagement.event_title:
        line += f" ({engagement.event_title})"
    line += f", {engagement.member.name}"
    if engagement.what_we_did:
        line += f": {engagement.what_we_did}"
    return line


@dataclass
class PlanLine:
    item: PlanItem
    done: Engagement | None  # the submitted engagement that did it

    @property
    def status(self) -> str:
        return "Done" if self.done else "Not done yet"


@dataclass
class MemberRow:
    member: Member
    areas: list[str]
    progress: Progress
    plan: list[PlanLine] = field(default_factory=list)

    @property
    def has_plan(self) -> bool:
        return bool(self.plan)

    @property
    def plan_done(self) -> int:
        return sum(1 for line in self.plan if line.done)


@dataclass
class AnnualReport:
    year: PoliticalYear
    title: str
    sponsor: str
    author: str
    areas: list[AreaSection] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    engagement_count: int = 0
    young_people: int = 0
    follow_ups_done: int = 0
    follow_ups_open: int = 0
    vacant: list[str] = field(default_factory=list)
    people_chosen: bool = False

    @property
    def champion_count(self) -> int:
        return len(self.members)

    @property
    def without_plan(self) -> list[str]:
        """The champions with no plan recorded, named once on the page rather than each under
        a heading of their own."""
        return [row.member.name for row in self.members if not row.plan]

    @property
    def met_count(self) -> int:
        return sum(1 for row in self.members if row.progress.met)


def _signatory(user: User | None, kind: str, titles: dict[tuple[int, str], str]) -> str:
    if user is None:
        return NOT_CHOSEN
    title = titles.get((user.pk, kind), "")
    return f"{user}, {title}" if title else str(user)


@dataclass
class _YearCounts:
    engagements: int = 0
    young_people: int = 0
    follow_ups_done: int = 0
    follow_ups_open: int = 0
    by_area: defaultdict[int, int] = field(default_factory=lambda: defaultdict(int))
    young_by_area: defaultdict[int, int] = field(default_factory=lambda: defaultdict(int))
    by_member: defaultdict[int, int] = field(default_factory=lambda: defaultdict(int))


def _year_counts(in_year: QuerySet[Engagement]) -> _YearCounts:
    """The year's totals, per area and per member, from one pass over its engagements: a row
    per area and member (a few hundred at most), however many engagements there are."""
    counts = _YearCounts()
    for row in in_year.values("area_id", "member_id").annotate(
        n=Count("pk"),
        young=Sum("young_people_count"),
        done=Count("pk", filter=Q(follow_up_status="done")),
        waiting=Count("pk", filter=OPEN_FOLLOW_UP),
    ):
        young = row["young"] or 0
        counts.engagements += row["n"]
        counts.young_people += young
        counts.follow_ups_done += row["done"]
        counts.follow_ups_open += row["waiting"]
        if row["area_id"] is not None:
            counts.by_area[row["area_id"]] += row["n"]
            counts.young_by_area[row["area_id"]] += young
        counts.by_member[row["member_id"]] += row["n"]
    return counts


def annual_report(
    year: PoliticalYear, *, today: date | None = None, per_area: int | None = None
) -> AnnualReport:
    """The report for a political year, in a fixed number of queries whatever the data size.

    Each area lists its most recent engagements (per_area of them, PER_AREA unless asked);
    its counts cover them all. Champions whose appointment ended are still listed, with the day
    it ended. Sponsor and author are the people chosen for the year (report_people_set).
    """
    today = today or timezone.localdate()
    default_target = ChampionSettings.load().engagement_target
    in_year = Engagement.objects.submitted().in_year(year)
    areas = list(
        ChampionArea.objects.with_is_vacant(year)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.in_year(year)
                .with_people()
                .order_by("member__user__full_name"),
                to_attr="this_year",
            )
        )
    )
    recent = (
        in_year.most_recent_in_areas([area.pk for area in areas], per_area or PER_AREA)
        .select_related("member__user")
        .order_by("date", "pk")
    )
    by_area: dict[int, list[Engagement]] = defaultdict(list)
    for engagement in recent:
        by_area[engagement.area_id].append(engagement)
    counts = _year_counts(in_year)
    chosen = ReportPeople.objects.select_related("sponsor", "author").filter(
        start_year=year.start_year
    )
    people = chosen.first()
    titles: dict[tuple[int, str], str] = {}
    if people is not None:
        titles = {
            (duty.user_id, duty.kind): duty.job_title
            for duty in Duty.objects.filter(
                user__in=(people.sponsor_id, people.author_id),
                kind__in=(DutyKind.REPORT_SPONSOR, DutyKind.REPORT_AUTHOR),
            )
        }
    report = AnnualReport(
        year=year,
        title=f"Champion model: annual report {year.label}",
        sponsor=_signatory(people.sponsor if people else None, DutyKind.REPORT_SPONSOR, titles),
        author=_signatory(people.author if people else None, DutyKind.REPORT_AUTHOR, titles),
        people_chosen=people is not None,
        engagement_count=counts.engagements,
        young_people=counts.young_people,
        follow_ups_done=counts.follow_ups_done,
        follow_ups_open=counts.follow_ups_open,
    )
    member_areas: dict[int, tuple[Member, list[str]]] = {}
    for area in areas:
        if area.is_vacant:
            report.vacant.append(area.name)
        served = []
        for appointment in area.this_year:
            member = appointment.member
            served.append(
                Served(
                    member=member,
                    start=year.start,
                    end=appointment.served_to(year),
                    ended=appointment.is_ended,
                    days=appointment.days_served(year, today),
                )
            )
            label = area.name
            if appointment.is_ended:
                label += f" (until {appointment.ended_on:%-d %B %Y})"
            member_areas.setdefault(member.pk, (member, []))[1].append(label)
        report.areas.append(
            AreaSection(
                area=area,
                champions=served,
                engagements=by_area.get(area.pk, []),
                total=counts.by_area[area.pk],
                young_people=counts.young_by_area[area.pk],
            )
        )
    plans: dict[int, list[PlanLine]] = defaultdict(list)
    for item in (
        PlanItem.objects.in_year(year)
        .filter(member_id__in=member_areas)
        .select_related("area", "done_by")
        .order_by("due_by", "pk")
    ):
        done = item.done_by if item.done_by and not item.done_by.is_draft else None
        plans[item.member_id].append(PlanLine(item=item, done=done))
    report.members = sorted(
        (
            MemberRow(
                member=member,
                areas=names,
                progress=progress_from_count(
                    counts.by_member[pk], target_for(member, default_target)
                ),
                plan=plans.get(pk, []),
            )
            for pk, (member, names) in member_areas.items()
        ),
        key=lambda row: row.member.name,
    )
    return report
