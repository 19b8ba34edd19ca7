"""Nothing of a meeting is public until its agenda is published, an explicit act recorded with
who and when; no other route (minutes, approval, attendance, an upload) makes it public.
An exempt item's report never reaches the public."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from panels import services
from panels.models import Meeting, Resolution
from panels.reports.models import Report
from tests.documents import blank_pdf
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

PDF = blank_pdf()


@pytest.fixture
def body(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    return body


@pytest.fixture
def earlier(body, councillor):
    """A meeting held last week, its minutes in draft."""
    day = timezone.localdate() - datetime.timedelta(days=7)
    meeting = services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
    services.attendance_record(actor=None, meeting=meeting, present=[councillor], apologies=[])
    services.minutes_item_save(actor=None, item=meeting.items.all()[0], discussion="Noted.")
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def later(body, officer):
    """A meeting next month with a draft report and an uploaded report file; not published."""
    day = timezone.localdate() + datetime.timedelta(days=30)
    meeting = services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
    item = services.agenda_item_add(
        actor=None,
        meeting=meeting,
        title="Care leavers' housing",
        report=SimpleUploadedFile("housing.pdf", PDF, content_type="application/pdf"),
    )
    Report.objects.create(item=item, title="Care leavers' housing", author=officer, sponsor=officer)
    return meeting


def status_of(client, url):
    """The status of a GET, reading a streamed file to its end so it is closed."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def _public_urls(meeting):
    item = meeting.items.exclude(report_file="").get()
    return [
        f"/panels/public/meetings/{meeting.pk}/",
        f"/panels/items/{item.pk}/report/",
        f"/panels/reports/{item.written_report.pk}/report.pdf",
    ]


def _assert_hidden(client, meeting):
    for url in _public_urls(meeting):
        assert status_of(client, url) in (302, 404), url
    assert f"/panels/public/meetings/{meeting.pk}/" not in client.get("/panels/public/").text


def test_approving_earlier_minutes_at_an_unheld_meeting_is_refused_and_reveals_nothing(
    client, earlier, later
):
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(actor=None, meeting=earlier, at_meeting=later)
    assert "at_meeting" in error.value.message_dict
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert later.status == "scheduled"
    assert not earlier.minutes_are_approved
    assert not Resolution.objects.filter(item__meeting=later).exists()
    _assert_hidden(client, later)


def test_approval_at_a_held_meeting_records_a_resolution_without_changing_its_status(
    body, councillor, earlier
):
    day = timezone.localdate() - datetime.timedelta(days=1)
    held = services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
    services.attendance_record(actor=None, meeting=held, present=[councillor], apologies=[])
    services.minutes_approve(actor=None, meeting=earlier, at_meeting=held)
    held.refresh_from_db()
    assert held.status == "held"
    assert not held.agenda_is_published
    assert Resolution.objects.filter(item__meeting=held, text__contains="be approved").exists()


def test_writing_a_minute_on_a_meeting_not_held_is_refused(client, later):
    item = later.items.first()
    with pytest.raises(ValidationError, match="not been held"):
        services.minutes_item_save(actor=None, item=item, discussion="Early")
    with pytest.raises(ValidationError, match="not been held"):
        services.resolution_add(actor=None, item=item, text="That it be noted.")
    later.refresh_from_db()
    assert later.status == "scheduled"
    _assert_hidden(client, later)


def test_apologies_ahead_keep_the_meeting_unheld_and_private(client, councillor, later):
    services.attendance_record(actor=None, meeting=later, present=[], apologies=[councillor])
    later.refresh_from_db()
    assert later.status == "scheduled"
    assert later.attendance.filter(kind="apologies").count() == 1
    _assert_hidden(client, later)


def test_recording_people_present_before_the_day_is_refused(client, councillor, later):
    with pytest.raises(ValidationError) as error:
        services.attendance_record(actor=None, meeting=later, present=[councillor], apologies=[])
    assert "present" in error.value.message_dict
    later.refresh_from_db()
    assert later.status == "scheduled"
    _assert_hidden(client, later)


