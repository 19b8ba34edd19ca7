"""A body's work programme: the items it plans to take at its meetings across the year."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel
from panels.models.bodies import Body
from panels.models.meetings import AgendaItem, Meeting
from panels.querysets import PlannedItemQuerySet
from panels.reports.querysets import deadline_before


class PlannedOutcome(models.TextChoices):
    PLANNED = "planned", "Planned"
    TAKEN = "taken", "Taken"
    DROPPED = "dropped", "Dropped"


class PlannedItem(BaseModel):
    """An item the body plans to take in a month: who writes the report, who sponsors it. It is
    taken when it becomes an agenda item, deferred when moved to a later month, or dropped."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="planned_items")
    title = models.CharField(max_length=250)
    # The first day of the month it is planned for; original_month, the first month it was
    # planned for: a later month means it was deferred.
    month = models.DateField()
    original_month = models.DateField()
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_items",
        help_text="The meeting it is planned for, once arranged.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_items_owned",
        help_text="The officer who writes the report.",
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_items_sponsored",
    )
    notes = models.TextField(blank=True)
    outcome = models.CharField(
        max_length=10, choices=PlannedOutcome.choices, default=PlannedOutcome.PLANNED
    )
    outcome_note = models.CharField(max_length=300, blank=True)
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_from",
    )

    objects = PlannedItemQuerySet.as_manager()

    class Meta:
        ordering = ("body", "month", "created_at")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__day=1) & models.Q(original_month__day=1),
                name="panels_planned_month_first_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.month:%B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("panels:planned_item_edit", kwargs={"pk": self.pk})

    @property
    def report_deadline(self) -> date | None:
        """When its report is due with the clerk (deadline_before), from the meeting_date of
        PlannedItem.objects.with_meeting_date(); None until its meeting is arranged."""
        day = getattr(self, "meeting_date", None)
        return deadline_before(day, self.body.report_deadline_days) if day else None

    @property
    def is_deferred(self) -> bool:
        return self.month > self.original_month

    @property
    def outcome_label(self) -> str:
        """What became of it, in words: the programme page, its CSV and the public page."""
        if self.outcome == PlannedOutcome.TAKEN:
            meeting = self.agenda_item.meeting if self.agenda_item else self.meeting
            return f"Taken at the meeting on {meeting.date:%-d %B %Y}" if meeting else "Taken"
        if self.outcome == PlannedOutcome.DROPPED:
            return f"Dropped: {self.outcome_note}" if self.outcome_note else "Dropped"
        if self.is_deferred:
            return f"Deferred from {self.original_month:%B %Y}"
        return "Planned"


def first_of_month(day: date) -> date:
    return day.replace(day=1)
