"""Seats without an account (a Children in Care Council representative on the Board) and bodies
of young people: a seat is added by its name, counted at meetings by the seat, printed by its
role in the minutes and the pack, never e-mailed; a young people's representative is never
named, in any copy."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from panels import reminders, services
from panels.minutes import build_minutes
from panels.models import Attendance, Meeting, Membership
from panels.reports.pack import _members
from panels.stats import attendance_statistics
from tests import factories as core
from tests.panels.factories import BodyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SEAT = "Children in Care Council representative"


@pytest.fixture
def board(officer):
    body = BodyFactory(name="Corporate Parenting Board", slug="board", is_public=True)
    MembershipFactory(body=body, user=core.councillor(full_name="Ada Chair"), role="chair")
    MembershipFactory(body=body, user=core.councillor(full_name="Jamie Young"), role="young_people")
    return body


def _seats(board, n=2):
    return [
        services.membership_set(actor=None, body=board, seat_name=SEAT, role="young_people")
        for _ in range(n)
    ]


def _held(board, days_ago=10):
    return MeetingFactory(body=board, date=timezone.localdate() - datetime.timedelta(days=days_ago))


# Adding a seat --------------------------------------------------------------------------------


def test_admin_adds_a_seat_without_an_account(client_for, board):
    response = client_for("admin").post(
        "/panels/bodies/board/members/new/",
        {"user": "", "seat_name": f"  {SEAT} ", "role": "young_people"},
        follow=True,
    )
    seat = board.memberships.get(user__isnull=True)
    assert (seat.seat_name, seat.role, seat.is_seat) == (SEAT, "young_people", True)
    page = response.content.decode()
    assert f"{SEAT} added to Corporate Parenting Board" in page
    assert "(a seat without an account)" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"user": "", "seat_name": ""}, "user", "Choose the person to add, or give the name"),
        ({"seat_name": SEAT}, "seat_name", "Choose a person or give the name of a seat"),
    ],
)
def test_the_form_asks_for_a_person_or_a_seat_not_both(client_for, board, data, field, message):
    if "user" not in data:
        data = {**data, "user": core.councillor(full_name="Both Ways").pk}
    response = client_for("admin").post(
        "/panels/bodies/board/members/new/", {**data, "role": "member"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()
    assert not board.memberships.filter(user__isnull=True).exists()


def test_a_seat_needs_a_name_or_a_person_in_the_database_too(board):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(body=board, role="member")


def test_two_seats_of_the_same_name_may_sit_but_a_person_only_once(board):
    _seats(board, 2)
    assert board.memberships.filter(seat_name=SEAT).count() == 2
    chair = board.memberships.get(role="chair").user
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(body=board, user=chair, role="member")


def test_removing_a_seat_says_which(client_for, board):
    [seat] = _seats(board, 1)
    response = client_for("admin").post(f"/panels/members/{seat.pk}/remove/", follow=True)
    assert f"{SEAT} removed from Corporate Parenting Board" in response.content.decode()
    assert not Membership.objects.filter(pk=seat.pk).exists()


def test_a_young_peoples_body_shows_every_member_by_role(client_for):
    council = BodyFactory(
        name="Children in Care Council", slug="cicc", kind="children_in_care_council"
    )
    MembershipFactory(body=council, user=core.councillor(full_name="Riley Private"))
    page = client_for("officer").get("/panels/bodies/cicc/").content.decode()
    assert "Riley Private" not in page and "Member" in page


# Attendance, counted by the seat --------------------------------------------------------------


def test_attendance_of_seats_is_recorded_on_the_page_and_counted_by_seat(client_for, board):
    first, second = _seats(board)
    meeting = _held(board)
    chair = board.memberships.get(role="chair").user
    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/attendance/")
    assert "Seats without an account present" in page.content.decode()
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/attendance/",
        {
            "present": [chair.pk],
            "seats_present": [first.pk],
            "seats_apologies": [second.pk],
            "young_people_present": "0",
        },
    )
    assert response.status_code == 302
    rows = {a.seat_id: a for a in Attendance.objects.filter(meeting=meeting, user__isnull=True)}
    assert rows[first.pk].kind == "present" and rows[second.pk].kind == "apologies"
    assert rows[first.pk].name == SEAT
    figures = [f for f in attendance_statistics(board, public=False) if f.name == SEAT]
    # Two seats of the same name are two rows, never merged into one.
    assert sorted((f.present, f.apologies, f.role_only) for f in figures) == [
        (0, 1, True),
        (1, 0, True),
    ]


def test_a_seat_cannot_be_both_present_and_giving_apologies(client_for, board):
    [seat] = _seats(board, 1)
    meeting = _held(board)
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/attendance/",
        {"seats_present": [seat.pk], "seats_apologies": [seat.pk], "young_people_present": "0"},
    )
    assert "A seat cannot be both present and giving apologies" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_statistics_never_name_a_young_peoples_representative(board):
    meeting = _held(board)
    services.attendance_record(
        actor=None,
        meeting=meeting,
        present=list(services.members_of(board)),
        apologies=[],
    )
    Meeting.objects.filter(pk=meeting.pk).update(status="minutes_approved")
    members = attendance_statistics(board, public=False)
    names = [f.name for f in members]
    assert "Jamie Young" not in names and "Young people's representative" in names
    assert "Ada Chair" in names


# The minutes and the pack ----------------------------------------------------------------------


def test_minutes_print_seats_and_young_people_by_role_in_every_copy(board):
    first, second = _seats(board)
    meeting = _held(board)
    services.attendance_record(
        actor=None,
        meeting=meeting,
        present=list(services.members_of(board)),
        apologies=[],
        seats_present=[first],
        seats_apologies=[second],
    )
    meeting = Meeting.objects.for_minutes().get(pk=meeting.pk)
    for public in (False, True):
        minutes = build_minutes(meeting, public=public)
        assert f"a {SEAT}" in minutes.also_present
        assert "a young people's representative" in minutes.also_present
        assert f"a {SEAT}" in minutes.apologies
        everything = f"{minutes.members_line} {minutes.also_present} {minutes.apologies}"
        assert "Jamie Young" not in everything
        assert f"Councillor {SEAT}" not in everything


def test_the_pack_front_sheet_names_seats_by_role_and_never_a_young_person(board):
    _seats(board, 1)
    meeting = MeetingFactory(body=board)
    for full in (True, False):
        members = _members(meeting, full=full)
        printed = [f"{m['name']} {m['role']}" for m in members]
        assert not any("Jamie Young" in line for line in printed)
        assert any(SEAT in line for line in printed)
        assert any("Ada Chair" in line for line in printed)


def test_the_public_body_page_lists_seats_by_role_only(client, board):
    _seats(board, 1)
    page = client.get("/panels/public/bodies/board/").content.decode()
    assert SEAT in page and "Jamie Young" not in page


# Never e-mailed -------------------------------------------------------------------------------


def test_a_seat_without_an_account_is_never_sent_anything(board):
    _seats(board, 2)
    people = reminders._members(board)
    assert len(people) == 2 and all(person.pk for person in people)
