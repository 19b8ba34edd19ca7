import datetime

import pytest
from django.core.exceptions import ValidationError

from corporate_parenting.models import AuditEvent
from panels import services
from panels.models import Attendance, Meeting, Resolution
from tests import factories as core
from tests.panels.factories import ActionFactory, BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    body = BodyFactory(minute_prefix="CPP")
    return services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, 11), start_time=datetime.time(18, 30)
    )


def hold(meeting):
    """Record attendance on the day or after: the meeting has been held."""
    services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    return meeting


def test_a_new_meeting_has_the_standard_items(meeting):
    assert [i.kind for i in meeting.items.order_by("position")] == [
        "declarations",
        "minutes",
        "action_log",
        "next_meeting",
    ]


def test_closing_time_before_the_start_is_refused_and_nothing_saved(meeting):
    with pytest.raises(ValidationError) as problem:
        services.meeting_update(
            actor=None,
            meeting=meeting,
            closing_time=datetime.time(17, 0),
            next_meeting_date=datetime.date(2025, 9, 10),
        )
    assert problem.value.message_dict == {
        "closing_time": ["The closing time must be after the start time"]
    }
    meeting.refresh_from_db()
    assert meeting.closing_time is None and meeting.next_meeting_date is None


def test_a_member_cannot_be_both_present_and_giving_apologies(meeting):
    member = MembershipFactory(body=meeting.body).user
    with pytest.raises(ValidationError) as problem:
        services.attendance_record(
            actor=None, meeting=meeting, present=[member], apologies=[member], officers="A B (C)"
        )
    assert "both present and giving apologies" in problem.value.message_dict["apologies"][0]
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_attendance_records_absent_members_officers_and_a_count_of_young_people(meeting):
    present, apologies, absent = (MembershipFactory(body=meeting.body).user for _ in range(3))
    services.attendance_record(
        actor=None,
        meeting=meeting,
        present=[present],
        apologies=[apologies],
        officers="R Tidman (Committee Services Manager)\nJ Doe",
        also_present="Councillor Nolan",
        young_people_present=2,
    )
    kinds = dict(Attendance.objects.filter(user__isnull=False).values_list("user_id", "kind"))
    assert kinds == {present.pk: "present", apologies.pk: "apologies", absent.pk: "absent"}
    officers = Attendance.objects.filter(kind="officer").order_by("position")
    assert [(o.name, o.role) for o in officers] == [
        ("R Tidman", "Committee Services Manager"),
        ("J Doe", ""),
    ]
    meeting.refresh_from_db()
    assert meeting.young_people_present == 2 and meeting.status == "held"


def test_an_action_without_an_owner_is_refused(meeting):
    item = meeting.items.first()
    with pytest.raises(ValidationError) as problem:
        services.resolution_add(
            actor=None,
            item=item,
            text="That a report come back",
            is_action=True,
            due_next_meeting=True,
        )
    assert "owner" in problem.value.message_dict
    assert not Resolution.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"  # not half-started either


def test_approved_minutes_are_locked_and_corrected_by_a_recorded_amendment(meeting):
    hold(meeting)
    clerk = core.officer()
    item = meeting.items.get(kind="action_log")
    services.minutes_item_save(actor=clerk, item=item, discussion="The action log was noted.")
    services.minutes_approve(actor=clerk, meeting=meeting)
    for change in (
        lambda: services.minutes_item_save(actor=clerk, item=item, discussion="Changed"),
        lambda: services.resolution_add(actor=clerk, item=item, text="That it be noted."),
        lambda: services.agenda_item_add(actor=clerk, meeting=meeting, title="Another"),
        lambda: services.meeting_update(actor=clerk, meeting=meeting, venue="Elsewhere"),
    ):
        with pytest.raises(ValidationError, match="approved and locked"):
            change()
    item.refresh_from_db()
    assert item.discussion == "The action log was noted."
    services.minutes_amend(
        actor=clerk,
        item=item,
        new_text="The action log was noted and agreed.",
        reason="Wording agreed by the chair",
    )
    item.refresh_from_db()
    assert item.discussion == "The action log was noted and agreed."
    amendment = item.amendments.get()
    assert amendment.previous_text == "The action log was noted."
    event = AuditEvent.objects.for_object(item).filter(action="amended after approval").get()
    assert event.actor == clerk and event.note == "Wording agreed by the chair"


def test_minutes_and_resolutions_are_audited(meeting):
    hold(meeting)
    clerk = core.officer()
    item = meeting.items.first()
    services.minutes_item_save(actor=clerk, item=item, discussion="First")
    services.minutes_item_save(actor=clerk, item=item, discussion="Second")
    resolution = services.resolution_add(actor=clerk, item=item, text="That it be noted.")
    services.resolution_update(actor=clerk, resolution=resolution, text="That it be noted again.")
    item_events = list(AuditEvent.objects.for_object(item).values_list("action", "changes"))
    assert ("minutes changed", {"discussion": ["First", "Second"]}) in item_events
    res_events = AuditEvent.objects.for_object(resolution)
    assert res_events.filter(action="resolution changed").get().changes["text"] == [
        "That it be noted.",
        "That it be noted again.",
    ]


