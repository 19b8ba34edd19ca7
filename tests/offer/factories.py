import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from offer.models import Feedback, Indicator, Measurement, OfferCategory, OfferEntry, PeriodKind
from offer.services import entries_reindex


class OfferCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferCategory
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Category {n}")
    summary = "Help with something, written to you."
    order = factory.Sequence(lambda n: n)


class OfferEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferEntry
        skip_postgeneration_save = True

    category = factory.SubFactory(OfferCategoryFactory)
    slug = factory.Sequence(lambda n: f"entry-{n}")
    title = factory.Sequence(lambda n: f"Help number {n}")
    summary = "We will help you with this."
    details = ""
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