def test_uploading_a_report_file_reveals_nothing(client, later):
    item = later.items.exclude(report_file="").get()
    services.agenda_item_update(
        actor=None,
        item=item,
        title=item.title,
        report=SimpleUploadedFile("v2.pdf", PDF, content_type="application/pdf"),
    )
    _assert_hidden(client, later)


def test_attendance_form_for_a_future_meeting_shows_the_error_on_the_field(
    client_for, councillor, later
):
    response = client_for("officer").post(
        f"/panels/meetings/{later.pk}/attendance/",
        {
            "present": [councillor.pk],
            "officers": "A Clerk (Democratic Services)",
            "young_people_present": "0",
        },
    )
    assert response.status_code == 200
    assert "only apologies can be recorded before the day" in response.text
    assert "A Clerk (Democratic Services)" in response.text


def test_publishing_is_recorded_and_makes_the_agenda_public(client, officer, later):
    services.agenda_publish(actor=officer, meeting=later)
    later.refresh_from_db()
    assert later.agenda_published_by == officer
    assert later.agenda_published_at is not None
    assert client.get(f"/panels/public/meetings/{later.pk}/").status_code == 200
    item = later.items.exclude(report_file="").get()
    assert status_of(client, f"/panels/items/{item.pk}/report/") == 200
    # A draft report is not published with the agenda: only approved ones are.
    assert status_of(client, f"/panels/reports/{item.written_report.pk}/report.pdf") == 404
    with pytest.raises(ValidationError, match="already been published"):
        services.agenda_publish(actor=officer, meeting=later)


def test_a_held_meeting_whose_agenda_was_never_published_stays_private(client, earlier, councillor):
    assert earlier.status == "minutes_draft"
    services.minutes_approve(actor=None, meeting=earlier)
    assert Meeting.objects.get(pk=earlier.pk).minutes_are_approved
    assert client.get(f"/panels/public/meetings/{earlier.pk}/").status_code == 404
    assert client.get(f"/panels/meetings/{earlier.pk}/minutes.pdf").status_code == 404


def test_exempt_report_never_public_but_members_and_officers_read_it(
    client, client_for, officer, later
):
    item = later.items.exclude(report_file="").get()
    services.agenda_item_update(
        actor=None, item=item, title=item.title, is_exempt=True, exempt_paragraph="1"
    )
    report = item.written_report
    Report.objects.filter(pk=report.pk).update(status="approved")
    services.agenda_publish(actor=officer, meeting=later)
    report.refresh_from_db()
    assert report.is_published
    page = client.get(f"/panels/public/meetings/{later.pk}/").text
    assert "Care leavers&#x27; housing" in page  # the title stays public
    assert "paragraph 1" in page
    assert f"/panels/reports/{report.pk}/" not in page
    assert status_of(client, f"/panels/items/{item.pk}/report/") == 404
    assert status_of(client, f"/panels/reports/{report.pk}/report.pdf") == 404
    assert Report.objects.public().count() == 0
    for role in ("councillor", "officer"):
        assert status_of(client_for(role), f"/panels/reports/{report.pk}/") == 200
        assert status_of(client_for(role), f"/panels/items/{item.pk}/report/") == 200


def test_an_exempt_item_needs_its_paragraph(client_for, later):
    response = client_for("officer").post(
        f"/panels/meetings/{later.pk}/items/new/",
        {"title": "Placement commissioning", "presenter": "Head of Service", "is_exempt": "on"},
    )
    assert response.status_code == 200
    assert "Choose the paragraph of Schedule 12A" in response.text
    assert 'value="Placement commissioning"' in response.text
    with pytest.raises(ValidationError) as error:
        services.agenda_item_add(
            actor=None, meeting=later, title="Placement commissioning", is_exempt=True
        )
    assert "exempt_paragraph" in error.value.message_dict
