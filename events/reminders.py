"""Who is reminded of what in the events diary.

- A week and a day before (REMINDERS_EVENT_DAYS_BEFORE), each person signed up to a scheduled
  event is reminded. The occasion names the event's first day, so an event that moves is
  reminded again for its new date, and one that stays is never reminded twice.
- When an event is cancelled or moved, everyone signed up is told at once (event_changed).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from events.models import Event, SignUp

# Changing any of these means the event has moved, as far as the people going are concerned.
MOVE_FIELDS = ("start_date", "end_date", "start_time", "end_time", "location", "online_link")


def _context(event: Event) -> dict[str, object]:
    return {
        "title": event.title,
        "dates": event.dates_label,
        "times": event.times_label,
        "location": event.location,
        "online_link": event.online_link,
        "start_date": event.start_date.isoformat(),
        "path": reverse("events:detail", kwargs={"pk": event.pk}),
    }


def offset_for(days_left: int, offsets: list[int]) -> int | None:
    """Which reminder is due with this many days to go: the largest offset n with
    days_left <= n, provided days_left is more than the next offset down (so a sign-up three
    days before gets the week's reminder, then the day's)."""
    ordered = sorted({n for n in offsets if n > 0}, reverse=True)
    for index, offset in enumerate(ordered):
        smaller = ordered[index + 1] if index + 1 < len(ordered) else 0
        if smaller < days_left <= offset:
            return offset
    return None


def plan(*, today: date) -> int:
    offsets = list(settings.REMINDERS_EVENT_DAYS_BEFORE)
    if not offsets:
        return 0
    horizon = today + timedelta(days=max(offsets))
    signups = (
        SignUp.objects.active()
        .filter(
            event__status="scheduled", event__start_date__gt=today, event__start_date__lte=horizon
        )
        .select_related("event", "person")
    )
    items = []
    for signup in signups:
        event = signup.event
        days_left = (event.start_date - today).days
        offset = offset_for(days_left, offsets)
        if offset is None:
            continue
        items.append(
            Outgoing(
                kind=Kind.EVENT_UPCOMING,
                subject=event,
                recipient=signup.person,
                occasion=f"{offset}d:{event.start_date.isoformat()}",
                context={**_context(event), "days_left": days_left},
                due_at=local_time_on(event.start_date - timedelta(days=offset)),
            )
        )
    return reminders_create(items=items)


def event_changed(*, event: Event, changes: Mapping[str, Any] | None = None) -> int:
    """Tell everyone signed up that the event was cancelled, or moved (changes: the audited
    {field: [old, new]} of the update). Written in the caller's transaction; sent after it
    commits."""
    if event.is_cancelled:
        change = "cancelled"
    elif changes and any(name in changes for name in MOVE_FIELDS):
        change = "moved"
    else:
        return 0
    people = [signup.person for signup in event.signups.active().select_related("person")]
    return reminders_create(
        items=[
            Outgoing(
                kind=Kind.EVENT_CHANGED,
                subject=event,
                recipient=person,
                occasion=f"{change}:{event.sequence}",
                context={**_context(event), "change": change},
            )
            for person in people
        ]
    )


def still_applies(reminder: Any) -> str:
    """At send time: a week's or a day's reminder for an event since cancelled or moved is not
    sent (the cancellation or move has its own e-mail)."""
    if reminder.kind != Kind.EVENT_UPCOMING:
        return ""
    event = Event.objects.filter(pk=reminder.subject_id).first()
    if event is None or event.is_cancelled:
        return "The event was cancelled"
    if event.start_date.isoformat() != reminder.context.get("start_date"):
        return "The event moved to another day"
    if not event.signups.active().filter(person_id=reminder.recipient_id).exists():
        return "The person is no longer signed up"
    return ""
