"""Panel meetings: bodies and their members, meetings, agenda, attendance, declarations, minutes,
resolutions and the actions that flow from one meeting to the next."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.models import BaseModel
from panels.numbering import minute_label
from panels.querysets import (
    HELD_STATUSES,
    OPEN_STATUSES,
    BodyQuerySet,
    DeclarationQuerySet,
    MeetingQuerySet,
    ResolutionQuerySet,
)


class NumberingStyle(models.TextChoices):
    PREFIX = "prefix", "A prefix and a number, like CPP20"
    PARAGRAPHS = "paragraphs", "Plain numbers with numbered paragraphs, like 17.1 and 17.2"


class Body(BaseModel):
    """A panel, board or council that meets: the Corporate Parenting Panel, the Care Leavers Board."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    numbering_style = models.CharField(
        max_length=12, choices=NumberingStyle.choices, default=NumberingStyle.PREFIX
    )
    minute_prefix = models.CharField(
        max_length=10,
        blank=True,
        help_text="Letters before each minute number, like CPP. Only for the prefix style.",
    )
    is_public = models.BooleanField(
        default=False,
        help_text="Published agendas and approved minutes can be read by anyone.",
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clerked_bodies",
    )
    report_deadline_days = models.PositiveSmallIntegerField(
        default=15,
        help_text="How many days before a meeting its reports are due with the clerk.",
    )
    first_minute_number = models.PositiveIntegerField(
        default=1,
        help_text="The first minute number of the year given below, for a body that moves to "
        "the portal part way through a municipal year.",
    )
    first_minute_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The year the municipal year to which the first minute number applies starts "
        "in, like 2025 for 2025 to 2026.",
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.numbering_style == NumberingStyle.PREFIX and not self.minute_prefix:
            raise ValidationError({"minute_prefix": "Enter the minute prefix, like CPP"})

    def get_absolute_url(self) -> str:
        return reverse("panels:body_detail", kwargs={"slug": self.slug})


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-Chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted member"
    YOUNG_PEOPLE = "young_people", "Young people's representative"


class Membership(BaseModel):
    """A person who sits on a body, with their role on it."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_memberships"
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ("body", "user__full_name")
        constraints = [
            models.UniqueConstraint(fields=("body", "user"), name="panels_one_membership_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.body})"


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
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    short_notice_reason = models.TextField(blank=True)
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at_meeting = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="approved_minutes"
    )

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
    is_exempt = models.BooleanField(
        "taken in private",
        default=False,
        help_text="Exempt business under Schedule 12A: its report and minutes are never public.",
    )
    exempt_paragraph = models.CharField(
        "paragraph of Schedule 12A",
        max_length=2,
        choices=ExemptParagraph.choices,
        blank=True,
    )
    report_file = models.FileField(
        "report file",
        upload_to=report_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "doc", "odt", "xlsx", "pptx"])],
    )
    # The running number through the municipal year, set when the minutes are drafted
    # (panels.numbering); never typed.
    minute_sequence = models.PositiveIntegerField(null=True, blank=True)
    discussion = models.TextField(blank=True)

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
    def minute_number(self) -> str:
        return minute_label(self.meeting.body, self.minute_sequence)


class AttendanceKind(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Substitute"
    OFFICER = "officer", "Officer in attendance"
    ALSO_PRESENT = "also_present", "Also present"


class Attendance(BaseModel):
    """One person at (or sending apologies to) one meeting. Young people are a count on the
    meeting, never a row here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    kind = models.CharField(max_length=20, choices=AttendanceKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panel_attendance",
    )
    name = models.CharField(max_length=150, help_text="As printed in the minutes.")
    role = models.CharField(max_length=150, blank=True, help_text="Role or job title.")
    position = models.PositiveSmallIntegerField(default=0)

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


# Reports written in the portal, their versions and the agenda packs built from them.
from panels.reports.models import (  # noqa: E402, F401
    PackBuild,
    Report,
    ReportAnnex,
    ReportSection,
    ReportVersion,
)
