"""The annual champion report: per area and per member, what was done, what was heard and what
changed in a political year. One function builds it for the page and the PDF alike."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, Sum, Window
from django.db.models.functions import RowNumber

from champions.models import Appointment, ChampionArea, ChampionSettings, Engagement, Member
from champions.progress import Progress, progress_from_count
from corporate_parenting.models import User
from corporate_parenting.years import PoliticalYear

SPONSOR = "Director of Children's Services"
AUTHOR_ROLE = "Participation and Engagement Team"
PER_AREA = 30  # engagements listed per area; the counts cover every one


@dataclass
class AreaSection:
    area: ChampionArea
    champions: list[Member]
    engagements: list[Engagement]  # the most recent, at most PER_AREA
    total: int = 0
    young_people: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.engagements)

    @property
    def heard(self) -> list[Engagement]:
        return [e for e in self.engagements if e.young_people_said.strip()]

    @property
    def changed(self) -> list[Engagement]:
        return [
            e for e in self.engagements if e.follow_up_status == "done" and e.follow_up_response
        ]


@dataclass
class MemberRow:
    member: Member
    areas: list[str]
    progress: Progress


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

    @property
    def champion_count(self) -> int:
        return len(self.members)

    @property
    def met_count(self) -> int:
        return sum(1 for row in self.members if row.progress.met)


def annual_report(year: PoliticalYear, *, author: User | None = None) -> AnnualReport:
    """The report for a political year, in a fixed number of queries whatever the data size.

    Each area lists its most recent engagements (PER_AREA of them); its counts cover them all.
    """
    target = ChampionSettings.load().engagement_target
    in_year = Engagement.objects.submitted().in_year(year)
    recent = (
        in_year.annotate(
            rank=Window(
                RowNumber(), partition_by=F("area_id"), order_by=(F("date").desc(), F("pk").desc())
            )
        )
        .filter(rank__lte=PER_AREA)
        .select_related("member__user")
        .order_by("date", "pk")
    )
    by_area: dict[int, list[Engagement]] = defaultdict(list)
    for engagement in recent:
        by_area[engagement.area_id].append(engagement)
    area_totals = {
        row["area_id"]: row
        for row in in_year.values("area_id").annotate(
            n=Count("pk"), young=Sum("young_people_count")
        )
    }
    count_by_member = dict(
        in_year.values("member_id").annotate(n=Count("pk")).values_list("member_id", "n")
    )
    totals = in_year.aggregate(
        n=Count("pk"),
        young=Sum("young_people_count"),
        done=Count("pk", filter=Q(follow_up_status="done")),
        waiting=Count("pk", filter=Q(follow_up_status__in=("open", "in_progress"))),
    )
    areas = ChampionArea.objects.order_by("name").prefetch_related(
        Prefetch(
            "appointments",
            queryset=Appointment.objects.in_year(year).with_people(),
            to_attr="this_year",
        )
    )
    report = AnnualReport(
        year=year,
        title=f"Champion model: annual report {year.label}",
        sponsor=SPONSOR,
        author=f"{author}, {AUTHOR_ROLE}" if author else AUTHOR_ROLE,
        engagement_count=totals["n"],
        young_people=totals["young"] or 0,
        follow_ups_done=totals["done"],
        follow_ups_open=totals["waiting"],
    )
    member_areas: dict[int, tuple[Member, list[str]]] = {}
    for area in areas:
        champions = [a.member for a in area.this_year]
        if not champions:
            report.vacant.append(area.name)
        for member in champions:
            member_areas.setdefault(member.pk, (member, []))[1].append(area.name)
        total = area_totals.get(area.pk, {})
        report.areas.append(
            AreaSection(
                area=area,
                champions=champions,
                engagements=by_area.get(area.pk, []),
                total=total.get("n", 0),
                young_people=total.get("young") or 0,
            )
        )
    report.members = sorted(
        (
            MemberRow(
                member=member,
                areas=names,
                progress=progress_from_count(count_by_member.get(pk, 0), target),
            )
            for pk, (member, names) in member_areas.items()
        ),
        key=lambda row: row.member.name,
    )
    return report
