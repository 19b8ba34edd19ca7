"""The meeting page's presenter: the history across the meeting, its items and resolutions."""

import datetime

import pytest

from panels import services
from panels.meeting_page import meeting_history, meeting_page
from panels.minutes import build_minutes
from panels.models import Meeting
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def _meeting(body, day: int) -> Meeting:
    return services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, day), start_time=datetime.time(18, 30)
    )


def test_history_covers_the_meeting_its_items_and_resolutions_only(officer, councillor):
    body = BodyFactory(minute_prefix="CPP")
    meeting, other = _meeting(body, 11), _meeting(body, 25)
    item = services.agenda_item_add(actor=officer, meeting=meeting, title="Care leavers offer")
    services.agenda_item_update(actor=officer, item=item, title="Care leavers local offer")
    services.agenda_item_update(
        actor=officer, item=other.items.all()[0], title="Not this meeting's item"
    )
    services.attendance_record(actor=officer, meeting=meeting, present=[], apologies=[])
    services.resolution_add(actor=officer, item=item, text="That the offer be noted")
    meeting = Meeting.objects.for_minutes().get(pk=meeting.pk)
    actions = [e.action for e in meeting_history(meeting, build_minutes(meeting))]
    assert "agenda item added" in actions  # on the meeting
    assert "agenda item changed" in actions  # on its item
    assert "resolution added" in actions  # on a resolution of its item
    assert actions.count("agenda item changed") == 1  # not the other meeting's item


def test_meeting_page_says_what_a_councillor_may_do(councillor):
    body = BodyFactory(minute_prefix="CPP")
    meeting = Meeting.objects.for_minutes().get(pk=_meeting(body, 11).pk)
    page = meeting_page(meeting, councillor, is_clerk=False)
    assert (page["can_clerk"], page["can_declare"], page["late_reports"]) == (False, False, [])
