"""Reads for reports and agenda packs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import BooleanField, Case, DateField, ExpressionWrapper, F, Q, Value, When
from django.utils import timezone

if TYPE_CHECKING:
    from corporate_parenting.http import Visitor
    from corporate_parenting.models import User
    from panels.models import Meeting


def report_deadline(meeting: Meeting) -> date:
    """The day a meeting's reports are due with the clerk: the body's number of days before it.
    ReportQuerySet.with_deadline() is the same rule in SQL, tested against this one."""
    return meeting.date - timedelta(days=meeting.body.report_deadline_days)


class ReportQuerySet(models.QuerySet):
    def public(self) -> ReportQuerySet:
        """What anyone may read: published reports on published agendas of public bodies, never
        an exempt item's."""
        return self.filter(
            published_at__isnull=False,
            item__is_exempt=False,
            item__meeting__agenda_published_at__isnull=False,
            item__meeting__body__is_public=True,
        )

    def published_for_members(self) -> ReportQuerySet:
        """Published reports on published agendas, exempt ones included."""
        return self.filter(
            published_at__isnull=False, item__meeting__agenda_published_at__isnull=False
        )

    def visible_to(self, user: Visitor) -> ReportQuerySet:
        """Officers and admins see every report, drafts too; a councillor sees the published
        papers of the bodies they sit on; anyone else what is public."""
        if not user.is_authenticated:
            return self.public()
        if user.is_officer or user.is_portal_admin:
            return self
        return (
            self.published_for_members().filter(item__meeting__body__memberships__user=user)
            | self.public()
        )

    def with_deadline(self, today: date | None = None) -> ReportQuerySet:
        """deadline: the day the report is due (see report_deadline); is_late: still with its
        author after the deadline, for a meeting not yet past. The one place lateness is
        decided."""
        today = today or timezone.localdate()
        deadline = ExpressionWrapper(
            F("item__meeting__date") - F("item__meeting__body__report_deadline_days"),
            output_field=DateField(),
        )
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

    def late(self, today: date | None = None) -> ReportQuerySet:
        return self.with_deadline(today).filter(is_late=True)

    def for_author(self, user: User) -> ReportQuerySet:
        return self.filter(author=user)

    def awaiting_sponsor(self, user: User) -> ReportQuerySet:
        return self.filter(sponsor=user, status="submitted")

    def for_page(self) -> ReportQuerySet:
        return self.select_related(
            "item__meeting__body", "sponsor", "author", "published_by"
        ).prefetch_related("sections", "annexes", "indicators")

    def upcoming_or_open(self, today: date | None = None) -> ReportQuerySet:
        today = today or timezone.localdate()
        return self.filter(Q(item__meeting__date__gte=today) | ~Q(status="published"))


class PackBuildQuerySet(models.QuerySet):
    def ready(self) -> PackBuildQuerySet:
        return self.filter(status="ready")
