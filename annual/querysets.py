"""Reads for annual reports. `public()` is the only door to what anyone may read; everything
public (the list, the page, the PDFs, the feed) is built on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models

from corporate_parenting.permissions import is_council_staff

if TYPE_CHECKING:
    from corporate_parenting.http import Visitor


class AnnualReportQuerySet(models.QuerySet):
    def published(self) -> AnnualReportQuerySet:
        """Published by the clerk: the recorded act."""
        return self.filter(published_at__isnull=False, status="published")

    def public(self) -> AnnualReportQuerySet:
        """What anyone may read: a public body's published report. A draft, or a report approved
        by the panel but not yet published, is never public."""
        bodies = apps.get_model("panels", "Body").objects.public()
        return self.published().filter(body__in=bodies)

    def visible_to(self, user: Visitor) -> AnnualReportQuerySet:
        """Officers and admins: every report, drafts too. Councillors and partners who sit on
        the body: its reports at every stage, as members read drafts. Anyone else: public ones."""
        if is_council_staff(user):
            return self
        if user is None or not user.is_authenticated:
            return self.public()
        bodies = apps.get_model("panels", "Body").objects.filter(memberships__user=user)
        return self.filter(models.Q(body__in=bodies) | models.Q(pk__in=self.public().values("pk")))

    def for_page(self) -> AnnualReportQuerySet:
        return self.select_related(
            "body",
            "resolution__item__meeting",
            "resolution__decision_status",
            "approved_by",
            "published_by",
            "started_by",
        ).prefetch_related("priorities__objective__priority")


class AnnualBuildQuerySet(models.QuerySet):
    def ready(self) -> AnnualBuildQuerySet:
        return self.filter(status="ready")
