"""The corporate parenting strategy as data: the council's priorities, each with objectives,
and what serves each objective (panel actions, KPIs, offer entries).

Progress is derived from those links (strategy/progress.py), never typed in.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel


class PriorityQuerySet(models.QuerySet["Priority"]):
    def current(self) -> PriorityQuerySet:
        """Priorities still in the strategy (not retired)."""
        return self.filter(retired_at__isnull=True)

    def retired(self) -> PriorityQuerySet:
        return self.filter(retired_at__isnull=False)


class ObjectiveQuerySet(models.QuerySet["Objective"]):
    def of_current_priorities(self) -> ObjectiveQuerySet:
        return self.filter(priority__retired_at__isnull=True)


class Priority(BaseModel):
    """One strategic priority ("Stability", "Health"...). Retired, never deleted, so the KPIs,
    reports and objectives that named it keep their history."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Short name used in web addresses."
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = PriorityQuerySet.as_manager()

    class Meta:
        ordering = ("position", "name")
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:priority_detail", kwargs={"slug": self.slug})

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Objective(BaseModel):
    """What the council means to achieve under a priority, and what serves it."""

    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="objectives")
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    actions = models.ManyToManyField(
        "panels.Resolution",
        blank=True,
        related_name="objectives",
        limit_choices_to={"is_action": True},
        verbose_name="panel actions",
    )
    indicators = models.ManyToManyField(
        "offer.Indicator", blank=True, related_name="objectives", verbose_name="KPIs"
    )
    offer_entries = models.ManyToManyField(
        "offer.OfferEntry", blank=True, related_name="objectives", verbose_name="offer entries"
    )

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ("priority__position", "position", "title")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:objective_detail", kwargs={"pk": self.pk})
