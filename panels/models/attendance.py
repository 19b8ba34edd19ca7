"""Who attended a meeting, and the interests members declared."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corporate_parenting.models import BaseModel
from panels.models.meetings import AgendaItem, Meeting
from panels.querysets import AttendanceQuerySet, DeclarationQuerySet


class AttendanceKind(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Substitute"
    OFFICER = "officer", "Officer in attendance"
    ALSO_PRESENT = "also_present", "Also present"


class Attendance(BaseModel):
    """One person at (or sending apologies to) one meeting, or one seat without an account (a
    Children in Care Council seat on the Board: `seat` set, `user` empty, named by the seat).
    Young people who come along are a count on the meeting, never a row here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    kind = models.CharField(max_length=20, choices=AttendanceKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panel_attendance",
    )
    seat = models.ForeignKey(
        "panels.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The seat without an account this row is for.",
    )
    name = models.CharField(max_length=150, help_text="As printed in the minutes.")
    role = models.CharField(max_length=150, blank=True, help_text="Role or job title.")
    position = models.PositiveSmallIntegerField(default=0)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ("meeting", "kind", "position", "name")
        constraints = [
            models.UniqueConstraint(
                fields=("meeting", "user"),
                condition=models.Q(user__isnull=False),
                name="panels_one_attendance_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class DeclarationKind(models.TextChoices):
    PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
    REGISTERABLE = "registerable", "Other registerable interest"
    NON_REGISTERABLE = "non_registerable", "Non-registerable interest"


class Declaration(BaseModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_declarations"
    )
    item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declarations",
        help_text="Leave empty for a general declaration.",
    )
    kind = models.CharField(max_length=20, choices=DeclarationKind.choices)
    text = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ("meeting", "created_at")

    def __str__(self) -> str:
        return f"{self.member}: {self.text[:60]}"
