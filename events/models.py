"""The corporate parenting events diary: events, who signed up, and private calendar feeds."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from corporate_parenting.models import BaseModel

LONDON = ZoneInfo("Europe/London")


class Category(models.TextChoices):
    AWARENESS = "awareness", "Awareness week or day"
    CELEBRATION = "celebration", "Celebration"
    ENGAGEMENT = "engagement", "Engagement activity with young people"
    ROUND_TABLE = "round_table", "Round table"
    TRAINING = "training", "Training"
    MEETING = "meeting", "Meeting"


class Audience(models.TextChoices):
    CHAMPIONS = "champions", "Champions"
    ALL_MEMBERS = "all_members", "All members"
    OFFICERS = "officers", "Officers"
    YOUNG_PEOPLE = "young_people", "Young people"


class AnnualRule(models.TextChoices):
    """How an annual event's dates are found for next year."""

    SAME_DATES = "same_dates", "Same dates every year"
    SAME_WEEKDAY = "same_weekday", "Same weekday and week of the month (e.g. the second Tuesday)"
    FIRST_FULL_WEEK = "first_full_week", "First full week (Monday to Sunday) of the month"
    LAST_FULL_WEEK = "last_full_week", "Last full week (Monday to Sunday) of the month"


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class EventQuerySet(models.QuerySet["Event"]):
    def scheduled(self) -> EventQuerySet:
        return self.filter(status=Status.SCHEDULED)

    def public(self) -> EventQuerySet:
        return self.filter(is_public=True)

    def upcoming(self, today: date) -> EventQuerySet:
        return self.filter(end_date__gte=today)

    def past(self, today: date) -> EventQuerySet:
        """Over by today: the events Event.has_ended(today) says have ended."""
        return self.filter(end_date__lt=today)

    def overlapping(self, first: date, last: date) -> EventQuerySet:
        """Events on any day from first to last (inclusive)."""
        return self.filter(start_date__lte=last, end_date__gte=first)

    def annual(self) -> EventQuerySet:
        return self.filter(is_annual=True)

    def with_signup_counts(self) -> EventQuerySet:
        """Active sign-ups per event as `signed_up_count`: a count per event through the
        sign-ups' event index, rather than a join and GROUP BY over every sign-up."""
        counts = (
            SignUp.objects.active()
            .filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(signed_up_count=Coalesce(Subquery(counts), 0))

    def in_order(self) -> EventQuerySet:
        """By first day; on the same day, all-day events (a week's first day) before timed ones."""
        return self.order_by(
            "start_date", models.F("start_time").asc(nulls_first=True), "-end_date", "title"
        )


class Event(BaseModel):
    """Something in the corporate parenting diary: a day, a week, a timed session."""

    title = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    start_date = models.DateField()
    end_date = models.DateField(help_text="The last day. The same as the first day for one day.")
    start_time = models.TimeField(
        null=True, blank=True, help_text="Leave the times empty for an all-day event."
    )
    end_time = models.TimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.ALL_MEMBERS
    )
    is_public = models.BooleanField(
        "public event",
        default=False,
        help_text="Shown to young people and the public without signing in.",
    )
    involves_children = models.BooleanField(
        "involves direct contact with children",
        default=False,
        help_text="Members need a cleared DBS check to sign up.",
    )
    requires_training = models.BooleanField(
        "needs champion training",
        default=False,
        help_text="Members need to have completed champion training to sign up.",
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places for members. Leave empty for no limit."
    )
    areas = models.ManyToManyField(
        "champions.ChampionArea",
        blank=True,
        related_name="events",
        verbose_name="champion areas",
        help_text="The champion areas this event relates to.",
    )
    organiser = models.CharField(max_length=200, blank=True)
    is_annual = models.BooleanField("happens every year", default=False)
    annual_rule = models.CharField(
        max_length=20, choices=AnnualRule.choices, default=AnnualRule.SAME_DATES
    )
    rolled_from = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rolled_to",
        help_text="Last year's event this one was rolled forward from.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    # Calendar clients recognise an event by its UID and take the highest SEQUENCE as current.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ("start_date", "start_time", "title")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True, end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__isnull=False),
                name="event_times_both_or_neither",
            ),
        ]
        indexes = [models.Index(fields=("start_date", "end_date"))]

    def __str__(self) -> str:
        return f"{self.title} ({self.dates_label})"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date must be the same as or after the start date"
        if (self.start_time is None) != (self.end_time is None):
            field = "end_time" if self.end_time is None else "start_time"
            errors[field] = "Enter both a start and an end time, or neither for an all-day event"
        elif (
            self.start_time
            and self.end_time
            and self.start_date == self.end_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = "The end time must be after the start time"
        if errors:
            raise ValidationError(errors)

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def is_cancelled(self) -> bool:
        return self.status == Status.CANCELLED

    # Sign-up rules: each decided here once; services, views and templates ask.

    def taken_places(self) -> int:
        """Active sign-ups: the with_signup_counts() annotation when present, else counted."""
        annotated = getattr(self, "signed_up_count", None)
        return annotated if annotated is not None else self.signups.active().count()

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.taken_places() >= self.capacity

    @property
    def places_label(self) -> str:
        """'3 of 20 places taken', or '3 signed up, no limit'."""
        taken = self.taken_places()
        if self.capacity is None:
            return f"{taken} signed up, no limit"
        return f"{taken} of {self.capacity} places taken"

    def has_started(self, today: date) -> bool:
        return self.start_date <= today

    def has_ended(self, today: date) -> bool:
        return self.end_date < today

    def takes_sign_ups(self, today: date) -> bool:
        """Open for signing up or cancelling a place: not cancelled and not over."""
        return not self.is_cancelled and not self.has_ended(today)

    @property
    def starts_at(self) -> datetime | None:
        """Start as an aware datetime in UK time (None for all-day events)."""
        if self.start_time is None:
            return None
        return datetime.combine(self.start_date, self.start_time, tzinfo=LONDON)

    @property
    def ends_at(self) -> datetime | None:
        if self.end_time is None:
            return None
        return datetime.combine(self.end_date, self.end_time, tzinfo=LONDON)

    @property
    def dates_label(self) -> str:
        """'10 to 23 May 2022', '16 March 2022', '3 to 9 October 2022', '30 April to 2 May 2023'."""
        return dates_label(self.start_date, self.end_date)

    @property
    def times_label(self) -> str:
        if self.is_all_day:
            return "All day"
        return f"{clock(self.start_time)} to {clock(self.end_time)}"

    def days(self) -> list[date]:
        return [
            self.start_date + timedelta(days=n)
            for n in range((self.end_date - self.start_date).days + 1)
        ]


def clock(value: time | None) -> str:
    """'6:30pm', '10am': as the diary prints times."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def dates_label(start: date, end: date) -> str:
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


class SignUpStatus(models.TextChoices):
    SIGNED_UP = "signed_up", "Signed up"
    CANCELLED = "cancelled", "Cancelled"


class SignUpQuerySet(models.QuerySet["SignUp"]):
    def active(self) -> SignUpQuerySet:
        return self.filter(status=SignUpStatus.SIGNED_UP)

    def for_person(self, person: object) -> SignUpQuerySet:
        return self.filter(person=person)


class SignUp(BaseModel):
    """A member's place at an event. Never shown on public pages."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_signups"
    )
    status = models.CharField(
        max_length=12, choices=SignUpStatus.choices, default=SignUpStatus.SIGNED_UP
    )
    override_reason = models.TextField(
        blank=True, help_text="Why an admin signed this member up despite a DBS or capacity rule."
    )
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attended = models.BooleanField(default=False)
    attendance_confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        ordering = ("event__start_date", "person__full_name")
        constraints = [
            models.UniqueConstraint(fields=("event", "person"), name="one_signup_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.event.title}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


def hash_feed_token(token: str) -> str:
    """What is kept of a feed secret. The secret has 256 random bits, so one SHA-256 suffices:
    a stolen database gives no working calendar address."""
    return hashlib.sha256(token.encode()).hexdigest()


def _unusable_hash() -> str:
    return hash_feed_token(new_feed_token())  # a secret nobody is ever shown


class FeedToken(BaseModel):
    """A member's private calendar feed address, kept as a hash of its secret.

    The secret is shown once, when it is made (``token`` on that instance); afterwards only its
    hash is stored, and a feed request is matched by hashing the secret in its address.
    Regenerating replaces it.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True, default=_unusable_hash)

    def __str__(self) -> str:
        return f"Calendar feed of {self.person}"

    @property
    def token(self) -> str:
        """The secret, on the instance that made it only ("" once read back from the database)."""
        return getattr(self, "_token", "")

    @token.setter
    def token(self, value: str) -> None:
        self._token = value
        self.token_hash = hash_feed_token(value)
