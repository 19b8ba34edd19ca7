"""Champions: councillors who champion an area of children's lives, their link officers, and
what they did (engagements)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from champions.querysets import (
    AppointmentQuerySet,
    ChampionAreaQuerySet,
    EngagementQuerySet,
    LinkOfficerQuerySet,
    MemberQuerySet,
    PlanItemQuerySet,
)
from corporate_parenting.models import BaseModel
from corporate_parenting.years import PoliticalYear, political_year_starting, years_later

# Defaults for the champion settings row (an admin changes them on the coverage page).
DEFAULT_ENGAGEMENT_TARGET = 3  # engagements per champion per political year (seed 000)
DEFAULT_DBS_VALID_YEARS = 3  # a DBS check is treated as expired this many years after clearance


class ChampionSettings(models.Model):
    """The champion model's own numbers. There is one row."""

    engagement_target = models.PositiveSmallIntegerField(
        default=DEFAULT_ENGAGEMENT_TARGET,
        help_text="Engagements each champion is asked for in a political year.",
    )
    dbs_valid_years = models.PositiveSmallIntegerField(
        "DBS valid for (years)",
        default=DEFAULT_DBS_VALID_YEARS,
        help_text="How many years after clearance a DBS check is treated as expired.",
    )

    class Meta:
        verbose_name = "champion settings"
        verbose_name_plural = "champion settings"

    def __str__(self) -> str:
        return "Champion settings"

    def clean(self) -> None:
        if self.engagement_target is not None and self.engagement_target < 1:
            raise ValidationError({"engagement_target": "The target must be 1 or more"})
        if self.dbs_valid_years is not None and self.dbs_valid_years < 1:
            raise ValidationError({"dbs_valid_years": "Enter 1 year or more"})

    @classmethod
    def load(cls) -> ChampionSettings:
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj


class DbsStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    APPLIED = "applied", "Applied"
    CLEARED = "cleared", "Cleared"
    EXPIRED = "expired", "Expired"


class Member(BaseModel):
    """A councillor, as a (possible) champion: ward, party, contact, DBS and training."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member"
    )
    ward = models.CharField(max_length=120, blank=True)
    party = models.CharField(max_length=120, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    dbs_status = models.CharField(
        "DBS status", max_length=20, choices=DbsStatus.choices, default=DbsStatus.NOT_STARTED
    )
    dbs_cleared_on = models.DateField("DBS cleared on", null=True, blank=True)
    training_completed_on = models.DateField(
        "Champion training completed on", null=True, blank=True
    )
    # A different yearly target for this member (a cabinet member, say); the reason is required.
    # champions.progress.target_for decides a member's target.
    target_override = models.PositiveSmallIntegerField(
        "Own engagement target", null=True, blank=True
    )
    target_reason = models.CharField("Why the target differs", max_length=300, blank=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ("user__full_name",)

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return str(self.user)

    def clean(self) -> None:
        if self.dbs_status == DbsStatus.CLEARED and not self.dbs_cleared_on:
            raise ValidationError({"dbs_cleared_on": "Enter the date the DBS check was cleared"})
        if self.dbs_cleared_on and self.dbs_cleared_on > timezone.localdate():
            raise ValidationError({"dbs_cleared_on": "The clearance date must be today or earlier"})
        if self.training_completed_on and self.training_completed_on > timezone.localdate():
            raise ValidationError(
                {"training_completed_on": "The training date must be today or earlier"}
            )
        if self.target_override is not None:
            if self.target_override < 1:
                raise ValidationError({"target_override": "The target must be 1 or more"})
            if not self.target_reason.strip():
                raise ValidationError(
                    {"target_reason": "Enter why this member's target differs from the default"}
                )

    def dbs_expires_on(self, valid_years: int | None = None) -> date | None:
        if self.dbs_status != DbsStatus.CLEARED or not self.dbs_cleared_on:
            return None
        years = valid_years or ChampionSettings.load().dbs_valid_years
        cleared = self.dbs_cleared_on
        return years_later(cleared, years)

    def dbs_is_cleared(self, on: date, *, valid_years: int | None = None) -> bool:
        """Cleared, and not yet expired on that day."""
        expires = self.dbs_expires_on(valid_years)
        cleared = self.dbs_cleared_on
        return expires is not None and cleared is not None and cleared <= on < expires

    def dbs_summary(self, on: date | None = None, *, valid_years: int | None = None) -> str:
        """'Cleared', 'Expired', 'Applied' or 'Not started', as it stands on that day."""
        on = on or timezone.localdate()
        if self.dbs_status == DbsStatus.CLEARED:
            return "Cleared" if self.dbs_is_cleared(on, valid_years=valid_years) else "Expired"
        return self.get_dbs_status_display()


class ChampionArea(BaseModel):
    """One area of children's lives that champions and a link officer look after."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    current_issues = models.TextField(
        blank=True, help_text="What champions are asked to work on this year."
    )

    objects = ChampionAreaQuerySet.as_manager()

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("champions:area_detail", kwargs={"slug": self.slug})


