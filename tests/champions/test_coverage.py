"""The coverage page counts each member's submitted engagements of the year, and the year's."""

import datetime as dt

import pytest

from champions.coverage import coverage_for
from champions.models import EngagementStatus
from corporate_parenting.years import current_political_year
from tests.champions.factories import AppointmentFactory, EngagementFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_coverage_counts_each_members_submitted_engagements_of_the_year():
    year = current_political_year()
    appointment = AppointmentFactory()
    member, area = appointment.member, appointment.area
    in_year = year.start + dt.timedelta(days=1)
    for count in (2, 5):
        EngagementFactory(member=member, area=area, date=in_year, young_people_count=count)
    EngagementFactory(member=member, area=area, date=in_year, status=EngagementStatus.DRAFT)
    EngagementFactory(member=member, area=area, date=year.start - dt.timedelta(days=1))
    idle = MemberFactory()

    coverage = coverage_for(year)

    lines = {line.member: line for line in coverage.members}
    assert lines[member].progress.count == 2
    assert lines[idle].progress.count == 0
    assert (coverage.engagements, coverage.young_people) == (2, 7)
    assert coverage.engaged_count == 1
