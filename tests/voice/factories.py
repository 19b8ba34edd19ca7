import datetime

import factory
from django.utils import timezone

from tests import factories as core
from voice.models import (
    Consultation,
    ConsultationKind,
    Finding,
    FindingStatus,
    Matter,
    Quote,
    QuoteStatus,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    position = factory.Sequence(lambda n: 100 + n)


class MatterFactory(factory.django.DjangoModelFactory):
    """An open matter the Children in Care Council raised for a Board, owned by an officer."""

    class Meta:
        model = Matter

    raised_by = factory.SubFactory(
        "tests.panels.factories.BodyFactory",
        name="Children in Care Council",
        slug="children-in-care-council",
        kind="children_in_care_council",
    )
    board = factory.SubFactory(
        "tests.panels.factories.BodyFactory", name="Corporate Parenting Board", slug="board"
    )
    raised_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    due_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=20))
    title = factory.Sequence(lambda n: f"Matter {n}")
    asked = factory.Sequence(lambda n: f"What the Council asked, number {n}")
    owner = factory.LazyFunction(core.officer)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    title = factory.Sequence(lambda n: f"Make A Noise {n}")
    kind = ConsultationKind.EVENT
    asked = "What would make living on your own easier?"
    held_from = factory.LazyFunction(timezone.localdate)
    aged_16_to_17 = 4
    aged_18_to_21 = 7


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    consultation = factory.SubFactory(ConsultationFactory)
    statement = factory.Sequence(lambda n: f"Young people want more help with bills ({n})")
    status = FindingStatus.APPROVED


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    finding = factory.SubFactory(FindingFactory)
    text = factory.Sequence(lambda n: f"I did not know who to ask ({n})")
    status = QuoteStatus.APPROVED
