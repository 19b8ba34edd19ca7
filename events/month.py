"""The month calendar: events and panel meetings together, as weeks of days (the grid people see
on a wide screen) and as the days that have something on (the list people see on a phone).

Who sees which meetings is decided where it always is: `Meeting.objects.visible_to(user)` for
signed-in people (with the public meetings of other bodies), `Meeting.objects.public()` for the
public. Events come in already scoped by the view (members' or public).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from html import escape

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from corporate_parenting.inputs import EARLIEST_YEAR, LATEST_YEAR
from corporate_parenting.models import User
from events.links import path_for_each
from events.models import Event, clock
from panels.models import Body, Meeting


@dataclass
class Entry:
    """One thing on one day: an event or a meeting, with the page it links to."""

    title: str
    url: str
    when: str
    kind: str  # "event" or "meeting"
    event: Event | None = None
    cancelled: bool = False
    starts: time | None = None  # None: all day
    listed: bool = True  # in the day list: an event only on its first day in the month
    is_mine: bool = False  # the person looking has a place
    takes_sign_ups: bool = False  # Event.takes_sign_ups on the day the month is shown
    sign_up_url: str = ""  # where a councillor's sign-up and cancel buttons post
    cancel_sign_up_url: str = ""
    area_names: tuple[str, ...] = ()  # the event's champion areas, by name

    @property
    def order(self) -> tuple[bool, time]:
        return (self.starts is not None, self.starts or time(0))

    def grid_html(self) -> str:
        """The entry in a day of the grid, every value escaped: a month has over a hundred
        entries, and as template nodes they were most of the grid's time."""
        when = f' <span class="portal-month__when">{escape(self.when)}</span>' if self.when else ""
        meeting = (
            ' <span class="portal-month__when">Meeting</span>' if self.kind == "meeting" else ""
        )
        cancelled = (
            ' <strong class="govuk-tag govuk-tag--red">Cancelled</strong>' if self.cancelled else ""
        )
        return (
            f'<li class="portal-month__entry portal-month__entry--{escape(self.kind)}">'
            f'<a class="govuk-link" href="{escape(self.url)}">{escape(self.title)}</a>'
            f"{when}{meeting}{cancelled}</li>"
        )


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)

    @property
    def entries_html(self) -> SafeString:
        """The day's entries as the grid prints them (each escaped in Entry.grid_html)."""
        return mark_safe("".join(entry.grid_html() for entry in self.entries))  # noqa: S308

    @property
    def label(self) -> str:
        """'Monday 3 November', as the date filter "l j F" prints it, without a filter per day."""
        return f"{self.day:%A} {self.day.day} {self.day:%B}"


@dataclass
class Month:
    first: date
    weeks: list[list[Day]]
    previous: date | None
    next: date | None

    @property
    def list_days(self) -> list[tuple[Day, list[Entry]]]:
        """The days of the month with something on, for the list: a multi-day event once, on
        its first day in the month."""
        days = []
        for week in self.weeks:
            for day in week:
                listed = [entry for entry in day.entries if entry.listed]
                if day.in_month and listed:
                    days.append((day, listed))
        return days


def month_bounds(first: date) -> tuple[date, date]:
    """The Monday before the 1st and the Sunday after the last day: the grid's first and last."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def meetings_for(user: User | AnonymousUser, body: Body | None) -> QuerySet[Meeting]:
    public = Meeting.objects.public()
    if not user.is_authenticated:
        rows = public
    else:
        rows = Meeting.objects.filter(
            pk__in=Meeting.objects.visible_to(user).values("pk").union(public.values("pk"))
        )
    if body is not None:
        rows = rows.filter(body=body)
    return rows


def area_names_of(events: list[Event]) -> dict[int, tuple[str, ...]]:
    """Each event's champion areas by name, in one query of names rather than area records."""
    names: dict[int, list[str]] = {}
    for event_id, name in (
        Event.areas.through.objects.filter(event_id__in=[event.pk for event in events])
        .order_by("championarea__name")
        .values_list("event_id", "championarea__name")
    ):
        names.setdefault(event_id, []).append(name)
    return {event_id: tuple(event_names) for event_id, event_names in names.items()}


def build_month(
    *,
    first: date,
    today: date,
    events: list[Event],
    area_names: dict[int, tuple[str, ...]] | None = None,
    meetings: QuerySet[Meeting],
    user: User | AnonymousUser,
    event_url: str,
    mine: frozenset[int] = frozenset(),
) -> Month:
    """Weeks of days for `first`'s month, each with its events (on every day they span) and
    meetings, in time order; `event_url` is the URL name an event links to, `mine` the events
    the person has a place at, `area_names` each event's champion areas (area_names_of)."""
    start, end = month_bounds(first)
    days = {
        start + timedelta(days=n): Day(
            day=start + timedelta(days=n),
            in_month=(start + timedelta(days=n)).month == first.month,
            is_today=start + timedelta(days=n) == today,
        )
        for n in range((end - start).days + 1)
    }
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    # One reverse() per kind of page rather than one per entry: an event spans many days.
    event_path = path_for_each(event_url)
    sign_up_path = path_for_each("events:sign_up")
    cancel_path = path_for_each("events:cancel_sign_up")
    for event in events:
        url = event_path(event.pk)
        sign_up_url, cancel_sign_up_url = sign_up_path(event.pk), cancel_path(event.pk)
        names = (area_names or {}).get(event.pk, ())
        listed_on = max(event.start_date, first)
        takes_sign_ups = event.takes_sign_ups(today)
        for day in event.days():
            if day in days:
                days[day].entries.append(
                    Entry(
                        title=event.title,
                        url=url,
                        when="All day" if event.is_all_day else event.times_label,
                        kind="event",
                        event=event,
                        cancelled=event.is_cancelled,
                        starts=None if event.is_all_day else event.start_time,
                        listed=day == listed_on and day <= last,
                        is_mine=event.pk in mine,
                        takes_sign_ups=takes_sign_ups,
                        sign_up_url=sign_up_url,
                        cancel_sign_up_url=cancel_sign_up_url,
                        area_names=names,
                    )
                )
    readable = (
        set(
            Meeting.objects.visible_to(user)
            .filter(date__range=(start, end))
            .values_list("pk", flat=True)
        )
        if user.is_authenticated
        else set()
    )
    member_path = path_for_each("panels:meeting_detail")
    public_path = path_for_each("panels:public_meeting")
    for meeting in (
        meetings.filter(date__range=(start, end))
        .select_related("body")
        .only("date", "start_time", "body__name")
        .order_by("date", "start_time")
    ):
        url = member_path(meeting.pk) if meeting.pk in readable else public_path(meeting.pk)
        days[meeting.date].entries.append(
            Entry(
                title=meeting.body.name,
                url=url,
                when=clock(meeting.start_time),
                kind="meeting",
                starts=meeting.start_time,
            )
        )
    for cell in days.values():
        # All-day first, then by time: a meeting at 6.30pm after a 10am event.
        cell.entries.sort(key=lambda entry: entry.order)
    ordered = [days[key] for key in sorted(days)]
    weeks = [ordered[n : n + 7] for n in range(0, len(ordered), 7)]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Month(
        first=first,
        weeks=weeks,
        previous=previous if previous.year >= EARLIEST_YEAR else None,
        next=following if following.year <= LATEST_YEAR else None,
    )
