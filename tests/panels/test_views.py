import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from panels import services
from panels.models import Attendance, Declaration, Meeting, Resolution
from tests import factories
from tests.documents import blank_pdf
from tests.helpers import assert_constant_queries
from tests.panels.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    return body


@pytest.fixture
def meeting(body):
    return services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, 11), start_time=datetime.time(18, 30)
    )


def _grow_meetings(body, officer):
    def grow():
        for number in range(3):
            m = MeetingFactory(body=body, date=datetime.date(2024, 1, 1 + number))
            item = AgendaItemFactory(meeting=m, position=1)
            ActionFactory(item=item, owner=officer)
            member = MembershipFactory(body=body).user
            Attendance.objects.create(meeting=m, kind="present", user=member, name=str(member))
            Declaration.objects.create(meeting=m, member=member, kind="registerable", text="x")

    return grow


@pytest.mark.parametrize(
    "url",
    [
        "/panels/",
        "/panels/actions/",
        "/panels/actions/mine/",
        "/panels/bodies/",
        "/panels/public/",
        "/panels/bodies/{slug}/interests/",
        "/panels/bodies/{slug}/attendance/",
        "/panels/bodies/{slug}/",
    ],
)
def test_list_pages_keep_a_constant_number_of_queries(url, client_for, officer, body, meeting):
    _grow_meetings(body, officer)()
    client = client_for("officer")
    assert_constant_queries(client, url.format(slug=body.slug), _grow_meetings(body, officer))


def test_meeting_page_queries_do_not_grow_with_items(client_for, officer, meeting):
    def grow():
        for number in range(3):
            item = services.agenda_item_add(actor=None, meeting=meeting, title=f"More {number}")
            ActionFactory(item=item, owner=officer)

    services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    services.minutes_item_save(actor=None, item=meeting.items.first(), discussion="Noted")
    ActionFactory(item=meeting.items.first(), owner=officer)
    assert_constant_queries(client_for("officer"), f"/panels/meetings/{meeting.pk}/", grow)


def test_councillor_sees_only_meetings_of_bodies_they_sit_on(client_for, meeting):
    other = MeetingFactory()
    client = client_for("councillor")
    assert client.get(f"/panels/meetings/{meeting.pk}/").status_code == 200
    assert client.get(f"/panels/meetings/{other.pk}/").status_code == 404
    listing = client.get("/panels/").text
    assert f"/panels/meetings/{meeting.pk}/" in listing
    assert f"/panels/meetings/{other.pk}/" not in listing


def test_public_sees_published_agendas_of_public_bodies_only(client, meeting):
    private = MeetingFactory(status="agenda_published")
    assert client.get(f"/panels/public/meetings/{meeting.pk}/").status_code == 404  # scheduled
    services.agenda_publish(
        actor=None, meeting=meeting, short_notice_reason="x", today=datetime.date(2025, 6, 10)
    )
    assert client.get(f"/panels/public/meetings/{meeting.pk}/").status_code == 200
    assert client.get(f"/panels/public/meetings/{private.pk}/").status_code == 404
    assert client.get(f"/panels/meetings/{meeting.pk}/minutes.pdf").status_code == 404


def test_attendance_form_shows_the_both_present_and_apologies_error_and_keeps_input(
    client_for, councillor, meeting
):
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/attendance/",
        {
            "present": [councillor.pk],
            "apologies": [councillor.pk],
            "officers": "R Tidman (Committee Services Manager)",
            "young_people_present": "2",
        },
    )
    assert response.status_code == 200
    assert "A member cannot be both present and giving apologies" in response.text
    assert "R Tidman (Committee Services Manager)" in response.text
    assert not Attendance.objects.exists()


def test_closing_time_before_start_is_an_error_on_the_field(client_for, meeting):
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/details/",
        {"date": "2025-06-11", "start_time": "18:30", "closing_time": "17:00"},
    )
    assert response.status_code == 200
    assert "The closing time must be after the start time" in response.text
    assert 'href="#id_closing_time"' in response.text
    meeting.refresh_from_db()
    assert meeting.closing_time is None


def test_action_with_no_owner_is_an_error_on_the_owner(client_for, meeting):
    item = meeting.items.first()
    response = client_for("officer").post(
        f"/panels/items/{item.pk}/resolutions/new/",
        {"text": "That a plan come back", "is_action": "on", "due_next_meeting": "on"},
    )
    assert response.status_code == 200
    assert "Choose who owns this action" in response.text
    assert "That a plan come back" in response.text
    assert not Resolution.objects.exists()


