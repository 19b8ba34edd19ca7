"""Scheduling a meeting and changing its details."""

from __future__ import annotations

from datetime import date, time

from django.db import transaction

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import AgendaItem, Body, ChangeKind, ItemKind, Meeting
from panels.services.changes import change_record, move_summary
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


# What the public and members are told of when it changes after the agenda is published.
PUBLIC_DETAILS = ("date", "start_time", "venue", "online_link")


@transaction.atomic
def meeting_update(
    *,
    actor: User | None,
    meeting: Meeting,
    change_reason: str = "",
    short_notice_reason: str = "",
    today: date | None = None,
    **fields: object,
) -> Meeting:
    """Change a meeting's details. Once its agenda is published (and before it is held), a
    change of date, time or place needs a reason, is checked against the notice rule, is
    recorded and is told to members and the public who asked (panels.services.changes)."""
    meeting = locked_fresh(meeting)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Not a meeting detail: {', '.join(sorted(unknown))}")
    before = snapshot(meeting, fields)
    public_before = {name: getattr(meeting, name) for name in PUBLIC_DETAILS}
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    public_after = {name: getattr(meeting, name) for name in PUBLIC_DETAILS}
    if (
        public_after != public_before
        and meeting.agenda_is_published
        and not meeting.has_been_held
        and not meeting.is_cancelled
    ):
        kind, summary = move_summary(public_before, public_after)
        change_record(
            actor=actor,
            meeting=meeting,
            kind=kind,
            summary=summary,
            reason=change_reason,
            short_notice_reason=short_notice_reason,
            # A new date (or time) must give notice as publication does; a new room need not.
            notice_for=meeting.date if kind == ChangeKind.MOVED else None,
            today=today,
        )
    meeting.save(update_fields=[*fields, "updated_at"])
    audit_record(
        actor=actor,
        instance=meeting,
        action="details changed",
        changes=changes_between(before, snapshot(meeting, fields)),
    )
    return meeting