class Appointment(BaseModel):
    """A member champions an area for a political year (the year starting in start_year).

    Ending an appointment records the day it ended; the row stays, so the year's report and
    coverage still show who championed what, and for how long."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="appointments")
    area = models.ForeignKey(ChampionArea, on_delete=models.CASCADE, related_name="appointments")
    start_year = models.PositiveSmallIntegerField(
        help_text="The calendar year the political year starts in (2025 for 2025/26)."
    )
    ended_on = models.DateField("Ended on", null=True, blank=True)
    end_reason = models.CharField("Why it ended", max_length=300, blank=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ("-start_year", "area__name", "member__user__full_name")
        constraints = [
            models.UniqueConstraint(
                fields=("member", "area", "start_year"), name="champions_one_appointment_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} champions {self.area} ({self.start_year})"

    @property
    def is_ended(self) -> bool:
        return self.ended_on is not None

    def served_to(self, year: PoliticalYear) -> date:
        """The last day served in its political year: the end date, or the year's last day."""
        return self.ended_on or year.end

    def days_served(self, year: PoliticalYear, today: date) -> int:
        """Days from the year's start to the end date (or to today, while it runs)."""
        last = min(self.served_to(year), max(today, year.start))
        return (last - year.start).days + 1

    def clean(self) -> None:
        if self.ended_on is not None:
            year = political_year_starting(self.start_year)
            if self.ended_on not in year:
                raise ValidationError(
                    {"ended_on": f"The end date must be in {year.label}, the appointment's year"}
                )
            if self.ended_on > timezone.localdate():
                raise ValidationError({"ended_on": "The end date must be today or earlier"})


class LinkOfficer(BaseModel):
    """The officer who is the point of contact for an area."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="link_areas"
    )
    area = models.ForeignKey(ChampionArea, on_delete=models.CASCADE, related_name="link_officers")
    job_title = models.CharField(max_length=150)
    team = models.CharField(max_length=150, blank=True)
    contact = models.CharField(
        max_length=150, blank=True, help_text="Phone number or e-mail address champions can use."
    )

    objects = LinkOfficerQuerySet.as_manager()

    class Meta:
        ordering = ("area__name", "officer__full_name")
        constraints = [
            models.UniqueConstraint(fields=("officer", "area"), name="champions_link_officer_once")
        ]

    def __str__(self) -> str:
        return f"{self.officer}, {self.job_title} ({self.area})"


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


class ReportPeople(BaseModel):
    """Who sponsors and who writes the annual champion report of a political year."""

    start_year = models.PositiveSmallIntegerField(unique=True)
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "champion report's sponsor and author"
        verbose_name_plural = "champion reports' sponsors and authors"

    def __str__(self) -> str:
        return f"Champion report {self.start_year}: {self.sponsor}, {self.author}"