def test_editing_approved_minutes_is_refused_with_a_message(client_for, meeting):
    item = meeting.items.first()
    services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    services.minutes_item_save(actor=None, item=item, discussion="Noted")
    services.minutes_approve(actor=None, meeting=meeting)
    client = client_for("officer")
    response = client.post(f"/panels/items/{item.pk}/minutes/", {"discussion": "Changed"})
    assert response.status_code == 302
    page = client.get(response.url)
    assert "approved and locked" in page.text
    item.refresh_from_db()
    assert item.discussion == "Noted"


def test_councillor_declares_their_own_interest(client_for, councillor, meeting):
    response = client_for("councillor").post(
        f"/panels/meetings/{meeting.pk}/declarations/new/",
        {"member": councillor.pk, "kind": "registerable", "text": "Trustee of a charity"},
    )
    assert response.status_code == 302
    assert Declaration.objects.get().member == councillor
    register = client_for("councillor").get(f"/panels/bodies/{meeting.body.slug}/interests/")
    assert "Trustee of a charity" in register.text


def test_councillor_cannot_declare_for_another_member(client_for, meeting):
    other = MembershipFactory(body=meeting.body).user
    response = client_for("councillor").post(
        f"/panels/meetings/{meeting.pk}/declarations/new/",
        {"member": other.pk, "kind": "registerable", "text": "x"},
    )
    assert response.status_code == 200
    assert not Declaration.objects.exists()


