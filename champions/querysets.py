"""Reads for champions, with the domain's verbs. The political year comes from
corporate_parenting.years; a year here is a PoliticalYear."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from corporate_parenting.years import PoliticalYear

if TYPE_CHECKING:
    from corporate_parenting.models import User


class MemberQuerySet(models.QuerySet):
    def with_user(self) -> MemberQuerySet:
        return self.select_related("user")

    def champions_in(self, year: PoliticalYear) -> MemberQuerySet:
        """Members with an appointment in that political year."""
        return self.filter(appointments__start_year=year.start_year).distinct()

    def with_engagement_count(self, year: PoliticalYear) -> MemberQuerySet:
        """engagement_count: submitted engagements dated in that political year."""
        from champions.models import Engagement

        rows = Engagement.objects.filter(
            member=OuterRef("pk"), status="submitted", date__gte=year.start, date__lte=year.end
        )
        return self.annotate(engagement_count=_count_of(rows, "member"))

    def with_is_champion(self, year: PoliticalYear) -> MemberQuerySet:
        from champions.models import Appointment

        return self.annotate(
            is_champion=Exists(
                Appointment.objects.filter(member=OuterRef("pk"), start_year=year.start_year)
            )
        )


class ChampionAreaQuerySet(models.QuerySet):
    def with_champion_count(self, year: PoliticalYear) -> ChampionAreaQuerySet:
        from champions.models import Appointment

        rows = Appointment.objects.filter(area=OuterRef("pk"), start_year=year.start_year)
        return self.annotate(champion_count=_count_of(rows, "area"))

    def with_open_follow_up_count(self) -> ChampionAreaQuerySet:
        from champions.models import Engagement

        rows = Engagement.objects.open_follow_ups().filter(area=OuterRef("pk"))
        return self.annotate(open_follow_ups=_count_of(rows, "area"))

    def vacant_in(self, year: PoliticalYear) -> ChampionAreaQuerySet:
        """Areas with no champion appointed for that political year."""
        return self.exclude(appointments__start_year=year.start_year)

    def championed_by(self, member, year: PoliticalYear) -> ChampionAreaQuerySet:
        return self.filter(
            appointments__member=member, appointments__start_year=year.start_year
        ).distinct()

    def linked_to(self, officer: User) -> ChampionAreaQuerySet:
        return self.filter(link_officers__officer=officer).distinct()


class AppointmentQuerySet(models.QuerySet):
    def in_year(self, year: PoliticalYear) -> AppointmentQuerySet:
        return self.filter(start_year=year.start_year)

    def with_people(self) -> AppointmentQuerySet:
        return self.select_related("member__user", "area")


class LinkOfficerQuerySet(models.QuerySet):
    def with_people(self) -> LinkOfficerQuerySet:
        return self.select_related("officer", "area")

    def for_areas(self, areas) -> LinkOfficerQuerySet:
        return self.filter(area__in=areas)


class EngagementQuerySet(models.QuerySet):
    def in_year(self, year: PoliticalYear) -> EngagementQuerySet:
        return self.filter(date__gte=year.start, date__lte=year.end)

    def submitted(self) -> EngagementQuerySet:
        return self.filter(status="submitted")

    def drafts(self) -> EngagementQuerySet:
        return self.filter(status="draft")

    def with_people(self) -> EngagementQuerySet:
        return self.select_related("member__user", "area")

    def open_follow_ups(self) -> EngagementQuerySet:
        """Submitted engagements whose follow-up is open or in progress."""
        return self.submitted().filter(follow_up_status__in=("open", "in_progress"))

    def in_areas_of(self, officer: User) -> EngagementQuerySet:
        return self.filter(area__link_officers__officer=officer)

    def visible_to(self, user: User) -> EngagementQuerySet:
        """Admins see every submitted engagement; link officers those in their areas;
        councillors their own, drafts included. Nobody sees another person's drafts."""
        from champions.models import Member

        # A subquery rather than a join keeps the count on large lists quick.
        own = Q(member__in=Member.objects.filter(user=user).values("pk"))
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

    def for_you_said_we_did(self) -> models.QuerySet:
        """Done follow-ups an officer marked for the public "You said, we did" page.

        Public-safe values only: area, date, what young people said, the response. Never who.
        """
        return (
            self.submitted()
            .filter(follow_up_status="done", show_in_you_said_we_did=True)
            .order_by("-date", "-pk")
            .values(
                "pk", "area__name", "area__slug", "date", "young_people_said", "follow_up_response"
            )
        )


def _count_of(rows: models.QuerySet, group: str) -> Coalesce:
    """COUNT(*) of a correlated subquery, as an annotation (0 when there are none)."""
    counted = rows.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _area_ids_linked_to(user: User) -> models.QuerySet:
    from champions.models import LinkOfficer

    return LinkOfficer.objects.filter(officer=user).values("area_id")
