"""Reads of the strategy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    pass


class PriorityQuerySet(models.QuerySet["Priority"]):
    def current(self) -> PriorityQuerySet:
        """Priorities still in the strategy (not retired)."""
        return self.filter(retired_at__isnull=True)

    def retired(self) -> PriorityQuerySet:
        return self.filter(retired_at__isnull=False)


class ObjectiveQuerySet(models.QuerySet["Objective"]):
    def of_current_priorities(self) -> ObjectiveQuerySet:
        return self.filter(priority__retired_at__isnull=True)
