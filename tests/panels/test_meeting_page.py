"""The meeting page's presenter: the history across the meeting, its items and resolutions."""

import datetime

import pytest

from panels import services
from panels.meeting_page import meeting_history, meeting_page
from panels.minutes import build_minutes
from panels.models import Meeting
from tests.panels.factories import BodyFactory, MeetingFactory

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
    page = meeting_page(meeting, councillor, is_staff=False)
    assert (page["can_clerk"], page["can_declare"], page["late_reports"]) == (False, False, [])


def _grow_around(meeting: Meeting, officer, sponsor):
    """Grows what the meeting page lists: actions carried from earlier meetings, declarations
    on items, written reports (some late) and amended minutes."""
    from panels.models import Declaration
    from panels.services import reports as report_services
    from tests.panels.factories import ActionFactory, AgendaItemFactory, MembershipFactory

    def grow():
        for number in range(3):
            earlier = MeetingFactory(
                body=meeting.body, date=meeting.date - datetime.timedelta(days=7 + number)
            )
            ActionFactory(item=AgendaItemFactory(meeting=earlier, position=1), owner=officer)
            item = services.agenda_item_add(actor=None, meeting=meeting, title=f"Item {number}")
            report_services.report_create(
                actor=officer, item=item, title=f"Paper {number}", author=officer, sponsor=sponsor
            )
            member = MembershipFactory(body=meeting.body).user
            Declaration.objects.create(
                meeting=meeting, member=member, item=item, kind="registerable", text="Foster carer"
            )

    return grow


@pytest.mark.parametrize("role", ["officer", "councillor"])
def test_meeting_page_queries_do_not_grow_with_actions_reports_and_declarations(
    role, client_for, officer, councillor
):
    from tests import factories
    from tests.helpers import assert_constant_queries
    from tests.panels.factories import MembershipFactory

    body = BodyFactory(minute_prefix="CPP", report_deadline_days=10)
    MembershipFactory(body=body, user=councillor, role="chair")
    meeting = services.meeting_create(
        actor=None,
        body=body,
        date=datetime.date.today() + datetime.timedelta(days=3),
        start_time=datetime.time(18, 30),
    )
    grow = _grow_around(meeting, officer, factories.officer(email="sponsor@example.org"))
    grow()
    url = f"/panels/meetings/{meeting.pk}/"
    assert "Paper 0" in client_for("officer").get(url).text
    assert_constant_queries(client_for(role), url, grow)


def test_a_meeting_without_reports_asks_nothing_about_reports(client_for):
    body = BodyFactory(minute_prefix="CPP")
    meeting = _meeting(body, 11)
    response = client_for("officer").get(f"/panels/meetings/{meeting.pk}/")
    assert (response.context["readable_reports"], response.context["late_reports"]) == (set(), [])
