import datetime as dt

import pytest
from django.utils import timezone

from champions.models import EngagementStatus
from tests.champions.factories import EngagementFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_the_admin_home_counts_members_who_logged_a_submitted_engagement_this_year(client_for):
    EngagementFactory()  # counts
    EngagementFactory(status=EngagementStatus.DRAFT)  # a draft does not
    two_years_ago = timezone.localdate() - dt.timedelta(days=800)
    EngagementFactory(date=two_years_ago)  # nor one from an earlier year
    twice = EngagementFactory()
    EngagementFactory(member=twice.member, area=twice.area)  # a member counts once
    MemberFactory()  # nor a member with nothing logged
    response = client_for("admin").get("/")
    assert "2 of 5 members logged an engagement." in response.text
