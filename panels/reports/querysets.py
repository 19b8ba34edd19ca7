"""Reads for reports and agenda packs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models
from django.db.models import BooleanField, Case, DateField, Q, Value, When
from django.utils import timezone

from corporate_parenting.permissions import is_council_staff
from panels.notice import working_day_on_or_before

if TYPE_CHECKING:
    from corporate_parenting.http import Visitor
    from corporate_parenting.models import User
    from panels.models import Meeting


def deadline_before(meeting_date: date, days_before: int) -> date:
    """The day reports are due with the clerk: the body's number of days before the meeting,
    moved back to the working day before when that falls on a weekend or a bank holiday."""
    return working_day_on_or_before(meeting_date - timedelta(days=days_before))


def report_deadline(meeting: Meeting) -> date:
    """The day a meeting's reports are due (deadline_before). ReportQuerySet.with_deadline()
    gives each report the same day."""
    return deadline_before(meeting.date, meeting.body.report_deadline_days)


class ReportQuerySet(models.QuerySet):
    def published(self) -> ReportQuerySet:
        """Reports published by the clerk: the recorded act, whatever the agenda."""
        return self.filter(published_at__isnull=False)

    def public(self) -> ReportQuerySet:
        """What anyone may read: published reports on public items
        (AgendaItem.objects.public(): a published agenda of a public body, never an exempt
        item's)."""
        items = apps.get_model("panels", "AgendaItem").objects.public()
        return self.published().filter(item__in=items)

    def published_for_members(self) -> ReportQuerySet:
        """Published reports on published agendas, exempt ones included: the full pack."""
        meetings = apps.get_model("panels", "Meeting").objects.published()
        return self.published().filter(item__meeting__in=meetings)

    def visible_to(self, user: Visitor) -> ReportQuerySet:
        """Officers and admins see every report, drafts too; a councillor the published reports
        whose papers they may read (AgendaItem.objects.papers_visible_to: their bodies' from
        publication); anyone else what is public."""
        if is_council_staff(user):
            return self
        items = apps.get_model("panels", "AgendaItem").objects.papers_visible_to(user)
        return self.published().filter(item__in=items)

    def with_deadline(self, today: date | None = None) -> ReportQuerySet:
        """deadline: the day the report is due (see report_deadline); is_late: still with its
        author after the deadline, for a meeting not yet past. The one place lateness is
        decided."""
        today = today or timezone.localdate()
        # Working days are not SQL: each meeting's deadline is worked out here (one query for
        # the meetings of these reports) and given to the database as a value per meeting.
        meetings = (
            self.order_by()
            .values_list(
                "item__meeting_id",
                "item__meeting__date",
                "item__meeting__body__report_deadline_days",
            )
            .distinct()
        )
        days = [
            When(item__meeting_id=pk, then=Value(deadline_before(day, before)))
            for pk, day, before in meetings
        ]
        deadline = Case(*days, default=None, output_field=DateField())
        return self.annotate(
            deadline=deadline,
            is_late=Case(
                When(
                    Q(status__in=("draft", "returned"))
                    & Q(item__meeting__date__gte=today)
                    & Q(deadline__lt=today),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )

    def to_follow(self, *, public: bool) -> ReportQuerySet:
        """Reports not published yet, which the agenda says are to follow. public=True: only
        those commissioned before the agenda was published, which the published agenda
        announced; what was commissioned after it is for the public to learn of when it is
        published (a supplement)."""
        unpublished = self.filter(published_at__isnull=True)
        if not public:
            return unpublished
        return unpublished.filter(
            item__meeting__agenda_published_at__isnull=False,
            created_at__lte=models.F("item__meeting__agenda_published_at"),
        )

    def awaiting_supplement(self, meeting: Meeting) -> ReportQuerySet:
        """Reports of this meeting approved by their sponsor but not published, its agenda out:
        late papers, which the clerk publishes in a supplement."""
        return self.filter(
            item__meeting=meeting,
            item__meeting__agenda_published_at__isnull=False,
            status="approved",
            published_at__isnull=True,
        )

    def late(self, today: date | None = None) -> ReportQuerySet:
        return self.with_deadline(today).filter(is_late=True)

    def for_author(self, user: User) -> ReportQuerySet:
        return self.filter(author=user)

    def awaiting_sponsor(self, user: User) -> ReportQuerySet:
        return self.filter(sponsor=user, status="submitted")

    def for_page(self) -> ReportQuerySet:
        return self.select_related(
            "item__meeting__body", "sponsor", "author", "published_by"
        ).prefetch_related("sections", "annexes", "indicators", "voice_themes")

    def upcoming_or_open(self, today: date | None = None) -> ReportQuerySet:
        today = today or timezone.localdate()
        return self.filter(Q(item__meeting__date__gte=today) | ~Q(status="published"))


class PackBuildQuerySet(models.QuerySet):
    def ready(self) -> PackBuildQuerySet:
        return self.filter(status="ready")
