"""Partners on the Board: a representative sits on a body and reads its papers from publication,
as members do; an action can be theirs, and they read and update it; a body they do not sit on
stays closed to them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from panels.models import Membership
from tests import factories
from tests.panels.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


def test_an_admin_seats_a_partner_and_an_officer_on_a_body(client_for, partner_rep):
    board = BodyFactory(name="Corporate Parenting Board", slug="board")
    officer = factories.officer(full_name="Jo Director")
    admin = client_for("admin")
    add = reverse("panels:membership_add", args=["board"])
    form = admin.get(add).content.decode()
    assert (
        "Kit Morgan (Northfield NHS Foundation Trust)" in form and "Jo Director (officer)" in form
    )
    admin.post(add, {"user": str(partner_rep.pk), "role": "co_opted"})
    admin.post(add, {"user": str(officer.pk), "role": "member"})
    seats = {(m.user, m.role) for m in Membership.objects.filter(body=board)}
    assert seats == {(partner_rep, "co_opted"), (officer, "member")}


def test_a_partner_member_reads_the_published_papers_and_their_own_action(client_for, partner_rep):
    board = BodyFactory(slug="board")
    MembershipFactory(body=board, user=partner_rep, role="co_opted")
    published = MeetingFactory(body=board, agenda_published_at=timezone.now())
    other = MeetingFactory(agenda_published_at=timezone.now())  # a body they do not sit on
    partner = client_for("partner")
    assert partner.get(published.get_absolute_url()).status_code == 200
    assert partner.get(other.get_absolute_url()).status_code == 404
    listing = partner.get(reverse("panels:meeting_list")).content.decode()
    assert published.get_absolute_url() in listing and other.get_absolute_url() not in listing

    # An action of a body they do not sit on, owned by them: theirs to read and update.
    action = ActionFactory(
        item=AgendaItemFactory(meeting=other),
        owner=partner_rep,
        due_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    assert partner.get(action.get_absolute_url()).status_code == 200
    mine = partner.get(reverse("panels:my_actions")).content.decode()
    assert action.text in mine
    home = partner.get("/").content.decode()
    assert action.text[:30] in home
    response = partner.post(
        action.get_absolute_url(), {"status": "in_progress", "text": "Two nurses recruited"}
    )
    assert response.status_code == 302
    assert action.updates.get().author == partner_rep


def test_the_minutes_call_only_councillors_councillor(partner_rep):
    from panels import services
    from panels.minutes import build_minutes
    from panels.models import Declaration, ItemKind, Meeting

    board = BodyFactory(slug="board")
    chair = factories.councillor(full_name="Ruth Hollis")
    councillor = factories.councillor(full_name="Sam Marlow")
    director = factories.officer(full_name="Jo Director")
    MembershipFactory(body=board, user=chair, role="chair")
    MembershipFactory(body=board, user=councillor, role="member")
    MembershipFactory(body=board, user=director, role="member")
    MembershipFactory(body=board, user=partner_rep, role="co_opted")
    meeting = MeetingFactory(body=board, date=timezone.localdate())
    AgendaItemFactory(meeting=meeting, kind=ItemKind.DECLARATIONS, title="Declarations")
    services.attendance_record(
        actor=None, meeting=meeting, present=[chair, councillor, partner_rep], apologies=[director]
    )
    Declaration.objects.create(
        meeting=meeting, member=partner_rep, kind="non_registerable", text="Works for the trust"
    )
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk))
    assert minutes.chair_line == "Councillor Ruth Hollis (Chair)"
    assert minutes.members_line == "Councillor Sam Marlow; Kit Morgan (Co-opted member)"
    assert minutes.apologies == "Jo Director"
    declared = [d for item in minutes.items for d in item.declarations]
    assert (
        "Kit Morgan declared an interest (non-registerable interest): Works for the trust"
        in declared
    )
