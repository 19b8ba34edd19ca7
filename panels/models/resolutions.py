"""Resolutions under a minute, the actions they set and their updates, decision statuses, and amendments to approved minutes."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel
from panels.models.meetings import AgendaItem
from panels.querysets import OPEN_STATUSES, ResolutionQuerySet


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class DecisionStatus(BaseModel):
    """What became of a resolution: "Recommendations Approved", "Noted", "Deferred"... Kept as
    data so each council uses its own words; a status no longer used is retired, not deleted."""

    name = models.CharField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField("in use", default=True)

    class Meta:
        ordering = ("position", "name")
        verbose_name_plural = "decision statuses"

    def __str__(self) -> str:
        return self.name


class Resolution(BaseModel):
    """One numbered line under RESOLVED. It may be an action with an owner and a due date."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="resolutions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    is_action = models.BooleanField(default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="panel_actions",
    )
    owner_is_members = models.BooleanField(
        default=False, help_text="The members of the body own this action together."
    )
    due_date = models.DateField(null=True, blank=True)
    due_next_meeting = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=ActionStatus.choices, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    decision_status = models.ForeignKey(
        DecisionStatus, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_key_decision = models.BooleanField("key decision", default=False)
    subject_to_call_in = models.BooleanField(default=False)
    call_in_deadline = models.DateField("call-in deadline", null=True, blank=True)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ("item", "position")
        constraints = [
            models.UniqueConstraint(
                fields=("item", "position"), name="panels_resolution_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(is_action=False)
                | models.Q(owner__isnull=False)
                | models.Q(owner_is_members=True),
                name="panels_action_has_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(subject_to_call_in=False)
                | models.Q(call_in_deadline__isnull=False),
                name="panels_call_in_has_deadline",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if not self.is_action:
            return
        errors = {}
        if self.owner_id is None and not self.owner_is_members:
            errors["owner"] = "Choose who owns this action: an officer, or the members together"
        if self.owner_id is not None and self.owner_is_members:
            errors["owner"] = "Choose an officer or the members together, not both"
        if self.due_date is None and not self.due_next_meeting:
            errors["due_date"] = "Enter the date this action is due, or choose the next meeting"
        if errors:
            raise ValidationError(errors)

    @property
    def owner_label(self) -> str:
        if self.owner_is_members:
            return "Members of the body"
        return str(self.owner) if self.owner else ""

    @property
    def is_open(self) -> bool:
        return self.is_action and self.status in OPEN_STATUSES

    def get_absolute_url(self) -> str:
        return reverse("panels:action_detail", kwargs={"pk": self.pk})


class ActionUpdate(BaseModel):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices)

    class Meta:
        ordering = ("resolution", "created_at")

    def __str__(self) -> str:
        return self.text[:60]


class Amendment(BaseModel):
    """A correction to minutes after they were approved: what changed, why, who and when."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="amendments")
    previous_text = models.TextField()
    new_text = models.TextField()
    reason = models.TextField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("item", "created_at")

    def __str__(self) -> str:
        return f"Amendment to {self.item}"
