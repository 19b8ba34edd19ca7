"""Reads for reports and agenda packs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import DateField, ExpressionWrapper, F, Q
from django.utils import timezone

if TYPE_CHECKING:
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

    def visible_to(self, user: User) -> ReportQuerySet:
        """Officers and admins see every report, drafts too; a councillor sees the published
        papers of the bodies they sit on; anyone else what is public."""
        if not user.is_authenticated:
            return self.public()
        if user.is_officer or user.is_portal_admin:
            return self
        return self.published_for_members().filter(
            item__meeting__body__memberships__user=user
        ) | self.public()

    def with_deadline(self) -> ReportQuerySet:
        return self.annotate(
            deadline=ExpressionWrapper(
                F("item__meeting__date") - F("item__meeting__body__report_deadline_days"),
                output_field=DateField(),
            )
        )

    def late(self, today: date | None = None) -> ReportQuerySet:
        """Reports still with their author after the deadline, for meetings not yet held."""
        today = today or timezone.localdate()
        return (
            self.with_deadline()
            .filter(status__in=("draft", "returned"), deadline__lt=today)
            .filter(item__meeting__date__gte=today)
        )

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
