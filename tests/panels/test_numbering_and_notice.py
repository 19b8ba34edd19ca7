import datetime

import pytest
from django.core.exceptions import ValidationError

from corporate_parenting.models import AuditEvent
from panels import notice, services
from panels.minutes import build_minutes
from panels.models import AgendaItem, Body, Meeting
from panels.numbering import minute_label, resolution_label
from panels.services import reports as report_services
from panels.services.numbering import assign_minute_numbers
from tests import factories as core
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def _held_meeting(body, day):
    meeting = services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
    services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    return meeting


def _drafted_meeting(body, day, items=2):
    meeting = _held_meeting(body, day)
    for number in range(items):
        services.agenda_item_add(actor=None, meeting=meeting, title=f"Item {number}")
    first = meeting.items.order_by("position").first()
    services.minutes_item_save(actor=None, item=first, discussion="Noted.")
    return meeting


def _labels(meeting):
    return [i.minute_number for i in meeting.items.order_by("position")]


def test_prefix_numbers_continue_through_the_year_and_restart_in_may():
    body = BodyFactory(minute_prefix="CPP")
    june = _drafted_meeting(body, datetime.date(2024, 6, 12), items=0)
    march = _drafted_meeting(body, datetime.date(2025, 3, 12), items=0)
    next_june = _drafted_meeting(body, datetime.date(2025, 6, 11), items=0)
    assert _labels(june) == ["CPP1", "CPP2", "CPP3", "CPP4"]
    assert _labels(march) == ["CPP5", "CPP6", "CPP7", "CPP8"]
    assert _labels(next_june) == ["CPP1", "CPP2", "CPP3", "CPP4"]


def test_the_start_of_the_municipal_year_is_the_site_setting():
    from corporate_parenting.models import SiteSettings

    SiteSettings.objects.update_or_create(
        pk=1,
        defaults={
            "council_name": "Anytown",
            "service_name": "Corporate parenting",
            "brand_colour": "#1d4f91",
            "political_year_start_month": 4,
        },
    )
    body = BodyFactory(minute_prefix="CPP")
    _drafted_meeting(body, datetime.date(2025, 3, 12), items=0)
    april = _drafted_meeting(body, datetime.date(2025, 4, 9), items=0)
    assert _labels(april)[0] == "CPP1"


def test_paragraph_style_numbers_resolutions_as_paragraphs():
    body = BodyFactory(numbering_style="paragraphs", minute_prefix="")
    assert minute_label(body, 17) == "17"
    assert resolution_label(body, 17, 2, 3) == "17.2"
    assert resolution_label(body, 17, 1, 1) == "17.1"
    # After two numbered discussion paragraphs, the resolutions continue at 17.3.
    assert resolution_label(body, 17, 1, 2, after=2) == "17.3"


def test_paragraph_style_numbers_the_discussion_then_the_resolutions(officer):
    body = BodyFactory(numbering_style="paragraphs", minute_prefix="")
    meeting = _held_meeting(body, datetime.date(2025, 6, 11))
    item = services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")
    services.minutes_item_save(
        actor=None,
        item=item,
        discussion="The Panel received an update.\n\nMembers asked about placements.",
    )
    services.resolution_add(actor=None, item=item, text="That the update be noted.")
    services.resolution_add(actor=None, item=item, text="That data come back.")
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk))
    entry = next(e for e in minutes.items if e.item.pk == item.pk)
    assert entry.number == "4"
    assert [(p.label, p.text) for p in entry.paragraphs] == [
        ("4.1", "The Panel received an update."),
        ("4.2", "Members asked about placements."),
    ]
    assert [r.label for r in entry.resolutions] == ["4.3", "4.4"]


