"""Meetings and their agenda items."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.models import BaseModel
from panels.models.bodies import Body
from panels.numbering import minute_label
from panels.querysets import (
    HELD_STATUSES,
    AgendaItemQuerySet,
    MeetingQuerySet,
    SupplementQuerySet,
)


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    AGENDA_PUBLISHED = "agenda_published", "Agenda published"
    HELD = "held", "Held"
    MINUTES_DRAFT = "minutes_draft", "Minutes in draft"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"


class Meeting(BaseModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField()
    venue = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(blank=True, help_text="A link to join online, if there is one.")
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    closing_time = models.TimeField(null=True, blank=True)
    next_meeting_date = models.DateField(null=True, blank=True)
    next_meeting_time = models.TimeField(null=True, blank=True)
    young_people_present = models.PositiveSmallIntegerField(
        default=0, help_text="A count only: never names."
    )
    # Publication is an explicit, recorded act: the public sees a meeting only once these are set.
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    agenda_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    short_notice_reason = models.TextField(blank=True)
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at_meeting = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="approved_minutes"
    )
    # Cancelling is a recorded act: when, and why (panels.services.changes.meeting_cancel).
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ("-date", "-start_time")
        indexes = [models.Index(fields=("body", "date"))]

    def __str__(self) -> str:
        return f"{self.body} on {self.date:%-d %B %Y}"

    def clean(self) -> None:
        if self.closing_time and self.start_time and self.closing_time <= self.start_time:
            raise ValidationError({"closing_time": "The closing time must be after the start time"})
        if self.next_meeting_date and self.date and self.next_meeting_date <= self.date:
            raise ValidationError(
                {"next_meeting_date": "The next meeting must be after this meeting"}
            )

    def get_absolute_url(self) -> str:
        return reverse("panels:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def agenda_is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def has_been_held(self) -> bool:
        return self.status in HELD_STATUSES

    def is_upcoming_on(self, day: datetime.date) -> bool:
        """Before the day of the meeting: only apologies can be recorded, and no minutes."""
        return self.date > day

    @property
    def is_upcoming(self) -> bool:
        return self.is_upcoming_on(timezone.localdate())

    @property
    def minutes_are_approved(self) -> bool:
        return self.status == MeetingStatus.MINUTES_APPROVED

    @property
    def minutes_started(self) -> bool:
        return self.status in (MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_APPROVED)


class ItemKind(models.TextChoices):
    DECLARATIONS = "declarations", "Apologies and declarations of interest"
    MINUTES = "minutes", "Minutes of the last meeting"
    ACTION_LOG = "action_log", "Action log"
    BUSINESS = "business", "Item of business"
    NEXT_MEETING = "next_meeting", "Date of next meeting"


def report_upload_to(item: AgendaItem, filename: str) -> str:
    return f"panels/reports/{item.meeting_id}/{filename}"


class ExemptParagraph(models.TextChoices):
    """The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972."""

    P1 = "1", "Paragraph 1: information relating to any individual"
    P2 = "2", "Paragraph 2: information likely to reveal the identity of an individual"
    P3 = "3", "Paragraph 3: the financial or business affairs of any particular person"
    P4 = "4", "Paragraph 4: consultations or negotiations on a labour relations matter"
    P5 = "5", "Paragraph 5: information subject to legal professional privilege"
    P6 = "6", "Paragraph 6: a proposed notice, order or direction under an enactment"
    P7 = "7", "Paragraph 7: the prevention, investigation or prosecution of crime"


class AgendaItem(BaseModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=ItemKind.choices, default=ItemKind.BUSINESS)
    title = models.CharField(max_length=250)
    presenter = models.CharField(max_length=200, blank=True)
    is_urgent = models.BooleanField(default=False)
    urgency_reason = models.TextField(
        "reason for urgency",
        blank=True,
        help_text="Why the Chair agreed to take the item without the usual notice: printed in "
        "the minutes.",
    )
    is_exempt = models.BooleanField(
        "taken in private",
        default=False,
        help_text="Exempt business under Schedule 12A: its report and minutes are never public.",
    )
    exempt_paragraph = models.CharField(
        "paragraph of Schedule 12A", max_length=2, choices=ExemptParagraph.choices, blank=True
    )
    report_file = models.FileField(
        "report file",
        upload_to=report_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "doc", "odt", "xlsx", "pptx"])],
    )
    # When the report file was last uploaded: one uploaded after the agenda was published is a
    # late paper, for the next supplementary pack (panels.supplements).
    report_file_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The running number through the municipal year, set when the minutes are drafted
    # (panels.numbering); never typed.
    minute_sequence = models.PositiveIntegerField(null=True, blank=True)
    discussion = models.TextField(blank=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ("meeting", "position")
        constraints = [
            models.UniqueConstraint(
                fields=("meeting", "position"), name="panels_item_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(is_exempt=False) | ~models.Q(exempt_paragraph=""),
                name="panels_exempt_item_has_paragraph",
            ),
        ]

    def clean(self) -> None:
        if self.is_exempt and not self.exempt_paragraph:
            raise ValidationError(
                {"exempt_paragraph": "Choose the paragraph of Schedule 12A that applies"}
            )
        if not self.is_exempt:
            self.exempt_paragraph = ""

    def __str__(self) -> str:
        return self.title

    @property
    def content_is_public(self) -> bool:
        """AgendaItemQuerySet.public()'s rule for an item in hand: an exempt item's content
        (report, discussion, resolutions, the interests declared in it) is never public."""
        return not self.is_exempt

    @property
    def minute_number(self) -> str:
        return minute_label(self.meeting.body, self.minute_sequence)


class Supplement(BaseModel):
    """A supplementary agenda pack: papers published after the agenda, numbered 1, 2... within
    the meeting, with the special circumstances that made them late. Publishing it is the
    clerk's recorded act (panels.supplements.supplement_publish)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supplements")
    number = models.PositiveSmallIntegerField()
    reason = models.TextField(
        help_text="Why the papers could not go out with the agenda: printed on the front sheet."
    )
    items = models.ManyToManyField(AgendaItem, related_name="supplements")
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SupplementQuerySet.as_manager()

    class Meta:
        ordering = ("meeting", "number")
        constraints = [
            models.UniqueConstraint(
                fields=("meeting", "number"), name="panels_supplement_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Supplement {self.number}: {self.meeting}"

    @property
    def label(self) -> str:
        return f"Supplement {self.number}"