def test_approving_at_the_next_meeting_records_a_resolution_there(meeting):
    hold(meeting)
    services.minutes_item_save(actor=None, item=meeting.items.first(), discussion="Noted")
    later = services.meeting_create(
        actor=None,
        body=meeting.body,
        date=datetime.date(2025, 9, 10),
        start_time=datetime.time(18, 30),
    )
    services.minutes_approve(actor=None, meeting=meeting, at_meeting=hold(later))
    resolution = later.items.get(kind="minutes").resolutions.get()
    assert resolution.text.startswith("That the Minutes of the meeting of the")
    assert "held on 11 June 2025 be approved" in resolution.text


def test_open_actions_are_carried_to_the_next_meeting_and_flagged_overdue(meeting):
    hold(meeting)
    item = meeting.items.first()
    officer = core.officer()
    due_next = services.resolution_add(
        actor=None,
        item=item,
        text="Bring the plan",
        is_action=True,
        owner=officer,
        due_next_meeting=True,
    )
    dated = services.resolution_add(
        actor=None,
        item=item,
        text="Send the data",
        is_action=True,
        owner_is_members=True,
        due_date=datetime.date(2025, 7, 1),
    )
    done = services.resolution_add(
        actor=None,
        item=item,
        text="Circulate the report",
        is_action=True,
        owner=officer,
        due_date=datetime.date(2025, 7, 1),
    )
    services.action_update_add(actor=officer, resolution=done, text="Sent", status="done")
    later = services.meeting_create(
        actor=None,
        body=meeting.body,
        date=datetime.date(2025, 9, 10),
        start_time=datetime.time(18, 30),
    )
    carried = list(Resolution.objects.carried_to(later).for_log())
    assert carried == [dated, due_next]
    assert carried[1].due_on == datetime.date(2025, 9, 10)  # "next meeting" becomes its date
    overdue = Resolution.objects.overdue(today=datetime.date(2025, 8, 1))
    assert list(overdue) == [dated]
    assert set(Resolution.objects.overdue(today=datetime.date(2025, 9, 11))) == {dated, due_next}


def test_completing_an_action_records_an_update_and_the_change(meeting):
    officer = core.officer()
    action = ActionFactory(item=meeting.items.first(), owner=officer)
    services.action_update_add(actor=officer, resolution=action, text="Done it", status="done")
    action.refresh_from_db()
    assert action.status == "done" and action.completed_at is not None
    assert action.updates.get().text == "Done it"
    assert AuditEvent.objects.for_object(action).get().changes == {"status": ["open", "done"]}


def test_a_declaration_must_come_from_a_member(meeting):
    stranger = core.councillor()
    with pytest.raises(ValidationError) as problem:
        services.declaration_add(
            actor=None, meeting=meeting, member=stranger, kind="registerable", text="x"
        )
    assert "is not a member" in problem.value.message_dict["member"][0]


def test_meetings_for_member_are_those_of_bodies_they_sit_on(meeting):
    member = MembershipFactory(body=meeting.body).user
    other = services.meeting_create(
        actor=None,
        body=BodyFactory(),
        date=datetime.date(2025, 6, 12),
        start_time=datetime.time(10),
    )
    assert list(Meeting.objects.for_member(member)) == [meeting]
    assert other not in Meeting.objects.for_member(member)


def _titles(meeting):
    return [i.title for i in meeting.items.order_by("position")]


def test_items_of_business_move_up_and_down_between_the_standard_items(meeting):
    first = services.agenda_item_add(actor=None, meeting=meeting, title="Care Leavers' Week")
    services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")
    services.agenda_item_move(actor=None, item=first, direction="down")
    assert _titles(meeting)[3:5] == ["Sufficiency strategy", "Care Leavers' Week"]
    assert _titles(meeting)[-1] == "Date of next meeting"
    with pytest.raises(ValidationError, match="already the last item of business"):
        services.agenda_item_move(actor=None, item=first, direction="down")
    services.agenda_item_move(actor=None, item=first, direction="up")
    assert _titles(meeting)[3:5] == ["Care Leavers' Week", "Sufficiency strategy"]
    assert AuditEvent.objects.for_object(meeting).filter(action="agenda item moved up").exists()


def test_standard_items_do_not_move(meeting):
    minutes = meeting.items.get(kind="minutes")
    with pytest.raises(ValidationError, match="Standard items stay where they are"):
        services.agenda_item_move(actor=None, item=minutes, direction="down")


