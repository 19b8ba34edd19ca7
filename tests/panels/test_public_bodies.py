"""A public body's own page, and the public index grouped by body."""

import datetime

import pytest
from django.utils import timezone

from panels.models import Attendance, DecisionStatus
from tests import factories as core
from tests.panels.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(officer):
    body = BodyFactory(name="Care Leavers Board", slug="care-leavers-board", is_public=True)
    chair = core.councillor(full_name="Councillor Ada Chair")
    MembershipFactory(body=body, role="chair", user=chair)
    MembershipFactory(
        body=body, role="young_people", user=core.councillor(full_name="Jamie Secret")
    )
    held = MeetingFactory(
        body=body,
        date=timezone.localdate() - datetime.timedelta(days=40),
        status="minutes_approved",
        agenda_published_at=timezone.now(),
    )
    status, _ = DecisionStatus.objects.get_or_create(name="Recommendations Approved")
    open_item = AgendaItemFactory(meeting=held, title="Housing sufficiency")
    ActionFactory(
        item=open_item,
        is_action=False,
        owner=None,
        due_date=None,
        status="",
        decision_status=status,
    )
    exempt = AgendaItemFactory(
        meeting=held, title="Placement contract award", is_exempt=True, exempt_paragraph="3"
    )
    ActionFactory(
        item=exempt, is_action=False, owner=None, due_date=None, status="", decision_status=status
    )
    Attendance.objects.create(meeting=held, kind="present", user=chair, name="Cllr Ada Chair")
    Attendance.objects.create(meeting=held, kind="substitute", name="Councillor Nolan")
    MeetingFactory(body=body, date=timezone.localdate() + datetime.timedelta(days=9))  # unpublished
    return body


def test_public_body_page_shows_members_meetings_decisions_and_attendance(client, body):
    response = client.get("/panels/public/bodies/care-leavers-board/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Councillor Ada Chair" in page and "Chair" in page
    assert "Jamie Secret" not in page  # young people's names are never published
    assert "Housing sufficiency" in page
    assert "Placement contract award" not in page  # exempt business
    assert "Present as substitute" in page and "Councillor Nolan" in page
    assert page.count("/panels/public/meetings/") >= 1


def test_a_body_that_is_not_public_has_no_public_page(client):
    BodyFactory(slug="private-board", is_public=False)
    assert client.get("/panels/public/bodies/private-board/").status_code == 404


def test_public_index_groups_meetings_by_body_and_links_each_page(client, body):
    other = BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)
    response = client.get("/panels/public/")
    page = response.content.decode()
    assert "/panels/public/bodies/care-leavers-board/" in page
    assert "/panels/public/bodies/cpp/" in page
    assert page.index("Care Leavers Board") < page.index(other.name)


def test_apologies_ahead_for_an_unpublished_meeting_change_no_public_figure(client, body):
    """Attendance statistics count held meetings with published agendas only: an officer who
    records a member's apologies for next month's meeting, agenda not yet published, changes
    nothing the public sees (Attendance.objects.public())."""
    from panels.stats import attendance_statistics

    before = attendance_statistics(body, public=True)
    shown_before = client.get("/panels/public/bodies/care-leavers-board/").context["statistics"]
    chair = body.memberships.get(role="chair").user
    coming = MeetingFactory(body=body, date=timezone.localdate() + datetime.timedelta(days=30))
    Attendance.objects.create(meeting=coming, kind="apologies", user=chair, name="Cllr Ada Chair")
    # Published but not yet held: still nothing to count.
    published = MeetingFactory(
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=20),
        agenda_published_at=timezone.now(),
    )
    Attendance.objects.create(meeting=published, kind="absent", user=chair, name="Cllr Ada Chair")
    assert attendance_statistics(body, public=True) == before
    assert [(row.expected, row.apologies, row.absent) for row in before][0] == (1, 0, 0)
    shown = client.get("/panels/public/bodies/care-leavers-board/").context["statistics"]
    assert shown == shown_before
    # Members and officers see the same held meetings counted.
    assert attendance_statistics(body, public=False) == before


def test_the_public_register_of_interests_reads_the_public_minutes_only(client, body):
    """Declaration.objects.public(): interests from approved minutes of public meetings; what an
    interest in an exempt item was stays private, and draft minutes add nothing."""
    from panels.models import Declaration

    chair = body.memberships.get(role="chair").user
    held = body.meetings.get(status="minutes_approved")
    open_item = held.items.get(title="Housing sufficiency")
    exempt = held.items.get(title="Placement contract award")
    Declaration.objects.create(
        meeting=held, member=chair, item=open_item, kind="registerable", text="Governor of a school"
    )
    Declaration.objects.create(
        meeting=held, member=chair, item=exempt, kind="registerable", text="Director of the bidder"
    )
    draft = MeetingFactory(
        body=body,
        date=timezone.localdate() - datetime.timedelta(days=10),
        status="minutes_draft",
        agenda_published_at=timezone.now(),
    )
    Declaration.objects.create(
        meeting=draft, member=chair, kind="registerable", text="Trustee of a care charity"
    )
    page = client.get("/panels/public/bodies/care-leavers-board/").content.decode()
    assert "Governor of a school" in page
    assert "Placement contract award, which was considered in private" in page
    assert "Director of the bidder" not in page
    assert "Trustee of a care charity" not in page
