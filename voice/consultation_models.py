"""Consultations with children and young people ("Make A Noise", a survey, a forum session), and
what they found: how many took part by age band (counts, never individuals), findings tagged with
themes, anonymised quotes, and the actions and strategy objectives a finding led to.

A finding and each quote are moderated before they count or show anywhere beyond the staff
moderation pages, as feedback on the offer is (offer Feedback): the readable rows are
`Finding.objects.moderated()` and `Quote.objects.readable()`; the public reads only
`Finding.objects.you_said_we_did()`, what an officer chose to show. Imported by voice/models.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel

# Age bands of those who took part: (field, label). Counts only; the bands are wide enough that
# no one is singled out, and public pages never show them.
AGE_BANDS: tuple[tuple[str, str], ...] = (
    ("under_11", "Under 11"),
    ("aged_11_to_15", "11 to 15"),
    ("aged_16_to_17", "16 to 17"),
    ("aged_18_to_21", "18 to 21"),
    ("aged_22_to_25", "22 to 25"),
    ("age_not_known", "Age not known"),
)
AGE_BAND_MAX = 100_000


class ConsultationKind(models.TextChoices):
    EVENT = "event", "An event, such as Make A Noise"
    SURVEY = "survey", "A survey"
    FORUM = "forum", "A forum session"
    OTHER = "other", "Something else"


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def with_finding_counts(self) -> ConsultationQuerySet:
        """findings_moderated: findings that count; findings_waiting: those still to moderate
        (for staff's lists). Newest first: a grouped query does not take Meta.ordering."""
        return self.order_by("-held_from", "-pk").annotate(
            findings_moderated=models.Count(
                "findings", filter=models.Q(findings__status__in=MODERATED), distinct=True
            ),
            findings_waiting=models.Count(
                "findings",
                filter=models.Q(findings__status=FindingStatus.PENDING),
                distinct=True,
            ),
        )


class Consultation(BaseModel):
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=ConsultationKind.choices)
    asked = models.TextField("what was asked")
    held_from = models.DateField("held on or from")
    held_to = models.DateField("held until", null=True, blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations_run",
        help_text="The participation officer who ran it.",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    under_11 = models.PositiveIntegerField(default=0)
    aged_11_to_15 = models.PositiveIntegerField(default=0)
    aged_16_to_17 = models.PositiveIntegerField(default=0)
    aged_18_to_21 = models.PositiveIntegerField(default=0)
    aged_22_to_25 = models.PositiveIntegerField(default=0)
    age_not_known = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False, help_text="invented for the demonstration")

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ("-held_from", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(held_to__isnull=True)
                | models.Q(held_to__gte=models.F("held_from")),
                name="voice_consultation_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("voice:consultation_detail", kwargs={"pk": self.pk})

    @property
    def age_bands(self) -> list[tuple[str, int]]:
        """(label, how many) for each age band."""
        return [(label, getattr(self, name)) for name, label in AGE_BANDS]

    @property
    def took_part(self) -> int:
        return sum(getattr(self, name) for name, _ in AGE_BANDS)

    @property
    def when(self) -> str:
        if self.held_to is None or self.held_to == self.held_from:
            return f"{self.held_from:%-d %B %Y}"
        return f"{self.held_from:%-d %B %Y} to {self.held_to:%-d %B %Y}"


class FindingStatus(models.TextChoices):
    """As feedback on the offer: waiting, then counted (shown to the public or not), or
    rejected (neither counted nor shown)."""

    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved: counted, for members and officers"
    SHOWN = "shown", "Approved and shown on the public summary"
    REJECTED = "rejected", "Rejected"


MODERATED = (FindingStatus.APPROVED, FindingStatus.SHOWN)


class FindingQuerySet(models.QuerySet["Finding"]):
    def awaiting_moderation(self) -> FindingQuerySet:
        return self.filter(status=FindingStatus.PENDING)

    def moderated(self) -> FindingQuerySet:
        """Findings a moderator approved, shown publicly or not: what counts, for those signed
        in. Never public."""
        return self.filter(status__in=MODERATED)

    def you_said_we_did(self) -> FindingQuerySet:
        """The public root: findings an officer chose to show, with what was done."""
        return self.filter(status=FindingStatus.SHOWN)

    def for_moderation(self) -> FindingQuerySet:
        """Findings with something to moderate: the finding itself, or a quote of it."""
        waiting_quote = Quote.objects.filter(
            finding=models.OuterRef("pk"), status=QuoteStatus.PENDING
        )
        return self.filter(
            models.Q(status=FindingStatus.PENDING) | models.Exists(waiting_quote)
        ).annotate(
            quotes_waiting=models.Count(
                "quotes", filter=models.Q(quotes__status=QuoteStatus.PENDING), distinct=True
            )
        )


class Finding(BaseModel):
    """What young people told a consultation, in a short statement, tagged with themes."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="findings"
    )
    statement = models.TextField()
    themes = models.ManyToManyField("voice.Theme", blank=True, related_name="findings")
    actions = models.ManyToManyField(
        "panels.Resolution",
        blank=True,
        related_name="findings",
        limit_choices_to={"is_action": True},
        verbose_name="panel actions",
    )
    objectives = models.ManyToManyField(
        "strategy.Objective", blank=True, related_name="findings", verbose_name="objectives"
    )
    we_did = models.TextField(
        blank=True, help_text="What was done because of it, in words for young people."
    )
    status = models.CharField(
        max_length=10, choices=FindingStatus.choices, default=FindingStatus.PENDING
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ("consultation", "pk")

    def __str__(self) -> str:
        return self.statement[:80]

    def get_absolute_url(self) -> str:
        return reverse("voice:consultation_detail", kwargs={"pk": self.consultation_id})

    @property
    def is_moderated(self) -> bool:
        return self.status in MODERATED


class QuoteStatus(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class QuoteQuerySet(models.QuerySet["Quote"]):
    def awaiting_moderation(self) -> QuoteQuerySet:
        return self.filter(status=QuoteStatus.PENDING)

    def readable(self) -> QuoteQuerySet:
        """Quotes anyone signed in may read: approved, of a finding that counts."""
        return self.filter(status=QuoteStatus.APPROVED, finding__status__in=MODERATED)


class Quote(BaseModel):
    """Young people's own words, anonymised: nothing of it is shown until a moderator approves."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    status = models.CharField(
        max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.PENDING
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ("finding", "pk")

    def __str__(self) -> str:
        return self.text[:80]
