"""The coverage page's figures for a political year, built here so the view only fetches,
calls and renders. Vacant areas, champions and targets come from their one rule each
(ChampionAreaQuerySet.vacant_in / with_is_vacant, AppointmentQuerySet.current, target_for)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Count, Prefetch, Sum

from champions.models import Appointment, ChampionArea, ChampionSettings, Engagement, Member
from champions.progress import Progress, progress_from_count, target_for
from corporate_parenting.years import PoliticalYear


class AreaCover(StrEnum):
    """Whether the year's areas have champions: what the admin home and the coverage page say."""

    NO_AREAS = "no_areas"  # nothing to champion yet: say so, and where areas are added
    VACANT = "vacant"  # at least one area has no current champion
    COVERED = "covered"  # every area has a champion


def area_cover(area_count: int, vacant_count: int) -> AreaCover:
    """THE rule for the areas' state: "every area has a champion" only when there are areas."""
    if area_count == 0:
        return AreaCover.NO_AREAS
    return AreaCover.VACANT if vacant_count else AreaCover.COVERED


@dataclass
class MemberLine:
    member: Member
    is_champion: bool
    progress: Progress

    @property
    def name(self) -> str:
        return self.member.name


@dataclass
class Coverage:
    year: PoliticalYear
    settings: ChampionSettings
    areas: list[ChampionArea]  # each with is_vacant and this_year (appointments, ended too)
    members: list[MemberLine] = field(default_factory=list)
    engagements: int = 0
    young_people: int = 0

    @property
    def vacant(self) -> list[ChampionArea]:
        # is_vacant is ChampionAreaQuerySet.with_is_vacant's annotation.
        return [area for area in self.areas if getattr(area, "is_vacant", False)]

    @property
    def champions(self) -> list[MemberLine]:
        return [line for line in self.members if line.is_champion]

    @property
    def not_engaged(self) -> list[MemberLine]:
        return [line for line in self.champions if not line.progress.count]

    @property
    def engaged_count(self) -> int:
        return sum(1 for line in self.members if line.progress.count)

    @property
    def met_count(self) -> int:
        return sum(1 for line in self.champions if line.progress.met)


def coverage_for(year: PoliticalYear) -> Coverage:
    """Areas with their champions of the year (ended appointments with their end date), each
    member's progress against their own target, and the year's totals. Fixed query count."""
    settings = ChampionSettings.load()
    areas = list(
        ChampionArea.objects.with_is_vacant(year)
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.in_year(year)
                .with_people()
                .order_by("member__user__full_name"),
                to_attr="this_year",
            )
        )
        .order_by("name")
    )
    members = Member.objects.with_user().with_is_champion(year).order_by("user__full_name")
    # One pass over the year's engagements gives each member's count and the year's totals.
    per_member = (
        Engagement.objects.submitted()
        .in_year(year)
        .values("member_id")
        .annotate(n=Count("pk"), young=Sum("young_people_count"))
    )
    counts = {row["member_id"]: row["n"] for row in per_member}
    young_people = sum(row["young"] or 0 for row in per_member)
    return Coverage(
        year=year,
        settings=settings,
        areas=areas,
        members=[
            MemberLine(
                member=member,
                is_champion=member.is_champion,
                progress=progress_from_count(
                    counts.get(member.pk, 0), target_for(member, settings.engagement_target)
                ),
            )
            for member in members
        ],
        engagements=sum(counts.values()),
        young_people=young_people,
    )
