"""Scheduling a meeting and changing its details."""

from __future__ import annotations

from datetime import date, time

from django.db import transaction

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import AgendaItem, Body, ItemKind, Meeting
from panels.services.common import locked_fresh

STANDARD_ITEMS = (
    (ItemKind.DECLARATIONS, "Apologies and declarations of interest"),
    (ItemKind.MINUTES, "Minutes"),
    (ItemKind.ACTION_LOG, "Action log"),
    (ItemKind.NEXT_MEETING, "Date of next meeting"),
)


MEETING_FIELDS = (
    "date",
    "start_time",
    "venue",
    "online_link",
    "closing_time",
    "next_meeting_date",
    "next_meeting_time",
)


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    body: Body,
    date: date,
    start_time: time,
    venue: str = "",
    online_link: str = "",
) -> Meeting:
    """A scheduled meeting with the standard items every meeting has."""
    meeting = Meeting(
        body=body, date=date, start_time=start_time, venue=venue, online_link=online_link
    )
    meeting.full_clean()
    meeting.save()
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(meeting=meeting, position=position, kind=kind, title=title)
            for position, (kind, title) in enumerate(STANDARD_ITEMS, start=1)
        ]
    )
    audit_record(actor=actor, instance=meeting, action="created")
    return meeting


@transaction.atomic
def meeting_update(*, actor: User | None, meeting: Meeting, **fields: object) -> Meeting:
    meeting = locked_fresh(meeting)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Not a meeting detail: {', '.join(sorted(unknown))}")
    before = snapshot(meeting, fields)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save(update_fields=[*fields, "updated_at"])
    audit_record(
        actor=actor,
        instance=meeting,
        action="details changed",
        changes=changes_between(before, snapshot(meeting, fields)),
    )
    return meeting
