import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from offer.models import (
    STATUS_FIELDS,
    CareLeaverStatus,
    Feedback,
    Indicator,
    Measurement,
    OfferCategory,
    OfferEntry,
    PeriodKind,
    status_fields_fitting,
)
from offer.services import entries_reindex


class OfferCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Category {n}")
    summary = "Help with something, written to you."
    order = factory.Sequence(lambda n: n)


def _fits(entry: object, status: CareLeaverStatus) -> bool:
    ages = (entry.age_from, entry.age_to)  # type: ignore[attr-defined]  # a factory's resolver
    return status_fields_fitting(*ages, [status])[STATUS_FIELDS[status]]


class OfferEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferEntry
        skip_postgeneration_save = True

    category = factory.SubFactory(OfferCategoryFactory)
    slug = factory.Sequence(lambda n: f"entry-{n}")
    title = factory.Sequence(lambda n: f"Help number {n}")
    summary = "We will help you with this."
    details = ""
    age_from = 16
    age_to = 25
    # Ticked for each status someone of the entry's ages can have, as an officer would.
    for_eligible = factory.LazyAttribute(lambda o: _fits(o, CareLeaverStatus.ELIGIBLE))
    for_relevant = factory.LazyAttribute(lambda o: _fits(o, CareLeaverStatus.RELEVANT))
    for_former_relevant = factory.LazyAttribute(
        lambda o: _fits(o, CareLeaverStatus.FORMER_RELEVANT)
    )
    review_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    status = OfferEntry.Status.PUBLISHED

    @factory.post_generation
    def index(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            entries_reindex(entry_ids=[self.pk])


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    kind = Feedback.Kind.MISSING
    text = "Nothing about help with phone bills."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"KPI-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "percent"
    polarity = "higher"
    priority = None
    target = Decimal("80")
    tolerance = Decimal("5")


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.Sequence(lambda n: str(2000 + n))
    period_kind = PeriodKind.YEAR
    period_start = factory.LazyAttribute(lambda m: datetime.date(int(m.period[:4]), 1, 1))
    value = Decimal("75")
