"""Reads for champions, with the domain's verbs. The political year comes from
corporate_parenting.years; a year here is a PoliticalYear."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from corporate_parenting.counting import count_of
from corporate_parenting.years import PoliticalYear, political_year_for

if TYPE_CHECKING:
    from corporate_parenting.models import User


def _model(name: str) -> Any:  # a model class; Any so that its manager's verbs type-check
    """Another champions model, looked up when a query runs (models.py imports this module)."""
    return apps.get_model("champions", name)


def judged_on(year: PoliticalYear, today: date | None = None) -> date:
    """The day a political year's champions are judged on: today while the year runs, its last
    day once it is over, its first day before it starts."""
    today = today or timezone.localdate()
    return min(max(today, year.start), year.end)


class MemberQuerySet(models.QuerySet):
    def with_user(self) -> MemberQuerySet:
        return self.select_related("user")

    def champions_in(self, year: PoliticalYear) -> MemberQuerySet:
        """Members with a current appointment in that political year."""
        current = _model("Appointment").objects.current(year)
        return self.filter(pk__in=current.values("member_id"))

    def with_engagement_count(self, year: PoliticalYear) -> MemberQuerySet:
        """engagement_count: submitted engagements dated in that political year."""
        rows = _model("Engagement").objects.filter(
            member=OuterRef("pk"), status="submitted", date__gte=year.start, date__lte=year.end
        )
        return self.annotate(engagement_count=count_of(rows, "member"))

    def with_first_appointed(self) -> MemberQuerySet:
        """first_appointed_at: when the member's first appointment (of any year) was recorded,
        None for a member never appointed. champions.progress.chased_from reads it."""
        first = (
            _model("Appointment")
            .objects.filter(member=OuterRef("pk"))
            .order_by("created_at")
            .values("created_at")[:1]
        )
        return self.annotate(first_appointed_at=Subquery(first))

    def with_is_champion(self, year: PoliticalYear) -> MemberQuerySet:
        """is_champion: a current appointment in that political year."""
        current = _model("Appointment").objects.current(year)
        return self.annotate(is_champion=Exists(current.filter(member=OuterRef("pk"))))


class ChampionAreaQuerySet(models.QuerySet):
    def with_champion_count(self, year: PoliticalYear) -> ChampionAreaQuerySet:
        """champion_count: current appointments in that political year."""
        rows = _model("Appointment").objects.current(year).filter(area=OuterRef("pk"))
        return self.annotate(champion_count=count_of(rows, "area"))

    def with_is_vacant(self, year: PoliticalYear) -> ChampionAreaQuerySet:
        """is_vacant: the rule of vacant_in, as a value on each area."""
        current = _model("Appointment").objects.current(year)
        return self.annotate(is_vacant=~Exists(current.filter(area=OuterRef("pk"))))

    def with_open_follow_up_count(self) -> ChampionAreaQuerySet:
        rows = _model("Engagement").objects.open_follow_ups().filter(area=OuterRef("pk"))
        return self.annotate(open_follow_ups=count_of(rows, "area"))

    def vacant_in(self, year: PoliticalYear) -> ChampionAreaQuerySet:
        """THE vacant rule: areas with no current champion in that political year (an
        appointment that ended before the day the year is judged on does not count)."""
        current = _model("Appointment").objects.current(year)
        return self.exclude(pk__in=current.values("area_id"))

    def championed_by(self, member, year: PoliticalYear) -> ChampionAreaQuerySet:
        """Areas the member currently champions in that political year."""
        current = _model("Appointment").objects.current(year).filter(member=member)
        return self.filter(pk__in=current.values("area_id"))

    def linked_to(self, officer: User) -> ChampionAreaQuerySet:
        return self.filter(link_officers__officer=officer).distinct()


class AppointmentQuerySet(models.QuerySet):
    def in_year(self, year: PoliticalYear) -> AppointmentQuerySet:
        """Every appointment of that political year, ended ones included (the year's history)."""
        return self.filter(start_year=year.start_year)

    def active_on(self, day: date) -> AppointmentQuerySet:
        """THE current-appointment rule: in the political year of that day, and not ended
        before it (the end date is the last day served)."""
        return self._serving(political_year_for(day), day)

    def current(self, year: PoliticalYear) -> AppointmentQuerySet:
        """Appointments active on the day the political year is judged on (see judged_on)."""
        return self._serving(year, judged_on(year))

    def _serving(self, year: PoliticalYear, day: date) -> AppointmentQuerySet:
        return self.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day), start_year=year.start_year
        )

    def with_people(self) -> AppointmentQuerySet:
        return self.select_related("member__user", "area")


class LinkOfficerQuerySet(models.QuerySet):
    def with_people(self) -> LinkOfficerQuerySet:
        return self.select_related("officer", "area")

    def for_areas(self, areas) -> LinkOfficerQuerySet:
        return self.filter(area__in=areas)


