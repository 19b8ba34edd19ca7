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


def test_a_link_officer_home_lists_open_follow_ups_in_their_own_areas_only(officer, client):
    from tests.champions.factories import ChampionAreaFactory, LinkOfficerFactory
    from tests.second_factor import sign_in_verified

    mine = LinkOfficerFactory(officer=officer).area
    other = ChampionAreaFactory()
    EngagementFactory(
        area=mine, follow_up_requested="Ask about the minibus", follow_up_status="open"
    )
    EngagementFactory(
        area=mine, follow_up_requested="Ask about the youth club", follow_up_status="in_progress"
    )
    EngagementFactory(area=mine, follow_up_requested="Already answered", follow_up_status="done")
    EngagementFactory(
        area=mine,
        follow_up_requested="Still a draft",
        follow_up_status="open",
        status=EngagementStatus.DRAFT,
    )
    EngagementFactory(
        area=other, follow_up_requested="Somebody else's area", follow_up_status="open"
    )
    sign_in_verified(client, officer)
    text = client.get("/").text
    assert "2 follow-ups waiting for a response." in text
    assert "Ask about the minibus" in text and "Ask about the youth club" in text
    for not_shown in ("Already answered", "Still a draft", "Somebody else"):
        assert not_shown not in text


def test_an_area_page_links_only_the_follow_ups_the_viewer_may_open(officer, client):
    # An officer sees every area's open follow-ups, but opens only those in their own areas:
    # a link to any other would be a dead end (its page is a 404 for them).
    from tests.champions.factories import ChampionAreaFactory, LinkOfficerFactory
    from tests.second_factor import sign_in_verified

    mine = LinkOfficerFactory(officer=officer).area
    other = ChampionAreaFactory()
    own = EngagementFactory(area=mine, follow_up_requested="Minibus", follow_up_status="open")
    theirs = EngagementFactory(area=other, follow_up_requested="Kit", follow_up_status="open")
    sign_in_verified(client, officer)
    assert f'href="{own.get_absolute_url()}"' in client.get(mine.get_absolute_url()).text
    page = client.get(other.get_absolute_url()).text
    assert "Kit" in page and f'href="{theirs.get_absolute_url()}"' not in page
    assert client.get(theirs.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["councillor", "officer", "admin"])
def test_each_home_page_makes_the_same_queries_as_the_data_grows(client_for, officer, role):
    from tests.champions.factories import LinkOfficerFactory
    from tests.events.factories import EventFactory
    from tests.helpers import assert_constant_queries
    from tests.panels.factories import ActionFactory

    area = LinkOfficerFactory(officer=officer).area
    EngagementFactory(area=area, follow_up_requested="First", follow_up_status="open")

    def grow():
        for number in range(3):
            EngagementFactory(
                area=area, follow_up_requested=f"More {number}", follow_up_status="open"
            )
            MemberFactory()
            EventFactory()
            ActionFactory(owner=officer)

    assert_constant_queries(client_for(role), "/", grow)


def test_waiting_follow_ups_in_the_list_are_the_open_follow_up_rule(client_for, councillor):
    # The list's "Open or in progress" filter is the rule the home page counts: a draft's
    # follow-up is not waiting for anybody yet.
    member = MemberFactory(user=councillor)
    EngagementFactory(member=member, follow_up_requested="Sent in", follow_up_status="open")
    EngagementFactory(
        member=member,
        follow_up_requested="Not sent yet",
        follow_up_status="open",
        status=EngagementStatus.DRAFT,
    )
    url = "/champions/engagements/?follow_up=waiting&export=csv"
    listed = client_for("councillor").get(url).content.decode()
    assert "Sent in" in listed
    assert "Not sent yet" not in listed
