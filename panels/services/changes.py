"""Changes to a meeting once its agenda is published: each is checked against the notice rule
as publication is, recorded with who made it and why, shown on the public page, and told to
the body's members and to the public who asked for alerts."""

from __future__ import annotations

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels import notice
from panels.minutes import clock, long_date
from panels.models import ChangeKind, Meeting, MeetingChange
from panels.reminders import meeting_changed

REASON_MAX = 1000
REASON_NEEDED = "Say why: members and the public who asked for alerts are told"


def _when(day: date, start: time) -> str:
    return f"{long_date(day)} at {clock(start)}"


def move_summary(before: dict[str, object], after: dict[str, object]) -> tuple[str, str]:
    """The kind of change and its words, from the public details before and after."""
    moved = before["date"] != after["date"] or before["start_time"] != after["start_time"]
    parts = []
    if moved:
        parts.append(
            f"Moved from {_when(before['date'], before['start_time'])} "  # type: ignore[arg-type]  # a date and a time
            f"to {_when(after['date'], after['start_time'])}"  # type: ignore[arg-type]  # as above
        )
    if before["venue"] != after["venue"]:
        parts.append(f"Now at {after['venue'] or 'a place to be confirmed'}")
    if before["online_link"] != after["online_link"]:
        parts.append("The link to join online has changed")
    return (ChangeKind.MOVED if moved else ChangeKind.DETAILS), "; ".join(parts)


def _check_reason(field: str, text: str, message: str = REASON_NEEDED) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({field: message})
    if len(text) > REASON_MAX:
        raise ValidationError({field: f"Keep this to {REASON_MAX} characters or fewer"})
    return text


def change_record(
    *,
    actor: User | None,
    meeting: Meeting,
    kind: str,
    summary: str,
    reason: str,
    reason_field: str = "change_reason",
    short_notice_reason: str = "",
    notice_for: date | None = None,
    today: date | None = None,
) -> MeetingChange:
    """Record one change to a published meeting and tell those who should know. notice_for: the
    (new) date of the meeting when the change must give five clear working days' notice, as
    publishing the agenda must; with fewer, a reason for short notice is required. Called inside
    the caller's transaction, after the change itself is checked."""
    reason = _check_reason(reason_field, reason)
    short = ""
    if notice_for is not None:
        today = today or timezone.localdate()
        if notice.is_short_notice(today, notice_for):
            days = notice.clear_working_days(today, notice_for)
            short = _check_reason(
                "short_notice_reason",
                short_notice_reason,
                f"Only {days} clear working day{'s' if days != 1 else ''} "
                f"{'are' if days != 1 else 'is'} left before the meeting (five are required): "
                "give the reason for short notice",
            )
    change = MeetingChange.objects.create(
        meeting=meeting,
        kind=kind,
        summary=summary[:400],
        reason=reason,
        short_notice_reason=short,
        made_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(actor=actor, instance=meeting, action="changed", note=f"{summary}. Why: {reason}")
    meeting_changed(meeting=meeting, change=change)
    return change


@transaction.atomic
def meeting_cancel(
    *, actor: User | None, meeting: Meeting, reason: str, today: date | None = None
) -> Meeting:
    """Cancel a meeting that has not been held. Once its agenda is published, members and the
    public who asked are told, and its public page says it is cancelled and why."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_cancelled:
        raise ValidationError("The meeting is already cancelled")
    if meeting.has_been_held:
        raise ValidationError("The meeting has been held: it cannot be cancelled")
    reason = _check_reason("reason", reason, "Say why the meeting is cancelled")
    meeting.cancelled_at = timezone.now()
    meeting.cancellation_reason = reason
    meeting.save(update_fields=["cancelled_at", "cancellation_reason", "updated_at"])
    if meeting.agenda_is_published:
        change_record(
            actor=actor,
            meeting=meeting,
            kind=ChangeKind.CANCELLED,
            summary=f"The meeting on {_when(meeting.date, meeting.start_time)} is cancelled",
            reason=reason,
            reason_field="reason",
            today=today,
        )
    else:
        audit_record(actor=actor, instance=meeting, action="cancelled", note=reason)
    return meeting
