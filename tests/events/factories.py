import datetime as dt

import factory
from django.utils import timezone

from events.models import (
    AnnualRule,
    Audience,
    Category,
    Event,
    FeedToken,
    SignUp,
    new_feed_token,
)
from tests import factories as core


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    category = Category.ENGAGEMENT
    start_date = factory.LazyFunction(lambda: in_days(14))
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    start_time = dt.time(10)
    end_time = dt.time(12)
    location = "Civic Offices"
    audience = Audience.ALL_MEMBERS
    is_public = False
    involves_children = False
    requires_training = False
    capacity = None
    organiser = "Participation team"
    is_annual = False
    annual_rule = AnnualRule.SAME_DATES

    @factory.post_generation
    def areas(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create and extracted:
            self.areas.set(extracted)


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    event = factory.SubFactory(EventFactory)
    person = factory.LazyFunction(core.councillor)


class FeedTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedToken

    person = factory.LazyFunction(core.councillor)
    # The secret, on the made instance only: the database keeps its hash.
    token = factory.LazyFunction(new_feed_token)
