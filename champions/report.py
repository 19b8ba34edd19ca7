"""The annual champion report: per area and per member, what was done, what was heard and what
changed in a political year. One function builds it for the page and the PDF alike."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from champions.models import Appointment, ChampionArea, ChampionSettings, Engagement, Member
from champions.progress import Progress, progress_from_count
from corporate_parenting.models import User
from corporate_parenting.years import PoliticalYear

SPONSOR = "Director of Children's Services"
AUTHOR_ROLE = "Participation and Engagement Team"


@dataclass
class AreaSection:
    area: ChampionArea
    champions: list[Member]
    engagements: list[Engagement]
    young_people: int = 0

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
    target = ChampionSettings.load().engagement_target
    engagements = list(
        Engagement.objects.submitted()
        .in_year(year)
        .select_related("member__user", "area")
        .order_by("date", "pk")
    )
    by_area: dict[int, list[Engagement]] = defaultdict(list)
    count_by_member: dict[int, int] = defaultdict(int)
    for engagement in engagements:
        if engagement.area_id:
            by_area[engagement.area_id].append(engagement)
        count_by_member[engagement.member_id] += 1
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
        engagement_count=len(engagements),
        young_people=sum(e.young_people_count for e in engagements),
        follow_ups_done=sum(1 for e in engagements if e.follow_up_status == "done"),
        follow_ups_open=sum(
            1 for e in engagements if e.follow_up_status in ("open", "in_progress")
        ),
    )
    member_areas: dict[int, tuple[Member, list[str]]] = {}
    for area in areas:
        champions = [a.member for a in area.this_year]
        if not champions:
            report.vacant.append(area.name)
        for member in champions:
            member_areas.setdefault(member.pk, (member, []))[1].append(area.name)
        rows = by_area.get(area.pk, [])
        report.areas.append(
            AreaSection(
                area=area,
                champions=champions,
                engagements=rows,
                young_people=sum(e.young_people_count for e in rows),
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