def test_paragraph_style_minutes_print_each_resolution_as_a_resolved_paragraph(client_for):
    import io

    from pypdf import PdfReader

    from panels.models import DecisionStatus

    body = BodyFactory(numbering_style="paragraphs", minute_prefix="")
    meeting = _held_meeting(body, datetime.date(2025, 6, 11))
    item = services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")
    services.minutes_item_save(actor=None, item=item, discussion="The Panel received an update.")
    services.resolution_add(
        actor=None,
        item=item,
        text="That the update be noted.",
        decision_status=DecisionStatus.objects.first(),
    )
    response = client_for("officer").get(f"/panels/meetings/{meeting.pk}/minutes.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    flat = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "4.2 RESOLVED – That the update be noted." in flat
    assert "RESOLVED -" not in flat
    assert "Key decision: No. Subject to call-in: No." in flat
    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/").text
    assert "<strong>RESOLVED – </strong>That the update be noted." in page
    assert "RESOLVED -" not in page


def test_prefix_style_leaves_discussion_paragraphs_unnumbered():
    body = BodyFactory(minute_prefix="CPP")
    meeting = _held_meeting(body, datetime.date(2025, 6, 11))
    item = services.agenda_item_add(actor=None, meeting=meeting, title="Sufficiency strategy")
    services.minutes_item_save(actor=None, item=item, discussion="One.\n\nTwo.")
    services.resolution_add(actor=None, item=item, text="That the update be noted.")
    services.resolution_add(actor=None, item=item, text="That data come back.")
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk))
    entry = next(e for e in minutes.items if e.item.pk == item.pk)
    assert [p.label for p in entry.paragraphs] == ["", ""]
    assert [r.label for r in entry.resolutions] == ["1.", "2."]


def test_prefix_style_leaves_a_lone_resolution_unnumbered():
    body = BodyFactory(minute_prefix="CPP")
    assert minute_label(body, 20) == "CPP20"
    assert minute_label(body, None) == ""
    assert resolution_label(body, 20, 1, 1) == ""
    assert resolution_label(body, 20, 2, 4) == "2."


def test_an_item_added_while_drafting_is_numbered_in_agenda_order():
    body = BodyFactory(minute_prefix="CPP")
    meeting = _drafted_meeting(body, datetime.date(2025, 6, 11), items=0)
    services.agenda_item_add(actor=None, meeting=meeting, title="Late item")
    assert _labels(meeting) == ["CPP1", "CPP2", "CPP3", "CPP4", "CPP5"]
    assert meeting.items.get(title="Date of next meeting").minute_number == "CPP5"


def test_clear_working_days_skip_weekends_and_england_bank_holidays():
    # Published Friday 18 Dec 2020 for Wednesday 30 Dec: 21-24 Dec are working days,
    # 25 Dec, 28 Dec (Boxing Day observed) are bank holidays, 29 Dec is a working day.
    assert notice.clear_working_days(datetime.date(2020, 12, 18), datetime.date(2020, 12, 30)) == 5
    assert notice.clear_working_days(datetime.date(2020, 12, 21), datetime.date(2020, 12, 30)) == 4
    # The day of publication and the day of the meeting do not count.
    assert notice.clear_working_days(datetime.date(2024, 6, 3), datetime.date(2024, 6, 4)) == 0
    assert notice.is_short_notice(datetime.date(2020, 12, 21), datetime.date(2020, 12, 30))
    assert notice.latest_publication_day(datetime.date(2020, 12, 30)) == datetime.date(2020, 12, 18)


def test_publishing_at_short_notice_needs_a_reason():
    body = BodyFactory()
    meeting = services.meeting_create(
        actor=None, body=body, date=datetime.date(2020, 12, 30), start_time=datetime.time(18)
    )
    with pytest.raises(Exception) as problem:
        services.agenda_publish(actor=None, meeting=meeting, today=datetime.date(2020, 12, 21))
    assert "only 4 clear working days" in str(problem.value)
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"
    services.agenda_publish(
        actor=core.officer(),
        meeting=meeting,
        today=datetime.date(2020, 12, 21),
        short_notice_reason="Urgent decision on the inspection report",
    )
    meeting.refresh_from_db()
    assert meeting.status == "agenda_published"
    assert meeting.short_notice_reason == "Urgent decision on the inspection report"


# Where a year's numbers start


