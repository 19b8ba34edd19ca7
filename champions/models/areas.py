"""The areas of children's lives that champions look after, who champions each in a political
year (appointments), and each area's link officers."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from champions.models.members import Member
from champions.querysets import AppointmentQuerySet, ChampionAreaQuerySet, LinkOfficerQuerySet
from corporate_parenting.models import BaseModel
from corporate_parenting.years import PoliticalYear, political_year_starting


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
        """The member no longer serves: an end date is recorded, and clean() keeps it today or
        earlier, so an appointment never shows as ending in the future."""
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
