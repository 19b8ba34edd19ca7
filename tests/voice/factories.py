import datetime

import factory

from tests import factories as core
from voice.models import Matter, Theme


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