def test_a_body_can_start_a_municipal_year_part_way_through_its_numbers():
    body = BodyFactory(minute_prefix="CPP", first_minute_number=20, first_minute_year=2020)
    december = _drafted_meeting(body, datetime.date(2020, 12, 9), items=0)
    march = _drafted_meeting(body, datetime.date(2021, 3, 16), items=0)
    next_year = _drafted_meeting(body, datetime.date(2021, 6, 9), items=0)
    earlier_year = _drafted_meeting(body, datetime.date(2020, 3, 11), items=0)
    assert _labels(december) == ["CPP20", "CPP21", "CPP22", "CPP23"]
    assert _labels(march) == ["CPP24", "CPP25", "CPP26", "CPP27"]
    assert _labels(next_year)[0] == "CPP1"
    assert _labels(earlier_year)[0] == "CPP1"


def test_first_minute_number_and_year_go_together():
    with pytest.raises(ValidationError) as problem:
        services.body_create(
            actor=None, name="Board", slug="board", minute_prefix="CPB", first_minute_number=20
        )
    assert set(problem.value.message_dict) == {"first_minute_year"}
    with pytest.raises(ValidationError) as problem:
        services.body_create(
            actor=None, name="Board", slug="board", minute_prefix="CPB", first_minute_year=2025
        )
    assert set(problem.value.message_dict) == {"first_minute_number"}
    assert not Body.objects.filter(slug="board").exists()
    body = services.body_create(
        actor=None,
        name="Board",
        slug="board",
        minute_prefix="CPB",
        first_minute_number=20,
        first_minute_year=2025,
        report_deadline_days=10,
    )
    assert (body.first_minute_number, body.first_minute_year) == (20, 2025)
    # Clearing both goes back to starting every year at 1.
    body = services.body_update(
        actor=None, body=body, first_minute_number=None, first_minute_year=None
    )
    assert (body.first_minute_number, body.first_minute_year) == (1, None)
    # Changing an unrelated detail of a body that never chose a first number is not refused.
    body = services.body_update(actor=None, body=body, first_minute_year=None, name="The Board")
    assert body.name == "The Board"


