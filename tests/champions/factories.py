import datetime as dt

import factory
from django.utils import timezone

from champions.models import (
    Appointment,
    ChampionArea,
    DbsStatus,
    Engagement,
    EngagementKind,
    EngagementStatus,
    LinkOfficer,
    Member,
    PlanItem,
)
from corporate_parenting.years import current_political_year
from tests import factories as core


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ("user",)

    user = factory.LazyFunction(core.councillor)
    ward = factory.Sequence(lambda n: f"Ward {n}")
    party = "Independent"
    dbs_status = DbsStatus.NOT_STARTED


class ChampionAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    description = "What this area of children's lives covers."
    current_issues = "What champions are asked to work on."


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    member = factory.SubFactory(MemberFactory)
    area = factory.SubFactory(ChampionAreaFactory)
    start_year = factory.LazyFunction(lambda: current_political_year().start_year)


class LinkOfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkOfficer

    officer = factory.LazyFunction(core.officer)
    area = factory.SubFactory(ChampionAreaFactory)
    job_title = "Team Manager"
    team = "Children in Care Team"
    contact = "01234 567890"


class EngagementFactory(factory.django.DjangoModelFactory):
    """A submitted engagement in an area the member champions this year."""

    class Meta:
        model = Engagement
        skip_postgeneration_save = True

    member = factory.SubFactory(MemberFactory)
    area = factory.SubFactory(ChampionAreaFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))
    kind = EngagementKind.VISIT
    what_we_did = "Visited the youth club and played board games."
    young_people_said = "They want more trips in the holidays."
    follow_up_requested = ""
    young_people_count = 6
    status = EngagementStatus.SUBMITTED

    @factory.post_generation
    def appointed(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False and self.area_id:
            from corporate_parenting.years import political_year_for

            Appointment.objects.get_or_create(
                member=self.member,
                area=self.area,
                start_year=political_year_for(self.date).start_year,
            )


class PlanItemFactory(factory.django.DjangoModelFactory):
    """An item of a member's plan for this political year, due in a month."""

    class Meta:
        model = PlanItem

    member = factory.SubFactory(MemberFactory)
    start_year = factory.LazyFunction(lambda: current_political_year().start_year)
    intention = "Visit the care leavers' drop-in and hear about housing."
    due_by = factory.LazyFunction(
        lambda: min(timezone.localdate() + dt.timedelta(days=30), current_political_year().end)
    )
