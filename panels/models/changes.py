"""Changes to a meeting after its agenda is published: who made them, why, and what the public
and members are told."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corporate_parenting.models import BaseModel
from panels.models.meetings import Meeting


class ChangeKind(models.TextChoices):
    MOVED = "moved", "Moved"
    DETAILS = "details", "Time or place changed"
    ITEM_ADDED = "item_added", "Item added"
    ITEM_WITHDRAWN = "item_withdrawn", "Item withdrawn"
    CANCELLED = "cancelled", "Cancelled"


class MeetingChange(BaseModel):
    """One change to a published meeting: what changed in words ("Moved from 11 June 2026 at
    6.30 pm to 18 June 2026 at 6.30 pm"), the clerk's reason, and the reason for short notice
    when the new arrangement gives less than the notice the rule asks for."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    summary = models.CharField(max_length=400)
    reason = models.TextField()
    short_notice_reason = models.TextField(blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("meeting", "created_at")

    def __str__(self) -> str:
        return self.summary
