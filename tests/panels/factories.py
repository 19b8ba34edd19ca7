import datetime

import factory

from panels.models import AgendaItem, Body, Meeting, Membership, Resolution
from tests import factories as core


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Panel {n}")
    slug = factory.Sequence(lambda n: f"panel-{n}")
    minute_prefix = "PNL"
    is_public = False


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    body = factory.SubFactory(BodyFactory)
    user = factory.LazyFunction(core.councillor)
    role = "member"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    start_time = datetime.time(18, 30)
    venue = "Civic Offices, Committee Room 2"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resolution

    item = factory.SubFactory(AgendaItemFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"That officers report back on matter {n}")
    is_action = True
    owner = factory.LazyFunction(core.officer)
    due_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=14))
    status = "open"
