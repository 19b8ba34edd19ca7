"""Matters the Children in Care Council (or the care leavers' forum) raise for the Board: "you
asked". The participation officer enters each one for the young people; it gets an owner, a
date it is due and a response. Open ones stand on the Board's agenda until answered, overdue
ones are chased like actions, and an answered one the officer chose to show publicly is a "you
said, we did" answer.

The state (open, answered, overdue) is decided in one place, MatterQuerySet.with_state(); the
model's `state` property reads the same rule.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.models import BaseModel


class MatterState(models.TextChoices):
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    OVERDUE = "overdue", "Overdue"


# The colour of each state's tag on the pages.
STATE_TAG = {
    MatterState.OPEN: "govuk-tag--blue",
    MatterState.ANSWERED: "govuk-tag--green",
    MatterState.OVERDUE: "govuk-tag--red",
}


class MatterQuerySet(models.QuerySet["Matter"]):
    def with_state(self, today: datetime.date | None = None) -> MatterQuerySet:
        """state_now: answered once a response is recorded; otherwise overdue when its due date
        has passed, and open until then. Decided here and nowhere else: the list, its filter,
        the detail page, the Board's agenda and the reminders all read it."""
        today = today or timezone.localdate()
        return self.annotate(
            state_now=Case(
                When(answered_at__isnull=False, then=Value(MatterState.ANSWERED.value)),
                When(due_on__lt=today, then=Value(MatterState.OVERDUE.value)),
                default=Value(MatterState.OPEN.value),
                output_field=models.CharField(),
            )
        )

    def in_state(self, state: str, today: datetime.date | None = None) -> MatterQuerySet:
        return self.with_state(today).filter(state_now=state)  # type: ignore[misc]  # annotated by with_state()

    def unanswered(self) -> MatterQuerySet:
        """Open, overdue or not: no response recorded yet."""
        return self.filter(answered_at__isnull=True)

    def answered(self) -> MatterQuerySet:
        return self.filter(answered_at__isnull=False)

    def overdue(self, today: datetime.date | None = None) -> MatterQuerySet:
        return self.in_state(MatterState.OVERDUE, today)

    def before_board(self, meeting: Any) -> MatterQuerySet:
        """The Board's standing item for a meeting: matters for the meeting's body raised
        before the meeting and not answered by then."""
        return self.filter(
            Q(answered_at__isnull=True) | Q(answered_at__date__gte=meeting.date),
            board=meeting.body,
            raised_on__lt=meeting.date,
        )

    def you_said_we_did(self) -> MatterQuerySet:
        """What the public may read: answered matters the participation officer chose to show
        publicly (an explicit, recorded act), the question and the response only."""
        return self.answered().filter(shown_publicly_at__isnull=False)

    def visible_to(self, user: Any) -> MatterQuerySet:
        """Council staff read every matter; a councillor those for the bodies they sit on
        (Body.objects.visible_to) and those they own."""
        if user.is_authenticated and user.is_council_staff:
            return self
        if not user.is_authenticated:
            return self.none()
        body = apps.get_model("panels", "Body")
        return self.filter(Q(board__in=body.objects.visible_to(user)) | Q(owner=user))

    def for_list(self) -> MatterQuerySet:
        return (
            self.with_state().select_related("raised_by", "board", "owner").order_by("due_on", "pk")
        )


class Matter(BaseModel):
    """One matter a body of young people raised for the Board. What they asked, never who."""

    raised_by = models.ForeignKey(
        "panels.Body",
        on_delete=models.PROTECT,
        related_name="matters_raised",
        help_text="The Children in Care Council or the care leavers' forum.",
    )
    raised_on = models.DateField()
    title = models.CharField(max_length=150, help_text="A few words, for lists and the agenda.")
    asked = models.TextField(help_text="What they asked, in their words. Never a name.")
    themes = models.ManyToManyField("voice.Theme", blank=True, related_name="matters")
    board = models.ForeignKey(
        "panels.Body",
        on_delete=models.PROTECT,
        related_name="matters",
        help_text="The Board or panel the matter is for: on its agenda until answered.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="voice_matters",
        help_text="The officer or councillor who answers it.",
    )
    due_on = models.DateField()
    response = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The participation officer's act that shows the answered matter in "you said, we did".
    shown_publicly_at = models.DateTimeField(null=True, blank=True)
    shown_publicly_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MatterQuerySet.as_manager()

    class Meta:
        app_label = "voice"
        ordering = ("-raised_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(shown_publicly_at__isnull=True) | Q(answered_at__isnull=False),
                name="voice_matter_shown_only_when_answered",
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(response=""),
                name="voice_matter_answered_with_a_response",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("voice:matter_detail", kwargs={"pk": self.pk})

    @property
    def state(self) -> str:
        """The state as MatterQuerySet.with_state() decides it (read from the row when it was
        fetched with it)."""
        if "state_now" in self.__dict__:
            return str(self.__dict__["state_now"])
        if self.pk is None:
            return MatterState.OPEN
        return str(
            Matter.objects.with_state().filter(pk=self.pk).values_list("state_now", flat=True)[0]  # type: ignore[misc]  # annotated by with_state()
        )

    @property
    def state_label(self) -> str:
        return MatterState(self.state).label

    @property
    def state_tag(self) -> str:
        return STATE_TAG[MatterState(self.state)]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_shown_publicly(self) -> bool:
        return self.shown_publicly_at is not None