def test_clerk_adds_an_item_with_a_report_that_members_can_download(client_for, meeting):
    response = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/items/new/",
        {
            "title": "Sufficiency strategy",
            "presenter": "Head of Corporate Parenting",
            "report": SimpleUploadedFile("sufficiency.pdf", blank_pdf()),
        },
    )
    assert response.status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    assert item.position == 4  # before "Date of next meeting"
    meeting.agenda_published_at = timezone.now()  # members read the papers from publication
    meeting.save(update_fields=["agenda_published_at"])
    download = client_for("councillor").get(f"/panels/items/{item.pk}/report/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == blank_pdf()  # the very file uploaded


def test_officer_completes_an_action_from_my_actions(client_for, officer, meeting):
    action = ActionFactory(item=meeting.items.first(), owner=officer)
    client = client_for("officer")
    assert action.text in client.get("/panels/actions/mine/").text
    response = client.post(
        f"/panels/actions/{action.pk}/", {"status": "done", "text": "Report circulated"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    assert action.text not in client.get("/panels/actions/mine/").text


def test_an_action_page_asks_the_same_queries_with_or_without_updates(client_for, meeting):
    # The benchmark's admin reached an action with no updates at one size and one with updates
    # at the other: the page must ask as many queries for either.
    action = ActionFactory(item=meeting.items.first())
    admin = client_for("admin")

    def grow():
        for number, author in enumerate((action.owner, factories.officer(), action.owner)):
            services.action_update_add(
                actor=author, resolution=action, text=f"Update {number}", status="open"
            )

    assert_constant_queries(admin, f"/panels/actions/{action.pk}/", grow)


def test_councillor_can_read_but_not_update_an_action(client_for, meeting):
    action = ActionFactory(item=meeting.items.first())
    client = client_for("councillor")
    assert client.get(f"/panels/actions/{action.pk}/").status_code == 200
    response = client.post(f"/panels/actions/{action.pk}/", {"status": "done", "text": "x"})
    assert response.status_code == 403


def test_an_action_owned_by_the_members_is_each_members_to_see_and_update(client_for, meeting):
    # The fixed councillor sits on the meeting's body (the body fixture).
    action = ActionFactory(
        item=meeting.items.first(), owner=None, owner_is_members=True, text="Visit the hub"
    )
    client = client_for("councillor")
    mine = client.get("/panels/actions/mine/")
    assert mine.status_code == 200 and "Visit the hub" in mine.text
    assert "Visit the hub" in client.get("/").text
    page = client.get(f"/panels/actions/{action.pk}/")
    assert 'name="text"' in page.text  # the update form
    response = client.post(
        f"/panels/actions/{action.pk}/", {"status": "done", "text": "Visited in March"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    assert action.updates.get().author.email == "councillor@example.org"
    # An officer's action on the same body is still not the councillor's to update.
    theirs = ActionFactory(item=meeting.items.first())
    refused = client.post(f"/panels/actions/{theirs.pk}/", {"status": "done", "text": "x"})
    assert refused.status_code == 403
    theirs.refresh_from_db()
    assert theirs.status == "open"


def test_overdue_actions_are_flagged_in_the_log(client_for, officer, meeting):
    ActionFactory(item=meeting.items.first(), owner=officer, due_date=datetime.date(2020, 1, 1))
    assert "Overdue" in client_for("officer").get("/panels/actions/").text


def test_attendance_statistics_count_expected_present_apologies_and_absent(
    client_for, councillor, meeting
):
    services.attendance_record(actor=None, meeting=meeting, present=[councillor], apologies=[])
    later = services.meeting_create(
        actor=None,
        body=meeting.body,
        date=datetime.date(2025, 9, 10),
        start_time=datetime.time(18, 30),
    )
    services.attendance_record(actor=None, meeting=later, present=[], apologies=[councillor])
    from panels.stats import attendance_statistics

    [row] = attendance_statistics(meeting.body, public=False)
    assert (row.expected, row.present, row.apologies, row.absent) == (2, 1, 1, 0)
    page = client_for("councillor").get(f"/panels/bodies/{meeting.body.slug}/attendance/")
    assert page.status_code == 200


def test_home_panels_show_the_next_meeting_and_open_actions(client_for, officer, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(date=datetime.date.today())
    meeting.body.clerk = officer
    meeting.body.save()
    ActionFactory(item=meeting.items.first(), owner=officer, text="Send the data pack")
    assert "Your next panel meeting" in client_for("councillor").get("/").text
    officer_home = client_for("officer").get("/").text
    assert "Send the data pack" in officer_home
    assert "Meetings you clerk" in officer_home


def test_create_meeting_through_the_form(client_for, body):
    response = client_for("officer").post(
        "/panels/meetings/new/",
        {"body": body.pk, "date": "2025-12-09", "start_time": "18:30", "venue": "Civic Offices"},
    )
    assert response.status_code == 302
    assert Meeting.objects.get().items.count() == 4


def test_admin_creates_a_body_and_adds_a_member_with_a_role(client_for, councillor):
    client = client_for("admin")
    response = client.post(
        "/panels/bodies/new/",
        {"name": "Care Leavers Board", "slug": "care-leavers-board", "numbering_style": "prefix"},
    )
    assert response.status_code == 200
    assert "Enter the minute prefix, like CPP" in response.text
    response = client.post(
        "/panels/bodies/new/",
        {
            "name": "Care Leavers Board",
            "slug": "care-leavers-board",
            "numbering_style": "paragraphs",
        },
    )
    assert response.status_code == 302
    response = client.post(
        "/panels/bodies/care-leavers-board/members/new/",
        {"user": councillor.pk, "role": "vice_chair"},
    )
    assert response.status_code == 302
    membership = councillor.panel_memberships.get()
    assert membership.role == "vice_chair" and membership.body.numbering_style == "paragraphs"
    page = client.get("/panels/bodies/care-leavers-board/")
    assert "member added" in page.text.lower()


def test_clerk_moves_an_item_from_the_meeting_page(client_for, meeting):
    first = services.agenda_item_add(actor=None, meeting=meeting, title="Care Leavers' Week")
    services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")
    client = client_for("officer")
    page = client.get(meeting.get_absolute_url())
    assert f'action="/panels/items/{first.pk}/move/"' in page.text
    response = client.post(f"/panels/items/{first.pk}/move/", {"direction": "down"}, follow=True)
    assert "Item moved down: Care Leavers&#x27; Week" in response.text
    titles = [i.title for i in meeting.items.order_by("position")]
    assert titles.index("Sufficiency strategy") < titles.index("Care Leavers' Week")
    refused = client.post(f"/panels/items/{first.pk}/move/", {"direction": "down"}, follow=True)
    assert "This is already the last item of business" in refused.text


def test_clerk_records_a_substitute_and_the_meeting_page_shows_them(
    client_for, councillor, meeting
):
    client = client_for("officer")
    data = {
        "present": [councillor.pk],
        "substitutes": "Councillor Nolan (substitute for Councillor Marlow)",
        "young_people_present": "0",
    }
    response = client.post(f"/panels/meetings/{meeting.pk}/attendance/", data, follow=True)
    assert "Attendance saved" in response.text
    assert "Nolan (substitute for Councillor Marlow)" in response.text
    again = client.get(f"/panels/meetings/{meeting.pk}/attendance/")
    assert "Councillor Nolan (substitute for Councillor Marlow)</textarea>" in again.text


def test_a_councillor_sees_each_action_of_their_bodies_once_and_no_others(
    client_for, councillor, meeting
):
    mine = ActionFactory(item=meeting.items.first(), text="That the minibus is booked")
    MembershipFactory(body=meeting.body, user=factories.councillor())  # another member
    elsewhere = ActionFactory(text="That another panel's matter is looked at")
    page = client_for("councillor").get("/panels/actions/").text
    assert page.count(mine.text) == 1
    assert elsewhere.text not in page
    assert client_for("councillor").get(f"/panels/actions/{elsewhere.pk}/").status_code == 404
