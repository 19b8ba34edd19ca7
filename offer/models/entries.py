"""The care leaver offer young people read, and their anonymous feedback on it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from corporate_parenting.models import BaseModel

SEARCH_CONFIG = "english"


class OfferCategory(models.Model):
    """One heading of the offer, from the statutory guidance (money, where you live...)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    summary = models.CharField(max_length=300, help_text="One sentence, written to 'you'.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("order", "name")
        verbose_name_plural = "offer categories"

    def __str__(self) -> str:
        return self.name


class CareLeaverStatus(models.TextChoices):
    """The legal care leaver statuses (Children (Leaving Care) Act 2000), in plain English."""

    ELIGIBLE = "eligible", "Eligible: 16 or 17 and still in care"
    RELEVANT = "relevant", "Relevant: 16 or 17 and left care"
    FORMER_RELEVANT = "former_relevant", "Former relevant: 18 to 25 and left care"
    QUALIFYING = "qualifying", "Qualifying: left care after 16, or were in care less time"


STATUS_FIELDS = {
    CareLeaverStatus.ELIGIBLE: "for_eligible",
    CareLeaverStatus.RELEVANT: "for_relevant",
    CareLeaverStatus.FORMER_RELEVANT: "for_former_relevant",
    CareLeaverStatus.QUALIFYING: "for_qualifying",
}


class OfferEntryQuerySet(models.QuerySet["OfferEntry"]):
    def published(self) -> OfferEntryQuerySet:
        return self.filter(status=OfferEntry.Status.PUBLISHED)

    def for_age(self, age: int | None) -> OfferEntryQuerySet:
        if age is None:
            return self
        return self.filter(age_from__lte=age, age_to__gte=age)

    def for_status(self, status: str | None) -> OfferEntryQuerySet:
        if not status:
            return self
        return self.filter(**{STATUS_FIELDS[CareLeaverStatus(status)]: True})

    def search(self, text: str) -> OfferEntryQuerySet:
        """Full-text search with English stemming, best match first."""
        text = (text or "").strip()
        if not text:
            return self
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "title")
        )

    def past_review(self, today: datetime.date | None = None) -> OfferEntryQuerySet:
        return self.filter(review_by__lt=today or timezone.localdate())

    def owned_by(self, user: object) -> OfferEntryQuerySet:
        return self.filter(owner=user)


class OfferEntry(BaseModel):
    """One thing the council offers care leavers, written to the young person."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Kind(models.TextChoices):
        STATUTORY = "statutory", "Your right: the law says we must give you this"
        EXTRA = "extra", "Something extra we choose to give you"

    category = models.ForeignKey(OfferCategory, on_delete=models.PROTECT, related_name="entries")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(
        max_length=120, help_text="Plain English, e.g. 'Help with Council Tax'."
    )
    summary = models.CharField(max_length=300, help_text="One or two sentences written to 'you'.")
    details = models.TextField(blank=True, help_text="What you get, and anything you need to know.")
    age_from = models.PositiveSmallIntegerField("from age", default=16)
    age_to = models.PositiveSmallIntegerField("to age", default=25)
    for_eligible = models.BooleanField("eligible", default=True)
    for_relevant = models.BooleanField("relevant", default=True)
    for_former_relevant = models.BooleanField("former relevant", default=True)
    for_qualifying = models.BooleanField("qualifying", default=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STATUTORY)
    how_to_get = models.TextField(
        "how to get it", blank=True, help_text="For example: ask your personal adviser."
    )
    contact_phone = models.CharField("phone", max_length=30, blank=True)
    link_url = models.URLField("web link", blank=True)
    place = models.CharField(max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offer_entries",
        help_text="The officer who keeps this entry up to date.",
    )
    review_by = models.DateField("review by")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = OfferEntryQuerySet.as_manager()

    class Meta:
        ordering = ("category__order", "title")
        verbose_name_plural = "offer entries"
        indexes = [
            GinIndex(fields=["search_vector"], name="offer_entry_search"),
            # "Did you mean" and titles that look like the words typed (pg_trgm).
            GinIndex(fields=["title"], name="offer_entry_title_trgm", opclasses=["gin_trgm_ops"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_from__lte=F("age_to")), name="offer_entry_age_band"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.age_from is not None and self.age_to is not None and self.age_from > self.age_to:
            errors["age_to"] = "The 'to' age must be the same as or after the 'from' age"
        if self.age_from is not None and not 0 <= self.age_from <= 30:
            errors["age_from"] = "Enter an age from 0 to 30"
        if self.age_to is not None and not 0 <= self.age_to <= 30:
            errors["age_to"] = "Enter an age from 0 to 30"
        if not any(getattr(self, name) for name in STATUS_FIELDS.values()):
            errors["for_eligible"] = "Choose at least one care leaver status"
        if errors:
            raise ValidationError(errors)

    @property
    def statuses(self) -> list[str]:
        return [
            CareLeaverStatus(status).label.split(":")[0]
            for status, name in STATUS_FIELDS.items()
            if getattr(self, name)
        ]

    @property
    def is_published(self) -> bool:
        """What published() selects, for one entry a page already holds."""
        return self.status == self.Status.PUBLISHED

    @property
    def is_statutory(self) -> bool:
        return self.kind == self.Kind.STATUTORY

    def is_past_review(self, today: datetime.date | None = None) -> bool:
        return self.review_by < (today or timezone.localdate())


class FeedbackQuerySet(models.QuerySet["Feedback"]):
    def awaiting_moderation(self) -> FeedbackQuerySet:
        return self.filter(status=Feedback.Status.NEW).exclude(text="")

    def with_words(self) -> FeedbackQuerySet:
        return self.exclude(text="")

    def you_said_we_did(self) -> FeedbackQuerySet:
        return self.filter(status=Feedback.Status.PUBLISHED).order_by("-moderated_at")


class Feedback(models.Model):
    """Anonymous feedback on the offer. Nothing of it is shown until an officer has moderated it."""

    class Kind(models.TextChoices):
        USEFUL = "useful", "Useful"
        NOT_USEFUL = "not_useful", "Not useful"
        MISSING = "missing", "Something missing"

    class Status(models.TextChoices):
        NEW = "new", "Waiting for moderation"
        HIDDEN = "hidden", "Not shown"
        PUBLISHED = "published", "Shown on You said, we did"

    entry = models.ForeignKey(
        OfferEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    page = models.CharField(max_length=200, blank=True, help_text="The page it was left on.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    you_said = models.TextField(
        blank=True, help_text="What young people told us, in your words, with nothing identifying."
    )
    we_did = models.TextField(blank=True, help_text="What we changed because of it.")
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%d %b %Y})"
