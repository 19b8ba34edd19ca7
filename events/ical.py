"""Calendar feeds (iCalendar) that Outlook and phone calendars subscribe to.

Timed events are sent in UTC, so clients place them correctly on both sides of the change to
and from British Summer Time. All-day events are sent as dates with the day after the last day as
their (exclusive) end: Fostering Fortnight, 10 to 23 May, ends on 24 May. Every event keeps its
UID for life; its SEQUENCE goes up when it changes; a cancelled event stays in the feed as
STATUS:CANCELLED so that calendars take it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from icalendar import Calendar
from icalendar import Event as ICalEvent

from corporate_parenting.inputs import one_line, with_line_breaks
from events.models import LONDON, Event
from panels.models import Meeting

PRODID = "-//Corporate parenting portal//Events diary//EN"
UID_DOMAIN = "events.corporate-parenting"
MEETING_LENGTH = timedelta(hours=2)


# Text from the database may hold what a calendar line cannot: line breaks (an old row, an
# import), other control characters, or a NUL or a lone surrogate from elsewhere. None of it may
# stop the file being written: one-line values go through one_line, descriptions through
# with_line_breaks (icalendar writes LF as \\n).


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON).astimezone(UTC)


def new_calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    return cal


def event_component(event: Event, *, url: str = "") -> ICalEvent:
    item = ICalEvent()
    item.add("uid", f"{event.uid}@{UID_DOMAIN}")
    item.add("sequence", event.sequence)
    item.add("dtstamp", event.updated_at.astimezone(UTC))
    item.add("last-modified", event.updated_at.astimezone(UTC))
    item.add("summary", one_line(event.title))
    starts, ends = event.starts_at, event.ends_at
    if starts is None or ends is None:  # all day
        item.add("dtstart", event.start_date)
        item.add("dtend", event.end_date + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    else:
        item.add("dtstart", starts.astimezone(UTC))
        item.add("dtend", ends.astimezone(UTC))
    location = ", ".join(one_line(part) for part in (event.location, event.online_link) if part)
    if location:
        item.add("location", location)
    description = with_line_breaks(event.description)
    if event.online_link:
        description = f"{description}\n\nJoin online: {one_line(event.online_link)}".strip()
    if description:
        item.add("description", description)
    item.add("categories", [one_line(event.get_category_display())])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if url:
        item.add("url", url)
    return item


def meeting_component(meeting: Meeting) -> ICalEvent:
    """A panel meeting of a body the member sits on."""
    item = ICalEvent()
    item.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    item.add("dtstamp", meeting.updated_at.astimezone(UTC))
    item.add("summary", one_line(meeting.body.name))
    start = _utc(meeting.date, meeting.start_time)
    closing = getattr(meeting, "closing_time", None)
    end = _utc(meeting.date, closing) if closing and closing > meeting.start_time else None
    item.add("dtstart", start)
    item.add("dtend", end or start + MEETING_LENGTH)
    if meeting.venue:
        item.add("location", one_line(meeting.venue))
    item.add("status", "CONFIRMED")
    return item


def calendar_bytes(
    name: str,
    events: Iterable[Event],
    *,
    request: HttpRequest | None = None,
    url_name: str = "events:detail",
    meetings: Iterable[Meeting] = (),
) -> bytes:
    cal = new_calendar(name)
    for event in events:
        url = ""
        if request is not None:
            url = request.build_absolute_uri(reverse(url_name, kwargs={"pk": event.pk}))
        cal.add_component(event_component(event, url=url))
    for meeting in meetings:
        cal.add_component(meeting_component(meeting))
    return cal.to_ical()


def ics_response(content: bytes, *, filename: str, download: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    # RFC 6266: a name outside ASCII goes in filename*, so the header stays valid.
    disposition = content_disposition_header(download, filename)
    if disposition:  # always, as a filename is given
        response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"  # an export: never kept (issue 13)
    return response
