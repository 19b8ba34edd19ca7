"""Young people's voice: the seven corporate parenting principles as data, and one vocabulary
of themes for what children and young people tell the council.

Themes are tagged on champions' engagements and on moderated feedback (the links are kept here,
so the champions and offer apps need not know about voice). Counts per theme are derived in
voice/told.py, never typed in.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel


class Principle(models.Model):
    """One of the seven corporate parenting principles of the Children and Social Work Act
    2017, section 1(1)(a) to (g). Loaded by a migration; the law, not the council, changes them."""

    letter = models.CharField(max_length=1, unique=True)
    short_name = models.CharField(max_length=80)
    wording = models.TextField(help_text="The words of the Act.")
    # The Board's work that names the principles it serves (voice/coverage.py counts them).
    # Declared here, like Theme's links, so the tagged apps need not know about voice.
    reports = models.ManyToManyField("panels.Report", blank=True, related_name="principles")
    resolutions = models.ManyToManyField("panels.Resolution", blank=True, related_name="principles")
    engagements = models.ManyToManyField(
        "champions.Engagement", blank=True, related_name="principles"
    )
    offer_entries = models.ManyToManyField(
        "offer.OfferEntry", blank=True, related_name="principles"
    )
    findings = models.ManyToManyField("voice.Finding", blank=True, related_name="principles")

    class Meta:
        ordering = ("letter",)

    def __str__(self) -> str:
        return f"({self.letter}) {self.short_name}"

    @property
    def citation(self) -> str:
        return f"Children and Social Work Act 2017, section 1(1)({self.letter})"


class ThemeQuerySet(models.QuerySet["Theme"]):
    def active(self) -> ThemeQuerySet:
        """Themes that can be tagged now (not retired)."""
        return self.filter(retired_at__isnull=True)

    def retired(self) -> ThemeQuerySet:
        return self.filter(retired_at__isnull=False)


class Theme(BaseModel):
    """One thing young people talk about ("Housing", "Money"...). Retired, never deleted, so
    what was tagged with it keeps it."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Short name used in web addresses."
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first.")
    retired_at = models.DateTimeField(null=True, blank=True)
    engagements = models.ManyToManyField("champions.Engagement", blank=True, related_name="themes")
    feedback = models.ManyToManyField("offer.Feedback", blank=True, related_name="themes")

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ("position", "name")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("voice:theme_edit", kwargs={"slug": self.slug})

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


# The Children in Care Council's matters ("you asked") live in their own module.
# Consultations and their findings live in their own module; Django finds models through here.
from voice.consultation_models import (  # noqa: E402 (after Theme, which they name)
    AGE_BANDS,
    Consultation,
    ConsultationKind,
    Finding,
    FindingStatus,
    Quote,
    QuoteStatus,
)
from voice.matters import Matter, MatterState  # noqa: E402

__all__ = [
    "AGE_BANDS",
    "Consultation",
    "ConsultationKind",
    "Finding",
    "FindingStatus",
    "Matter",
    "MatterState",
    "Principle",
    "Quote",
    "QuoteStatus",
    "Theme",
    "ThemeQuerySet",
]
