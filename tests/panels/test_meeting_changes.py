"""A change to a published meeting (moved, an item added or withdrawn, cancelled) is checked
against the notice rule, recorded with who and why, shown on the public page and told to members
and to the public who asked for alerts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from corporate_parenting.reminders import dispatch, services
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder
from panels import services as panel_services
from panels.models import MeetingChange
from tests.core.reminder_helpers import parsed, parts
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)


def _published(body, officer, days=30):
    meeting = panel_services.meeting_create(
        actor=officer,
        body=body,
        date=timezone.localdate() + dt.timedelta(days=days),
        start_time=dt.time(18, 30),
        venue="Civic Offices",
    )
    panel_services.agenda_publish(actor=officer, meeting=meeting)
    return meeting


def _details(meeting, **changes):
    data = {
        "date": meeting.date.isoformat(),
        "start_time": "18:30",
        "venue": meeting.venue,
        "online_link": "",
        "closing_time": "",
        "next_meeting_date": "",
        "next_meeting_time": "",
    }
    data.update(changes)
    return data


def _working_days_ahead(count: int) -> dt.date:
    from panels import notice

    day = timezone.localdate()
    while notice.clear_working_days(timezone.localdate(), day) < count or not notice.is_working_day(
        day
    ):
        day += dt.timedelta(days=1)
    return day


def test_moving_a_published_meeting_at_short_notice_needs_both_reasons_and_tells_everyone(
    client_for, body, officer, django_capture_on_commit_callbacks
):
    member = MembershipFactory(body=body).user
    reader = services.alert_subscribe(
        email="reader@example.net", body=body, agendas=True, minutes=False, decisions=False
    ).subscription
    services.alert_confirm(token=reader.token)
    meeting = _published(body, officer)
    before = meeting.date
    soon = _working_days_ahead(2)
    clerk = client_for("officer")
    url = f"/panels/meetings/{meeting.pk}/details/"
    # No reason: refused on the reason, nothing typed lost, nothing changed.
    page = clerk.post(url, _details(meeting, date=soon.isoformat()))
    assert page.status_code == 200
    assert "Say why: members and the public who asked for alerts are told" in page.text
    assert f'value="{soon.isoformat()}"' in page.text
    # A reason, but the new date gives two clear working days: the notice rule asks why.
    page = clerk.post(url, _details(meeting, date=soon.isoformat(), change_reason="Room flooded"))
    assert "clear working days are left before the meeting (five are required)" in page.text
    assert "Room flooded" in page.text
    meeting.refresh_from_db()
    assert meeting.date == before and not MeetingChange.objects.exists()
    dispatch.dispatch()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk.post(
            url,
            _details(
                meeting,
                date=soon.isoformat(),
                change_reason="Room flooded",
                short_notice_reason="The inspection letter must be discussed this month",
            ),
        )
    assert response.status_code == 302
    change = MeetingChange.objects.get()
    assert change.summary.startswith(f"Moved from {before:%A} {before.day} {before:%B %Y}")
    assert change.made_by == officer
    told = {
        (r.recipient.email if r.recipient else getattr(r.subscription, "email", ""), r.kind)
        for r in Reminder.objects.select_related("recipient", "subscription")
    }
    assert (member.email, Kind.MEETING_CHANGED) in told
    assert ("reader@example.net", Kind.ALERT_MEETING_CHANGED) in told
    [alert] = [m for m in mail.outbox if "reader@example.net" in m.to]
    text = parts(parsed(alert))["text/plain"]
    assert "Moved from" in text and "Room flooded" in text
    public = client_for("anonymous").get(f"/panels/public/meetings/{meeting.pk}/").text
    assert "Changes since the agenda was published" in public and "Moved from" in public
    assert officer.full_name not in public


def test_items_added_or_withdrawn_after_publication_and_a_cancellation_are_told(
    client_for, body, officer
):
    meeting = _published(body, officer)
    clerk = client_for("officer")
    add = f"/panels/meetings/{meeting.pk}/items/new/"
    page = clerk.post(add, {"title": "Late report on placements"})
    assert "Say why the item is added after the agenda was published" in page.text
    clerk.post(add, {"title": "Late report on placements", "change_reason": "Data arrived late"})
    item = meeting.items.get(title="Late report on placements")
    withdraw = f"/panels/items/{item.pk}/remove/"
    page = clerk.post(withdraw, {})
    assert page.status_code == 200 and "Say why the item is withdrawn" in page.text
    assert meeting.items.filter(pk=item.pk).exists()
    clerk.post(withdraw, {"reason": "Deferred to the next meeting"})
    assert not meeting.items.filter(pk=item.pk).exists()
    page = clerk.post(f"/panels/meetings/{meeting.pk}/cancel/", {"reason": ""})
    assert "Say why the meeting is cancelled" in page.text
    clerk.post(f"/panels/meetings/{meeting.pk}/cancel/", {"reason": "Not quorate"})
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    summaries = list(MeetingChange.objects.values_list("summary", flat=True))
    assert summaries == [
        "Item added: Late report on placements",
        "Item withdrawn: Late report on placements",
        f"The meeting on {meeting.date:%A} {meeting.date.day} {meeting.date:%B %Y} at 6.30 pm "
        "is cancelled",
    ]
    assert Reminder.objects.filter(kind=Kind.MEETING_CHANGED).count() == 0  # no members yet
    public = client_for("anonymous")
    page = public.get(f"/panels/public/meetings/{meeting.pk}/").text
    assert "This meeting is cancelled: Not quorate" in page
    assert "Cancelled" in public.get(f"/panels/public/bodies/{body.slug}/").text


def test_an_item_added_at_short_notice_must_be_urgent(client_for, body, officer):
    meeting = _published(body, officer, days=40)
    meeting.date = _working_days_ahead(2)
    meeting.save(update_fields=["date"])
    page = client_for("officer").post(
        f"/panels/meetings/{meeting.pk}/items/new/",
        {"title": "Late report", "change_reason": "Data arrived late"},
    )
    assert page.status_code == 200
    assert "add it as an urgent item, with the Chair" in page.text
    assert not meeting.items.filter(title="Late report").exists()
