"""The month calendar: a grid and a day list of events and panel meetings together, each person
seeing the meetings they may see, with bounded months and filters by area, category and body."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory
from tests.panels.factories import BodyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
DAY = dt.date(2031, 3, 12)
URL = "/events/?year=2031&month=3"
PUBLIC_URL = "/events/public/month/?year=2031&month=3"


def calendar(response) -> str:
    """The grid and the list, without the filter form (whose options name every body)."""
    return response.content.decode().split('class="portal-month-grid"')[1]


@pytest.fixture
def month(councillor):
    EventFactory(title="Members training", start_date=DAY, end_date=DAY)
    EventFactory(title="Fun day", start_date=DAY, end_date=DAY, is_public=True)
    EventFactory(
        title="Fostering Fortnight",
        start_date=dt.date(2031, 2, 25),
        end_date=dt.date(2031, 3, 9),
        start_time=None,
        end_time=None,
        is_public=True,
    )
    public = BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)
    mine = BodyFactory(name="Fostering Panel", slug="fostering", is_public=False)
    MembershipFactory(body=mine, user=councillor)
    MeetingFactory(body=public, date=DAY, agenda_published_at=timezone.now())
    MeetingFactory(body=public, date=DAY + dt.timedelta(days=1))  # agenda not published
    MeetingFactory(body=mine, date=DAY)
    MeetingFactory(body=BodyFactory(name="Adoption Panel"), date=DAY)  # nobody's here


def test_members_month_shows_events_and_the_meetings_they_may_see(client_for, month):
    page = client_for("councillor").get(URL).content.decode()
    assert 'class="govuk-table portal-month"' in page and "portal-month-list" in page
    assert "Members training" in page and "Fun day" in page
    assert "Fostering Panel" in page and "Corporate Parenting Panel" in page
    assert "Adoption Panel" not in page
    assert "/panels/meetings/" in page  # their own body's meeting opens its members' page


def test_officers_see_every_meeting(client_for, month):
    page = client_for("officer").get(URL).content.decode()
    assert "Adoption Panel" in page


def test_the_public_month_shows_public_events_and_published_public_meetings_only(client, month):
    page = client.get(PUBLIC_URL).content.decode()
    assert "Fun day" in page and "Fostering Fortnight" in page
    assert "Members training" not in page
    assert "Corporate Parenting Panel" in page
    assert "Fostering Panel" not in page and "Adoption Panel" not in page
    assert page.count("/panels/public/meetings/") == 2  # once in the grid, once in the list
    assert "/panels/meetings/" not in page


def test_a_multi_day_event_fills_the_grid_but_is_listed_once(client, month):
    page = client.get(PUBLIC_URL).content.decode()
    grid, day_list = page.split('class="portal-month-list"')
    assert grid.count("Fostering Fortnight") == 13  # 25 February to 9 March, all in the grid
    assert day_list.count("Fostering Fortnight") == 1


def test_filters_by_body_area_and_category(client_for, month):
    client = client_for("officer")
    by_body = calendar(client.get(URL + "&body=fostering"))
    assert "Fostering Panel" in by_body and "Members training" not in by_body
    assert "Corporate Parenting Panel" not in by_body
    training = calendar(client.get(URL + "&category=engagement"))
    assert "Members training" in training and "Fostering Panel" not in training


@pytest.mark.parametrize(
    "query",
    [
        "year=99999&month=1",
        "year=1899&month=1",
        "year=2199&month=12",
        "year=1900&month=1",
        "year=abc&month=13",
        "month=0",
        "year=2031&month=3&body=nope&area=x&category=y",
    ],
)
def test_any_month_address_answers(client, client_for, query):
    assert client.get(f"/events/public/month/?{query}").status_code == 200
    assert client_for("councillor").get(f"/events/?{query}").status_code == 200


def test_the_last_month_has_no_next_link(client):
    page = client.get("/events/public/month/?year=2199&month=12").content.decode()
    assert "Next month" not in page and "Previous month" in page
