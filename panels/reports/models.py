"""Reports written in the portal: one per agenda item, drafted by its author, approved by its
sponsor and published with the agenda; every saved version is kept.

A report is public only when all of these hold (ReportQuerySet.public): it was published, its
meeting's agenda was published, its body is public, and its item is not exempt.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel
from panels.reports.querysets import PackBuildQuerySet, ReportQuerySet


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted to the sponsor"
    RETURNED = "returned", "Returned to the author"
    APPROVED = "approved", "Approved by the sponsor"
    PUBLISHED = "published", "Published"


# The author may change the text only while the report is with them.
EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class Report(BaseModel):
    item = models.OneToOneField(
        "panels.AgendaItem", on_delete=models.CASCADE, related_name="written_report"
    )
    title = models.CharField(max_length=250)
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="sponsored_reports",
        help_text="Usually a director, who approves the report before it is published.",
    )
    sponsor_title = models.CharField(
        "sponsor's job title",
        max_length=150,
        blank=True,
        help_text="As printed on the report, like Director of Children's Services.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="authored_reports"
    )
    author_contact = models.CharField(
        "author's contact details", max_length=200, blank=True, help_text="An e-mail or phone."
    )
    purpose = models.TextField(blank=True)
    summary = models.TextField("executive summary", blank=True)
    recommendations = models.TextField(
        blank=True, help_text="One recommendation a line; they are numbered for you."
    )
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    equalities_implications = models.TextField(blank=True)
    risk_implications = models.TextField("risk management implications", blank=True)
    priorities = models.ManyToManyField(
        "strategy.Priority",
        blank=True,
        related_name="reports",
        verbose_name="strategic priorities",
        help_text="Each one's objectives and their progress are printed in the report.",
    )
    indicators = models.ManyToManyField(
        "offer.Indicator",
        blank=True,
        related_name="reports",
        verbose_name="KPIs to show",
        help_text="Their scorecard, with charts, is printed in the report.",
    )
    # "What children and young people have told us" (voice.told.told_for_report): printed when a
    # political year is chosen, for the year or one quarter of it, for the themes chosen (none:
    # every active theme).
    voice_year = models.PositiveSmallIntegerField(
        "what young people told us: political year",
        null=True,
        blank=True,
        help_text="The year the political year starts, like 2025 for 2025/26.",
    )
    voice_quarter = models.PositiveSmallIntegerField(
        "what young people told us: quarter",
        null=True,
        blank=True,
        choices=[(n, f"Q{n}") for n in range(1, 5)],
    )
    voice_themes = models.ManyToManyField(
        "voice.Theme",
        blank=True,
        related_name="reports",
        verbose_name="what young people told us: themes",
    )
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ("item__meeting__date", "item__position")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(voice_quarter__isnull=True)
                | models.Q(voice_year__isnull=False, voice_quarter__gte=1, voice_quarter__lte=4),
                name="panels_report_voice_quarter_of_a_year",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_voice(self) -> bool:
        """Whether the report prints what children and young people have told us."""
        return self.voice_year is not None

    def get_absolute_url(self) -> str:
        return reverse("panels:report_detail", kwargs={"pk": self.pk})

    def reviewed_by(self, user: object) -> bool:
        """Whether this person approves or returns the report: its sponsor, never its author
        (a report that once named its author as sponsor waits for another sponsor)."""
        pk = getattr(user, "pk", None)
        return pk is not None and pk == self.sponsor_id and pk != self.author_id

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def recommendation_list(self) -> list[str]:
        return [line.strip() for line in self.recommendations.splitlines() if line.strip()]

    @property
    def priority_labels(self) -> list[str]:
        return [priority.name for priority in self.priorities.all()]


class ReportSection(BaseModel):
    """A headed section of the report's body; its text is the safe markup of reports.markup."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="As written, in the report markup.")
    body_html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ("report", "position")
        constraints = [
            models.UniqueConstraint(
                fields=("report", "position"), name="panels_report_section_position"
            )
        ]

    def __str__(self) -> str:
        return self.heading


def annex_upload_to(annex: ReportAnnex, filename: str) -> str:
    return f"panels/annexes/{annex.report_id}/{filename}"


class ReportAnnex(BaseModel):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="annexes")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=annex_upload_to)
    page_count = models.PositiveIntegerField(default=0, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ("report", "position")
        verbose_name_plural = "report annexes"

    def __str__(self) -> str:
        return self.title

    @property
    def letter(self) -> str:
        return chr(ord("A") + self.position - 1) if 1 <= self.position <= 26 else str(self.position)


class ReportVersion(BaseModel):
    """A saved state of the report: its whole text, who made it, what they did and why."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=40)
    status = models.CharField(max_length=12, choices=ReportStatus.choices)
    content = models.JSONField()
    comment = models.TextField(blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("report", "-number", "-created_at")

    def __str__(self) -> str:
        return f"{self.report} version {self.number} ({self.action})"


class PackEdition(models.TextChoices):
    PUBLIC = "public", "Public pack"
    FULL = "full", "Full pack, with private items, for members"


class PackBuildStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    BUILDING = "building", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


def pack_upload_to(build: PackBuild, filename: str) -> str:
    return f"panels/packs/{build.meeting_id}/{filename}"


class PackBuild(BaseModel):
    """One agenda pack, built once for one version of its content (content_key) and kept."""

    meeting = models.ForeignKey("panels.Meeting", on_delete=models.CASCADE, related_name="packs")
    # A supplementary pack's build; none for the agenda pack itself.
    supplement = models.ForeignKey(
        "panels.Supplement",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="packs",
    )
    edition = models.CharField(max_length=10, choices=PackEdition.choices)
    content_key = models.CharField(max_length=64)
    status = models.CharField(
        max_length=10, choices=PackBuildStatus.choices, default=PackBuildStatus.QUEUED
    )
    file = models.FileField(upload_to=pack_upload_to, blank=True)
    page_count = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PackBuildQuerySet.as_manager()

    class Meta:
        ordering = ("meeting", "-created_at")
        constraints = [
            models.UniqueConstraint(
                fields=("meeting", "edition", "content_key"), name="panels_pack_once_per_content"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_edition_display()} for {self.meeting}"
