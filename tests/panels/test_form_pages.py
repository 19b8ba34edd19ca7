"""The panels form pages read each list they offer once, whatever its length, and still tick
and choose what was recorded."""

import datetime
import re

import pytest

from panels import services
from panels.models import DecisionStatus
from tests import factories
from tests.helpers import assert_constant_queries
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP")
    MembershipFactory(body=body, user=councillor, role="chair")
    return services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, 11), start_time=datetime.time(18, 30)
    )


def _grow(meeting):
    def grow():
        for number in range(3):
            MembershipFactory(body=meeting.body)
            services.agenda_item_add(actor=None, meeting=meeting, title=f"Item {number}")
            factories.officer(email=f"officer-{number}-{meeting.items.count()}@example.org")
            DecisionStatus.objects.create(name=f"Status {number} {meeting.items.count()}")
            BodyFactory()

    return grow


@pytest.mark.parametrize(
    "url",
    [
        "/panels/meetings/{meeting}/attendance/",
        "/panels/meetings/{meeting}/declarations/new/",
        "/panels/items/{item}/resolutions/new/",
        "/panels/meetings/new/",
    ],
)
def test_form_pages_keep_a_constant_number_of_queries(url, client_for, meeting):
    grow = _grow(meeting)
    grow()
    address = url.format(meeting=meeting.pk, item=meeting.items.first().pk)
    assert_constant_queries(client_for("officer"), address, grow)


def test_attendance_ticks_who_was_recorded_present_and_who_sent_apologies(
    client_for, councillor, meeting
):
    apologetic = MembershipFactory(body=meeting.body).user
    services.attendance_record(
        actor=None, meeting=meeting, present=[councillor], apologies=[apologetic]
    )
    text = client_for("officer").get(f"/panels/meetings/{meeting.pk}/attendance/").text
    ticked = re.findall(
        r'<input[^>]*name="(present|apologies)"[^>]*value="(\d+)"[^>]*checked', text
    )
    assert sorted(ticked) == sorted(
        [("present", str(councillor.pk)), ("apologies", str(apologetic.pk))]
    )
