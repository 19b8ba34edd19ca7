"""What every write to a meeting shares: the lock on approved minutes, and starting them."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from panels.models import Meeting, MeetingStatus
from panels.services.numbering import assign_minute_numbers

LOCKED_MESSAGE = (
    "These minutes are approved and locked. Record an amendment to correct them instead."
)


def ensure_unlocked(meeting: Meeting) -> None:
    if meeting.minutes_are_approved:
        raise ValidationError(LOCKED_MESSAGE)


def locked_fresh(meeting: Meeting) -> Meeting:
    """The meeting as it is in the database now, locked for this transaction, and unlocked for
    changes (its minutes not approved)."""
    fresh = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    ensure_unlocked(fresh)
    return fresh


def renumber_if_drafting(meeting: Meeting) -> None:
    if meeting.minutes_started:
        assign_minute_numbers(meeting)


NOT_HELD_MESSAGE = (
    "This meeting has not been held yet. Record who attended, on or after the day, before "
    "writing its minutes."
)


def start_minutes(meeting: Meeting) -> None:
    """The first minute written turns a held meeting's minutes into a draft and numbers them."""
    if meeting.minutes_started:
        return
    if not meeting.has_been_held:
        raise ValidationError(NOT_HELD_MESSAGE)
    meeting.status = MeetingStatus.MINUTES_DRAFT
    meeting.save(update_fields=["status"])
    assign_minute_numbers(meeting)
