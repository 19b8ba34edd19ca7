"""The body and meeting-details forms: each field is checked by the form, the whole by the service,
whose refusals land on the field they name (one path for errors), and clerks come from duties."""

import datetime

import pytest

from corporate_parenting.models import Duty, DutyKind
from panels import services
from panels.models import Body
from tests import factories
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(db):
    person = factories.officer(email="clerk@example.org", full_name="Dan Okafor")
    Duty.objects.create(user=person, kind=DutyKind.CLERK)
    return person


def _options(page: str, name: str) -> str:
    start = page.index(f'name="{name}"')
    return page[start : page.index("</select>", start)]


def test_body_form_offers_people_with_the_clerk_duty(client_for, clerk, officer):
    page = client_for("admin").get("/panels/bodies/new/").text
    options = _options(page, "clerk")
    assert "Dan Okafor" in options
    assert "Sam Patel" not in options  # an officer without the duty


def test_body_form_refuses_a_clerk_without_the_duty(client_for, clerk, officer):
    response = client_for("admin").post(
        "/panels/bodies/new/",
        {
            "name": "Care Leavers Board",
            "slug": "care-leavers-board",
            "numbering_style": "prefix",
            "minute_prefix": "CLB",
            "clerk": officer.pk,
        },
    )
    assert response.status_code == 200
    assert 'href="#id_clerk"' in response.text
    assert 'value="Care Leavers Board"' in response.text
    assert not Body.objects.filter(slug="care-leavers-board").exists()


def test_a_clerk_who_lost_the_duty_stays_on_the_body_when_it_is_saved(client_for, officer):
    body = BodyFactory(minute_prefix="CPP", clerk=officer)  # the officer has no clerk duty
    client = client_for("admin")
    assert "Sam Patel" in _options(client.get(f"/panels/bodies/{body.slug}/change/").text, "clerk")
    response = client.post(
        f"/panels/bodies/{body.slug}/change/",
        {
            "name": "Renamed Panel",
            "slug": body.slug,
            "numbering_style": "prefix",
            "minute_prefix": "CPP",
            "clerk": officer.pk,
        },
    )
    assert response.status_code == 302
    body.refresh_from_db()
    assert (body.name, body.clerk) == ("Renamed Panel", officer)


def test_a_body_name_already_taken_is_an_error_on_the_name(client_for):
    BodyFactory(name="Corporate Parenting Panel", minute_prefix="CPP")
    response = client_for("admin").post(
        "/panels/bodies/new/",
        {
            "name": "Corporate Parenting Panel",
            "slug": "another-panel",
            "numbering_style": "prefix",
            "minute_prefix": "CPP",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert Body.objects.count() == 1


def test_meeting_details_refused_by_the_service_show_on_the_field_and_save_nothing(
    client_for,
):
    body = BodyFactory(minute_prefix="CPP")
    meeting = services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, 11), start_time=datetime.time(18, 30)
    )
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/details/",
        {
            "date": "2025-06-11",
            "start_time": "18:30",
            "venue": "Room 4",
            "closing_time": "17:00",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_closing_time"' in response.text
    assert "The closing time must be after the start time" in response.text
    assert 'value="Room 4"' in response.text  # nothing typed is lost
    meeting.refresh_from_db()
    assert (meeting.venue, meeting.closing_time) == ("", None)


def test_meeting_details_form_shows_the_saved_details(client_for):
    body = BodyFactory(minute_prefix="CPP")
    meeting = services.meeting_create(
        actor=None,
        body=body,
        date=datetime.date(2025, 6, 11),
        start_time=datetime.time(18, 30),
        venue="Council Chamber",
    )
    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/details/").text
    assert 'value="Council Chamber"' in page
    assert 'value="2025-06-11"' in page
