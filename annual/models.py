"""The annual corporate parenting report of a panel or board: the council's choice of sections
and year (AnnualSettings), the report for one year and body with what people write for it, its
priorities for next year, and the documents made of it by the worker (AnnualBuild).

A report goes draft -> approved (by the panel, recorded as its resolution at a meeting, which
freezes the sections as JSON) -> published (the clerk's recorded act). It is public only when it
was published and its body is public (AnnualReportQuerySet.public, the only door).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from annual.querysets import AnnualBuildQuerySet, AnnualReportQuerySet
from annual.snapshot import SECTION_KEYS
from corporate_parenting.models import BaseModel

# What each section is called where the council chooses them (the section's own title, written
# by its builder, is what the report prints).
SECTION_LABELS = {
    "panel": "The panel and board: membership, meetings, attendance, decisions, work programme",
    "champions": "Champions: areas, coverage, engagements, plans, training and DBS",
    "voice": "Young people's voice: themes, consultations, the Children in Care Council",
    "performance": "Performance: the scorecard against England and statistical neighbours",
    "offer": "The care leaver offer: entries added, changed and reviewed; feedback",
    "partners": "Partners: pledges and progress, self-assessments",
    "strategy": "The strategy: progress per priority and objective; actions",
    "principles": "The corporate parenting principles the year's work served",
}


# What a section is called when the portal cannot assemble it yet.
SECTION_TITLES = {
    "panel": "The panel and board",
    "champions": "Champions",
    "voice": "Young people's voice",
    "performance": "Performance",
    "offer": "The care leaver offer",
    "partners": "Partners",
    "strategy": "The strategy",
    "principles": "The corporate parenting principles",
}


class YearStart(models.TextChoices):
    APRIL = "april", "April to March (the financial year)"
    MUNICIPAL = "municipal", "The municipal year (from the council's annual meeting)"


def default_sections() -> list[str]:
    return list(SECTION_KEYS)


class AnnualSettings(BaseModel):
    """The council's choice, kept as data: which sections the annual report holds, in what
    order, and which year it covers. One row."""

    year_start = models.CharField(
        "the year the report covers",
        max_length=10,
        choices=YearStart.choices,
        default=YearStart.APRIL,
    )
    sections = models.JSONField(
        default=default_sections,
        help_text="The keys of the sections the report holds, in the order it prints them.",
    )

    class Meta:
        verbose_name = "annual report settings"
        verbose_name_plural = "annual report settings"

    def __str__(self) -> str:
        return "Annual report settings"

    @classmethod
    def load(cls) -> AnnualSettings:
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj

    @property
    def section_keys(self) -> list[str]:
        """The chosen keys that the portal knows, in the council's order."""
        return [key for key in self.sections if key in SECTION_KEYS]


class AnnualStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the panel"
    PUBLISHED = "published", "Published"


# The Markdown a report's people write, with the labels its form and pages use.
NARRATIVE_FIELDS = {
    "chair_foreword": "The Chair's foreword",
    "council_foreword": "A foreword from the Children in Care Council",
    "achievements": "What the panel is proud of",
    "young_text": "For young people: the short version",
}


class AnnualReport(BaseModel):
    body = models.ForeignKey("panels.Body", on_delete=models.PROTECT, related_name="annual_reports")
    start_year = models.PositiveSmallIntegerField(
        help_text="The year the report's year starts, like 2025 for 2025/26."
    )
    # The year as it was when the report was started: the council may change its choice later.
    period_start = models.DateField()
    period_end = models.DateField()
    section_keys = models.JSONField(default=default_sections)
    title = models.CharField(max_length=200)
    chair_foreword = models.TextField("the Chair's foreword", blank=True)
    council_foreword = models.TextField("a foreword from the Children in Care Council", blank=True)
    achievements = models.TextField("what the panel is proud of", blank=True)
    young_text = models.TextField("for young people: the short version", blank=True)
    status = models.CharField(
        max_length=10, choices=AnnualStatus.choices, default=AnnualStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The panel's approval: its resolution at a meeting, and the sections frozen then.
    resolution = models.OneToOneField(
        "panels.Resolution",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annual_report",
    )
    frozen = models.JSONField(null=True, blank=True, editable=False)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ("-start_year", "body__name")
        constraints = [
            models.UniqueConstraint(fields=("body", "start_year"), name="annual_one_per_body_year"),
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(frozen__isnull=False, resolution__isnull=False),
                name="annual_approved_is_frozen",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="annual_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("annual:detail", kwargs={"pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("annual:public_detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == AnnualStatus.DRAFT

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def year_label(self) -> str:
        if self.period_start.month == 1:
            return str(self.period_start.year)
        return f"{self.period_start.year}/{str(self.period_end.year)[-2:]}"


class AnnualPriority(BaseModel):
    """One priority for next year, optionally serving a strategy objective."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    objective = models.ForeignKey(
        "strategy.Objective",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annual_priorities",
    )

    class Meta:
        ordering = ("report", "position")
        verbose_name_plural = "annual report priorities"
        constraints = [
            models.UniqueConstraint(fields=("report", "position"), name="annual_priority_position")
        ]

    def __str__(self) -> str:
        return self.text


class AnnualEdition(models.TextChoices):
    FULL = "full", "The annual report"
    YOUNG = "young", "The young person's version"


class AnnualBuildStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    BUILDING = "building", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


def build_upload_to(build: AnnualBuild, filename: str) -> str:
    return f"annual/{build.report_id}/{filename}"


class AnnualBuild(BaseModel):
    """One PDF of a report, made once for one version of its content (content_key) and kept."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="builds")
    # One of AnnualEdition, checked by annual.documents (no choices here: the pages' addresses
    # take the edition by a converter of their own, annual.urls).
    edition = models.CharField(max_length=10)
    content_key = models.CharField(max_length=64)
    status = models.CharField(
        max_length=10, choices=AnnualBuildStatus.choices, default=AnnualBuildStatus.QUEUED
    )
    file = models.FileField(upload_to=build_upload_to, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)

    objects = AnnualBuildQuerySet.as_manager()

    class Meta:
        ordering = ("report", "-created_at")
        constraints = [
            models.UniqueConstraint(
                fields=("report", "edition", "content_key"), name="annual_build_once_per_content"
            )
        ]

    def __str__(self) -> str:
        label = dict(AnnualEdition.choices).get(self.edition, self.edition)
        return f"{label}: {self.report}"