def test_body_form_shows_a_number_without_a_year_on_the_year_field(client_for):
    client = client_for("admin")
    response = client.post(
        "/panels/bodies/new/",
        {
            "name": "Care Leavers Board",
            "slug": "care-leavers-board",
            "numbering_style": "prefix",
            "minute_prefix": "CLB",
            "first_minute_number": "20",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_first_minute_year"' in response.text
    assert "Enter the year in which the municipal year starting at minute 20 begins" in (
        response.text
    )
    assert 'value="Care Leavers Board"' in response.text
    assert not Body.objects.filter(slug="care-leavers-board").exists()
    response = client.post(
        "/panels/bodies/new/",
        {
            "name": "Care Leavers Board",
            "slug": "care-leavers-board",
            "numbering_style": "prefix",
            "minute_prefix": "CLB",
            "first_minute_number": "20",
            "first_minute_year": "2025",
            "report_deadline_days": "10",
        },
    )
    assert response.status_code == 302
    body = Body.objects.get(slug="care-leavers-board")
    assert (body.first_minute_number, body.first_minute_year, body.report_deadline_days) == (
        20,
        2025,
        10,
    )
    page = client.get("/panels/bodies/care-leavers-board/change/")
    assert 'name="first_minute_number" value="20"' in page.text


def test_body_form_year_without_a_number_is_an_error_on_the_number(client_for):
    body = BodyFactory(minute_prefix="CPP")
    response = client_for("admin").post(
        f"/panels/bodies/{body.slug}/change/",
        {
            "name": body.name,
            "slug": body.slug,
            "numbering_style": "prefix",
            "minute_prefix": "CPP",
            "first_minute_year": "2025",
        },
    )
    assert response.status_code == 200
    assert 'href="#id_first_minute_number"' in response.text
    body.refresh_from_db()
    assert body.first_minute_year is None
    assert body.report_deadline_days == 15


# Meetings whose minutes are written out of date order


def test_numbering_an_earlier_meeting_renumbers_later_draft_minutes():
    body = BodyFactory(minute_prefix="CPP")
    september = _drafted_meeting(body, datetime.date(2025, 9, 10), items=0)
    assert _labels(september) == ["CPP1", "CPP2", "CPP3", "CPP4"]
    june = _drafted_meeting(body, datetime.date(2025, 6, 11), items=1)
    assert _labels(june) == ["CPP1", "CPP2", "CPP3", "CPP4", "CPP5"]
    assert _labels(september) == ["CPP6", "CPP7", "CPP8", "CPP9"]
    renumbered = AuditEvent.objects.for_object(september).get(action="minutes renumbered")
    assert renumbered.changes == {"minute numbers": ["CPP1 to CPP4", "CPP6 to CPP9"]}
    # An item added to June while both are drafts moves September on again.
    services.agenda_item_add(actor=None, meeting=june, title="Late item")
    assert _labels(june)[-1] == "CPP6"
    assert _labels(september) == ["CPP7", "CPP8", "CPP9", "CPP10"]
    numbers = list(
        AgendaItem.objects.filter(meeting__body=body).values_list("minute_sequence", flat=True)
    )
    assert len(numbers) == len(set(numbers))


def test_renumbering_skips_later_meetings_without_minutes_and_other_years():
    body = BodyFactory(minute_prefix="CPP")
    next_year = _drafted_meeting(body, datetime.date(2026, 6, 10), items=0)
    later = _drafted_meeting(body, datetime.date(2025, 12, 10), items=0)
    _held_meeting(body, datetime.date(2025, 9, 10))  # no minutes yet
    june = _drafted_meeting(body, datetime.date(2025, 6, 11), items=0)
    assert _labels(june)[0] == "CPP1"
    assert _labels(later)[0] == "CPP5"
    assert _labels(next_year)[0] == "CPP1"


def test_numbering_before_a_later_meetings_approved_minutes_is_refused():
    body = BodyFactory(minute_prefix="CPP")
    march = _drafted_meeting(body, datetime.date(2026, 3, 4), items=0)
    services.minutes_approve(actor=None, meeting=march)
    december = _held_meeting(body, datetime.date(2025, 12, 10))
    first = december.items.order_by("position").first()
    with pytest.raises(ValidationError) as problem:
        services.minutes_item_save(actor=None, item=first, discussion="Noted.")
    assert problem.value.messages == [
        "The minutes of the meeting on 4 March 2026 are approved and keep their numbers, so "
        "these minutes cannot be numbered before them."
    ]
    december.refresh_from_db()
    first.refresh_from_db()
    assert december.status == "held"
    assert first.discussion == ""
    assert _labels(december) == ["", "", "", ""]
    assert _labels(march) == ["CPP1", "CPP2", "CPP3", "CPP4"]


def test_a_gap_before_approved_minutes_is_allowed_and_later_drafts_follow_them():
    body = BodyFactory(minute_prefix="CPP")
    june = _drafted_meeting(body, datetime.date(2025, 6, 11), items=1)  # CPP1-5
    september = _drafted_meeting(body, datetime.date(2025, 9, 10), items=0)  # CPP6-9
    services.minutes_approve(actor=None, meeting=september)
    december = _drafted_meeting(body, datetime.date(2025, 12, 10), items=0)  # CPP10-13
    services.agenda_item_remove(actor=None, item=june.items.get(title="Item 0"))
    assert _labels(june) == ["CPP1", "CPP2", "CPP3", "CPP4"]
    assert _labels(september) == ["CPP6", "CPP7", "CPP8", "CPP9"]
    assert _labels(december) == ["CPP10", "CPP11", "CPP12", "CPP13"]
    # One more item fills the gap; a second would take an approved number, so it is refused.
    services.agenda_item_add(actor=None, meeting=june, title="One more")
    assert _labels(june)[-1] == "CPP5"
    with pytest.raises(ValidationError):
        services.agenda_item_add(actor=None, meeting=june, title="And another")
    assert not june.items.filter(title="And another").exists()
    assert _labels(september) == ["CPP6", "CPP7", "CPP8", "CPP9"]


def test_approved_minutes_never_renumber():
    body = BodyFactory(minute_prefix="CPP")
    meeting = _drafted_meeting(body, datetime.date(2025, 6, 11), items=0)
    services.minutes_approve(actor=None, meeting=meeting)
    Body.objects.filter(pk=body.pk).update(first_minute_number=40, first_minute_year=2025)
    AgendaItem.objects.filter(meeting=meeting, position=1).update(position=99)
    assign_minute_numbers(Meeting.objects.get(pk=meeting.pk))
    assert sorted(_labels(meeting)) == sorted(["CPP1", "CPP2", "CPP3", "CPP4"])
    assert meeting.items.get(position=99).minute_number == "CPP1"


def test_refused_numbering_reaches_the_clerk_as_a_message_on_the_form(client_for):
    body = BodyFactory(minute_prefix="CPP")
    march = _drafted_meeting(body, datetime.date(2026, 3, 4), items=0)
    services.minutes_approve(actor=None, meeting=march)
    december = _held_meeting(body, datetime.date(2025, 12, 10))
    item = december.items.order_by("position").first()
    client = client_for("officer")
    response = client.post(f"/panels/items/{item.pk}/minutes/", {"discussion": "Noted."})
    assert response.status_code == 200
    assert "are approved and keep their numbers" in response.text
    assert "Noted." in response.text
    response = client.post(
        f"/panels/items/{item.pk}/resolutions/new/", {"text": "That the update be noted."}
    )
    assert response.status_code == 200
    assert "are approved and keep their numbers" in response.text
    assert not item.resolutions.exists()


def test_a_report_deadline_never_falls_on_a_weekend_or_a_bank_holiday():
    from panels.reports.models import Report
    from panels.reports.querysets import report_deadline

    # 15 days before Monday 20 April 2026 is Sunday 5 April, Easter Day; Good Friday (3 April)
    # and Saturday go too: the reports are due on Thursday 2 April.
    body = BodyFactory(report_deadline_days=15)
    easter = services.meeting_create(
        actor=None, body=body, date=datetime.date(2026, 4, 20), start_time=datetime.time(18)
    )
    # 15 days before Wednesday 24 June 2026 is Tuesday 9 June, a working day: kept.
    june = services.meeting_create(
        actor=None, body=body, date=datetime.date(2026, 6, 24), start_time=datetime.time(18)
    )
    assert report_deadline(easter) == datetime.date(2026, 4, 2)
    assert report_deadline(june) == datetime.date(2026, 6, 9)
    officer = core.officer()
    for meeting in (easter, june):
        item = services.agenda_item_add(actor=None, meeting=meeting, title="Update")
        report_services.report_create(
            actor=officer, item=item, title="Update", author=officer, sponsor=core.officer()
        )
    deadlines = dict(
        Report.objects.with_deadline(today=datetime.date(2026, 4, 3)).values_list(
            "item__meeting__date", "deadline"
        )
    )
    assert deadlines == {
        easter.date: datetime.date(2026, 4, 2),
        june.date: datetime.date(2026, 6, 9),
    }
    # The day after the deadline (Good Friday) the Easter report is late; June's is not.
    late = Report.objects.late(today=datetime.date(2026, 4, 3))
    assert [r.item.meeting_id for r in late] == [easter.pk]


def test_the_clerk_is_told_to_publish_on_the_last_day_and_nothing_once_the_meeting_is_held(
    client_for,
):
    from panels.services.agenda import agenda_warning

    body = BodyFactory()
    meeting = services.meeting_create(
        actor=None, body=body, date=datetime.date(2020, 12, 30), start_time=datetime.time(18)
    )
    last_day = agenda_warning(meeting, today=datetime.date(2020, 12, 18))
    assert last_day is not None and last_day.last_day_today and not last_day.short_notice
    earlier = agenda_warning(meeting, today=datetime.date(2020, 12, 17))
    assert earlier is not None and not earlier.last_day_today
    # After the day, and once it has been held, there is no notice left to warn about.
    assert agenda_warning(meeting, today=datetime.date(2020, 12, 31)) is None
    meeting.status = "minutes_approved"
    meeting.save()
    assert agenda_warning(meeting, today=datetime.date(2020, 12, 21)) is None
    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/").text
    assert "clear working day" not in page and "Publish the agenda today" not in page
