"""The care leaver offer young people read, and their anonymous feedback on it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from corporate_parenting.inputs import validate_one_line
from corporate_parenting.models import BaseModel

SEARCH_CONFIG = "english"

# The ages the offer speaks of: every entry's ages, and every age a search asks for, lie within
# them (children in care as well as care leavers, with room for help that goes on past 25).
AGE_LOWEST = 0
AGE_HIGHEST = 30


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

# The ages at which a young person can have each status (Children Act 1989 as amended by the
# Children (Leaving Care) Act 2000: eligible, Sch. 2 para. 19B, and relevant, s23A, are 16 or 17;
# former relevant, s23C, 18 and over, with a personal adviser to 25 under s23CZB; qualifying,
# s24, 16 to 21, or to 25 in education or training under s24B).
STATUS_AGES: dict[CareLeaverStatus, tuple[int, int]] = {
    CareLeaverStatus.ELIGIBLE: (16, 17),
    CareLeaverStatus.RELEVANT: (16, 17),
    CareLeaverStatus.FORMER_RELEVANT: (18, 25),
    CareLeaverStatus.QUALIFYING: (16, 25),
}


def ages_phrase(age_from: int | None, age_to: int | None) -> str:
    """Ages in words: 'age 19', 'ages 18 to 25', 'ages 18 and over', 'ages up to 17'."""
    if age_from is not None and age_to is not None:
        return f"age {age_from}" if age_from == age_to else f"ages {age_from} to {age_to}"
    if age_from is not None:
        return f"ages {age_from} and over"
    if age_to is not None:
        return f"ages up to {age_to}"
    return "any age"


def status_ages_words(status: CareLeaverStatus) -> str:
    """The ages a status can be had at, in words: '16 or 17', '18 to 25'."""
    lowest, highest = STATUS_AGES[status]
    return f"{lowest} or {highest}" if highest == lowest + 1 else f"{lowest} to {highest}"


def statuses_outside_ages(
    age_from: int, age_to: int, statuses: Iterable[CareLeaverStatus]
) -> dict[CareLeaverStatus, str]:
    """The statuses nobody aged age_from to age_to can have, each with why, in words an officer
    acts on: help for those ages and that status would reach nobody. The one rule for it: the
    entry form, the service and the warning on an entry that has it all ask here."""
    outside = {}
    for status in statuses:
        lowest, highest = STATUS_AGES[status]
        if age_from <= highest and age_to >= lowest:  # the two ranges overlap
            continue
        name = status.label.split(":")[0].lower()
        entry_ages = str(age_from) if age_from == age_to else f"{age_from} to {age_to}"
        outside[status] = (
            f"{name.capitalize()} care leavers are aged {status_ages_words(status)}, so nobody aged "
            f"{entry_ages} is {name}: untick ‘{name}’ or change the ages"
        )
    return outside


def status_fields_fitting(
    age_from: int,
    age_to: int,
    statuses: Iterable[CareLeaverStatus] = (
        CareLeaverStatus.ELIGIBLE,
        CareLeaverStatus.RELEVANT,
        CareLeaverStatus.FORMER_RELEVANT,
    ),
) -> dict[str, bool]:
    """The status boxes of an entry for these ages, each of these statuses ticked when someone
    of the ages can have it (demonstration and benchmark entries, made without the form)."""
    statuses = list(statuses)
    outside = statuses_outside_ages(age_from, age_to, statuses)
    return {STATUS_FIELDS[status]: status not in outside for status in statuses}


class OfferEntryQuerySet(models.QuerySet["OfferEntry"]):
    def published(self) -> OfferEntryQuerySet:
        return self.filter(status=OfferEntry.Status.PUBLISHED)

    def for_ages(self, age_from: int | None, age_to: int | None) -> OfferEntryQuerySet:
        """Entries whose ages overlap the range asked for: for ages 18 to 25, an entry for 16 to
        18 and one for 21 to 30 both count. An end left open (None) is any age that way. The one
        rule for which entries fit the ages a young person gives."""
        rows = self
        if age_to is not None:
            rows = rows.filter(age_from__lte=age_to)
        if age_from is not None:
            rows = rows.filter(age_to__gte=age_from)
        return rows

    def for_age(self, age: int | None) -> OfferEntryQuerySet:
        return self.for_ages(age, age)

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
    # A new entry has no status ticked: the officer chooses each one for what the entry is.
    for_eligible = models.BooleanField("eligible", default=False)
    for_relevant = models.BooleanField("relevant", default=False)
    for_former_relevant = models.BooleanField("former relevant", default=False)
    for_qualifying = models.BooleanField("qualifying", default=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STATUTORY)
    legal_basis = models.CharField(
        "legal basis",
        max_length=200,
        blank=True,
        validators=[validate_one_line],
        help_text="The law or guidance that gives young people this, for example ‘Children "
        "(Leaving Care) Act 2000’ or ‘Staying Put: section 23CZA Children Act 1989’. Young people "
        "see it under ‘Your right to this’, so they can ask for it by name.",
    )
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
    provider = models.ForeignKey(
        "partners.PartnerOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offer_entries",
        verbose_name="provided by",
        help_text="A partner organisation that provides it. Its representatives get the review "
        "reminders too.",
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
        bounds = f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}"
        if self.age_from is not None and not AGE_LOWEST <= self.age_from <= AGE_HIGHEST:
            errors["age_from"] = bounds
        if self.age_to is not None and not AGE_LOWEST <= self.age_to <= AGE_HIGHEST:
            errors["age_to"] = bounds
        if (
            "age_to" not in errors
            and self.age_from is not None
            and self.age_to is not None
            and self.age_from > self.age_to
        ):
            errors["age_to"] = "The 'to' age must be the same as or after the 'from' age"
        if not self.chosen_statuses:
            errors["for_eligible"] = "Choose at least one care leaver status"
        elif not errors:
            for status, why in self.statuses_outside_ages.items():
                errors[STATUS_FIELDS[status]] = why
        if errors:
            raise ValidationError(errors)

    @property
    def chosen_statuses(self) -> list[CareLeaverStatus]:
        return [status for status, name in STATUS_FIELDS.items() if getattr(self, name)]

    @property
    def statuses_outside_ages(self) -> dict[CareLeaverStatus, str]:
        """The statuses ticked that nobody of the entry's ages can have (statuses_outside_ages)."""
        if self.age_from is None or self.age_to is None:
            return {}
        return statuses_outside_ages(self.age_from, self.age_to, self.chosen_statuses)

    @property
    def statuses(self) -> list[str]:
        return [status.label.split(":")[0] for status in self.chosen_statuses]

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

    def moderated(self) -> FeedbackQuerySet:
        """Written feedback an officer has moderated, shown or not: what young people said,
        for those signed in to count by theme. Never public."""
        return self.with_words().exclude(status=Feedback.Status.NEW)

    def you_said_we_did(self) -> FeedbackQuerySet:
        """The public root: feedback an officer chose to show, with their public-safe words."""
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
