import datetime

import pytest

from panels import notice, services
from panels.numbering import minute_label, resolution_label
from tests import factories as core
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def _drafted_meeting(body, day, items=2):
    meeting = services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
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