# THE open follow-up rule: a submitted engagement whose follow-up is open or in progress. The
# engagement table's partial index for officers' lists is built on the same condition.
OPEN_FOLLOW_UP = Q(status="submitted", follow_up_status__in=("open", "in_progress"))
# THE "You said, we did" rule: a done follow-up an officer chose to show the public (the
# constraint on the table allows the choice only once the follow-up is done). Its partial index
# is built on the same condition.
YOU_SAID_WE_DID = Q(status="submitted", follow_up_status="done", show_in_you_said_we_did=True)


class EngagementQuerySet(models.QuerySet):
    def in_year(self, year: PoliticalYear) -> EngagementQuerySet:
        return self.filter(date__gte=year.start, date__lte=year.end)

    def submitted(self) -> EngagementQuerySet:
        return self.filter(status="submitted")

    def most_recent_in_areas(self, area_ids: Iterable[int], count: int) -> EngagementQuerySet:
        """The `count` most recent of these engagements in each of those areas (by date, then
        newest logged). One query: each area's few are read from its (area, date) index and the
        keys joined (UNION ALL), rather than ranking every engagement of the year (a window over
        5,000 rows at ten times the demo, for 240 kept)."""
        parts = [
            self.filter(area_id=area_id).order_by("-date", "-pk").values("pk")[:count]
            for area_id in area_ids
        ]
        if not parts:
            return cast(EngagementQuerySet, self.none())
        kept = self.model._default_manager.filter(pk__in=parts[0].union(*parts[1:], all=True))
        return cast(EngagementQuerySet, kept)  # the default manager is this queryset's

    def drafts(self) -> EngagementQuerySet:
        return self.filter(status="draft")

    def with_people(self) -> EngagementQuerySet:
        return self.select_related("member__user", "area")

    def open_follow_ups(self) -> EngagementQuerySet:
        """Submitted engagements whose follow-up is open or in progress."""
        return self.filter(OPEN_FOLLOW_UP)

    def in_areas_of(self, officer: User) -> EngagementQuerySet:
        """Engagements in the officer's link areas. The area ids are read first: given the ids,
        the planner uses the area's index; given a join, it scanned every engagement by date
        looking for an area's few (120 ms at ten times the demo, 0.1 ms now)."""
        area_ids = list(_area_ids_linked_to(officer).values_list("area_id", flat=True))
        return self.filter(area__in=area_ids)

    def visible_to(self, user: User) -> EngagementQuerySet:
        """Admins see every submitted engagement; link officers those in their areas;
        councillors their own, drafts included. Nobody sees another person's drafts."""
        # A subquery rather than a join keeps the count on large lists quick.
        own = Q(member__in=_model("Member").objects.filter(user=user).values("pk"))
        if user.is_portal_admin:
            return self.filter(own | Q(status="submitted"))
        if user.is_officer:
            return self.filter(
                own
                | Q(
                    status="submitted",
                    area__in=_area_ids_linked_to(user),
                )
            )
        return self.filter(own)

    def respondable_by(self, user: User) -> EngagementQuerySet:
        """Follow-ups this person may answer: admins any, link officers those in their areas."""
        rows = self.submitted().exclude(follow_up_status="")
        if user.is_portal_admin:
            return rows
        if user.is_officer:
            return rows.filter(area__in=_area_ids_linked_to(user))
        return rows.none()

    def you_said_we_did(self) -> EngagementQuerySet:
        """The public root: done follow-ups an officer marked for "You said, we did". Whatever
        the public sees of engagements (the page, the voice summary's counts) starts here."""
        return self.filter(YOU_SAID_WE_DID)

    def for_you_said_we_did(self) -> models.QuerySet:
        """Done follow-ups an officer marked for the public "You said, we did" page.

        Public-safe values only: area, date, what young people said, the response. Never who.
        """
        return (
            self.you_said_we_did()
            .order_by("-date", "-pk")
            .values(
                "pk", "area__name", "area__slug", "date", "young_people_said", "follow_up_response"
            )
        )


class PlanItemQuerySet(models.QuerySet):
    def in_year(self, year: PoliticalYear) -> PlanItemQuerySet:
        return self.filter(start_year=year.start_year)

    def with_done_by(self) -> PlanItemQuerySet:
        return self.select_related("area", "done_by")

    def open(self) -> PlanItemQuerySet:
        return self.filter(done_by__isnull=True)


def marked_can_open(rows: models.QuerySet, user: User) -> list[Any]:
    """These engagements, each with can_open: whether this person may open its page (the rule
    is visible_to). Asked by id for the rows at hand: as a correlated EXISTS the planner
    checked visible_to against every engagement (17 ms at ten times the demo)."""
    engagements = list(rows)
    openable = set(
        _model("Engagement")
        .objects.visible_to(user)
        .filter(pk__in=[engagement.pk for engagement in engagements])
        .values_list("pk", flat=True)
    )
    for engagement in engagements:
        engagement.can_open = engagement.pk in openable
    return engagements


def _area_ids_linked_to(user: User) -> models.QuerySet:
    return _model("LinkOfficer").objects.filter(officer=user).values("area_id")