def test_moving_renumbers_minutes_being_drafted(meeting):
    hold(meeting)
    first = services.agenda_item_add(actor=None, meeting=meeting, title="First")
    second = services.agenda_item_add(actor=None, meeting=meeting, title="Second")
    services.minutes_item_save(actor=None, item=first, discussion="Noted.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.minute_sequence is not None and second.minute_sequence is not None
    assert first.minute_sequence < second.minute_sequence
    services.agenda_item_move(actor=None, item=second, direction="up")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.minute_sequence is not None and second.minute_sequence is not None
    assert second.minute_sequence < first.minute_sequence


def test_substitutes_are_recorded_and_printed_among_those_present(meeting):
    from panels.minutes import build_minutes
    from panels.stats import attendance_statistics

    present = MembershipFactory(body=meeting.body, user__full_name="Councillor Amy Brown").user
    absent = MembershipFactory(body=meeting.body).user
    services.attendance_record(
        actor=None,
        meeting=meeting,
        present=[present],
        apologies=[],
        substitutes="Councillor Nolan (substitute for Councillor Marlow)",
    )
    substitute = Attendance.objects.get(kind="substitute")
    assert (substitute.name, substitute.user) == ("Councillor Nolan", None)
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk))
    assert "Nolan (substitute for Councillor Marlow)" in minutes.members_line
    # The substitute is nobody's expected attendance: the members' figures are unchanged, and
    # the substitute is counted as present as a substitute, by the name in the minutes.
    figures = {row.name: row for row in attendance_statistics(meeting.body, public=False)}
    assert (figures[absent.full_name].absent, figures[present.full_name].present) == (1, 1)
    nolan = figures["Councillor Nolan"]
    assert (nolan.expected, nolan.present, nolan.substitute) == (0, 0, 1)


def test_a_sitting_member_is_not_their_own_substitute_nor_stood_in_for(meeting, client_for):
    from django.core.exceptions import ValidationError

    amy = MembershipFactory(body=meeting.body, user=core.councillor(full_name="Amy Brown")).user
    marlow = MembershipFactory(body=meeting.body, user=core.councillor(full_name="Kit Marlow")).user
    for substitutes, present, expected in (
        ("Councillor Amy Brown (substitute for Councillor Marlow)", [], "Councillor Amy Brown"),
        ("Cllr Brown", [], "Cllr Brown is a member of this body"),
        ("Councillor Nolan (substitute for Councillor Marlow)", [marlow], "who is ticked"),
    ):
        with pytest.raises(ValidationError) as refused:
            services.attendance_record(
                actor=None, meeting=meeting, present=present, apologies=[], substitutes=substitutes
            )
        assert expected in str(refused.value.message_dict["substitutes"])
    assert not Attendance.objects.filter(meeting=meeting).exists()
    # Standing in for a member who is not there is what a substitute is for.
    services.attendance_record(
        actor=None,
        meeting=meeting,
        present=[amy],
        apologies=[marlow],
        substitutes="Councillor Nolan (substitute for Councillor Marlow)",
    )
    assert Attendance.objects.filter(meeting=meeting, kind="substitute").count() == 1
    # On the page, the clerk sees the reason on the substitutes field and keeps what they typed.
    page = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/attendance/",
        {
            "present": [amy.pk],
            "substitutes": "Councillor Amy Brown",
            "officers": "R Tidman (Committee Services Manager)",
            "young_people_present": "0",
        },
    )
    assert page.status_code == 200
    assert "Councillor Amy Brown is a member of this body" in page.text
    assert "R Tidman (Committee Services Manager)" in page.text


def test_an_urgent_item_carries_the_chairs_reason_into_the_minutes(client_for):
    import io

    from django.utils import timezone
    from pypdf import PdfReader

    body = BodyFactory(minute_prefix="CPP")
    today = timezone.localdate()
    meeting = services.meeting_create(
        actor=None, body=body, date=today, start_time=datetime.time(18, 30)
    )
    clerk = client_for("officer")
    url = f"/panels/meetings/{meeting.pk}/items/new/"
    # Without the reason: the error is on the reason, and the title is kept.
    page = clerk.post(url, {"title": "Ofsted letter", "is_urgent": "on"})
    assert page.status_code == 200
    assert "Enter the Chair&#x27;s reason for taking the item as urgent" in page.text
    assert 'value="Ofsted letter"' in page.text
    reason = "The inspection letter arrived after the agenda was published."
    response = clerk.post(
        url, {"title": "Ofsted letter", "is_urgent": "on", "urgency_reason": reason}
    )
    assert response.status_code == 302
    item = meeting.items.get(title="Ofsted letter")
    assert (item.is_urgent, item.urgency_reason) == (True, reason)
    services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    services.minutes_item_save(actor=None, item=item, discussion="The Panel discussed the letter.")
    sentence = (
        "The Chair agreed that this item be considered as a matter of urgency, for this reason: "
        + reason
    )
    assert sentence in clerk.get(f"/panels/meetings/{meeting.pk}/").text
    pdf = clerk.get(f"/panels/meetings/{meeting.pk}/minutes.pdf").content
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "(URGENT ITEM)" in flat and sentence in flat
