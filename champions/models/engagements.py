"""What champions did (engagements, with the follow-up officers give them) and what they plan
to do in a political year."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from champions.models.areas import ChampionArea
from champions.models.members import Member
from champions.querysets import (
    OPEN_FOLLOW_UP,
    YOU_SAID_WE_DID,
    EngagementQuerySet,
    PlanItemQuerySet,
)
from corporate_parenting.models import BaseModel


class EngagementKind(models.TextChoices):
    EVENT = "event", "Event attended"
    VISIT = "visit", "Visit"
    GROUP = "group", "Group or club"
    ONE_TO_ONE = "one_to_one", "1:1 with link officer"
    MEETING = "meeting", "Meeting"
    TRAINING = "training", "Training"
    ROUND_TABLE = "round_table", "Round table"


class EngagementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class FollowUpStatus(models.TextChoices):
    NONE = "", "No follow-up asked for"
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Engagement(BaseModel):
    """What a champion did: counts towards the yearly target once submitted."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="engagements")
    # Optional only for drafts made from an event; a submitted engagement always has an area.
    area = models.ForeignKey(
        ChampionArea,
        on_delete=models.PROTECT,
        related_name="engagements",
        null=True,
        blank=True,
    )
    date = models.DateField()
    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagements",
    )
    event_title = models.CharField("Event", max_length=200, blank=True)
    what_we_did = models.TextField("What you did", blank=True)
    young_people_said = models.TextField("What children and young people said", blank=True)
    follow_up_requested = models.TextField("Follow-up asked for", blank=True)
    young_people_count = models.PositiveIntegerField("Number of young people", default=0)
    status = models.CharField(
        max_length=10, choices=EngagementStatus.choices, default=EngagementStatus.DRAFT
    )
    follow_up_status = models.CharField(
        max_length=12, choices=FollowUpStatus.choices, default=FollowUpStatus.NONE, blank=True
    )
    follow_up_response = models.TextField("Response", blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    show_in_you_said_we_did = models.BooleanField(
        'Show in "You said, we did"',
        default=False,
        help_text='Only a done follow-up can be shown on the public "You said, we did" page.',
    )

    objects = EngagementQuerySet.as_manager()

    class Meta:
        ordering = ("-date", "-pk")
        indexes = [
            models.Index(fields=("member", "date")),
            models.Index(fields=("area", "date")),
            models.Index(fields=("follow_up_status",)),
            # An officer's open follow-ups, oldest first: few rows, whatever the table's size.
            models.Index(
                fields=("area", "date"), condition=OPEN_FOLLOW_UP, name="champions_open_follow_ups"
            ),
            # The public "You said, we did" page, newest first.
            models.Index(
                fields=("-date", "-id"), condition=YOU_SAID_WE_DID, name="champions_you_said_we_did"
            ),
            models.Index(fields=("-date", "-id"), name="champions_engagement_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(show_in_you_said_we_did=True)
                | models.Q(follow_up_status="done"),
                name="champions_you_said_we_did_only_when_done",
            )
        ]

    def __str__(self) -> str:
        area = self.area.name if self.area_id and self.area else "no area"
        return f"{self.get_kind_display()}, {area}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("champions:engagement_detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == EngagementStatus.DRAFT

    @property
    def has_follow_up(self) -> bool:
        return bool(self.follow_up_status)

    def clean(self) -> None:
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "The date must be today or in the past"})
        if self.show_in_you_said_we_did and self.follow_up_status != FollowUpStatus.DONE:
            raise ValidationError(
                {"show_in_you_said_we_did": 'Only a done follow-up can go in "You said, we did"'}
            )


class PlanItem(BaseModel):
    """One thing a champion plans to do in a political year, by a date. Ticked off by linking
    the engagement that did it. A planned date may be in the future; an engagement's may not."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="plan_items")
    start_year = models.PositiveSmallIntegerField(
        help_text="The calendar year the political year starts in (2025 for 2025/26)."
    )
    intention = models.TextField("What you intend to do")
    area = models.ForeignKey(
        ChampionArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_items"
    )
    due_by = models.DateField("Do it by")
    done_by = models.ForeignKey(
        Engagement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name="Done by the engagement",
    )

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ("due_by", "pk")
        indexes = [models.Index(fields=("member", "start_year"))]

    def __str__(self) -> str:
        return f"{self.intention[:60]} (by {self.due_by:%-d %B %Y})"

    @property
    def is_done(self) -> bool:
        return self.done_by_id is not None

    def clean(self) -> None:
        if self.due_by is None:
            raise ValidationError({"due_by": "Enter the date you plan to do it by"})
        if not (self.intention or "").strip():
            raise ValidationError({"intention": "Enter what you intend to do"})
