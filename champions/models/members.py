"""The champion model's own numbers, councillors as (possible) champions with their DBS and
training, and who sponsors and writes each year's champion report."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from champions.querysets import MemberQuerySet
from corporate_parenting.models import BaseModel
from corporate_parenting.years import years_later

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
