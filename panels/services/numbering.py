"""Numbering a meeting's minutes through the body's municipal year, keeping the later meetings
of the year in sequence (the rules are in panels.numbering's docstring, the labels there too)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from corporate_parenting.audit import audit_record
from corporate_parenting.years import PoliticalYear, political_year_for
from panels.models import AgendaItem, Body, Meeting, MeetingStatus
from panels.numbering import minute_label


def year_start_number(body: Body, year: PoliticalYear) -> int:
    """The first minute number of a municipal year: the body's chosen number for the year it
    joined the portal, else 1."""
    if body.first_minute_year is not None and body.first_minute_year == year.start_year:
        return body.first_minute_number or 1
    return 1


def _date_label(meeting: Meeting) -> str:
    return f"{meeting.date.day} {meeting.date:%B %Y}"


def _ordered(meetings: list[Meeting]) -> list[Meeting]:
    return sorted(meetings, key=lambda m: (m.date, m.start_time, m.pk))


@transaction.atomic
def assign_minute_numbers(meeting: Meeting) -> None:
    """Number every item of the meeting in agenda order, continuing the body's year, and keep
    the later meetings of the year that already have numbers in sequence after it.

    Does nothing to approved minutes. Raises ValidationError, changing nothing, when a later
    meeting's approved minutes would have to be renumbered.
    """
    # One numbering of a body at a time, so two clerks never hand out the same number.
    body = Body.objects.select_for_update().get(pk=meeting.body_id)
    year = political_year_for(meeting.date)
    meetings = _ordered(
        list(
            Meeting.objects.filter(body=body, date__gte=year.start, date__lte=year.end).only(
                "pk", "date", "start_time", "status", "body_id"
            )
        )
    )
    index = [m.pk for m in meetings].index(meeting.pk)
    this = meetings[index]
    if this.status == MeetingStatus.MINUTES_APPROVED:
        return  # approved minutes never renumber

    items_of: dict[int, list[AgendaItem]] = {m.pk: [] for m in meetings}
    for item in AgendaItem.objects.filter(meeting__in=meetings).order_by("meeting", "position"):
        items_of[item.meeting_id].append(item)

    def numbers(m: Meeting) -> list[int]:
        return [i.minute_sequence for i in items_of[m.pk] if i.minute_sequence is not None]

    earlier = [n for m in meetings[:index] for n in numbers(m)]
    next_number = max(earlier) + 1 if earlier else year_start_number(body, year)

    # Plan every change first, so a refusal changes nothing.
    changed: list[AgendaItem] = []

    def renumber(m: Meeting, start: int) -> int:
        for offset, item in enumerate(items_of[m.pk]):
            if item.minute_sequence != start + offset:
                item.minute_sequence = start + offset
                changed.append(item)
        return start + len(items_of[m.pk])

    next_number = renumber(this, next_number)
    renumbered: list[tuple[Meeting, list[int]]] = []
    for later in meetings[index + 1 :]:
        used = numbers(later)
        if not used:
            continue  # numbered when its own minutes are started
        if later.status == MeetingStatus.MINUTES_APPROVED:
            if min(used) < next_number:
                raise ValidationError(
                    f"The minutes of the meeting on {_date_label(later)} are approved and keep "
                    "their numbers, so these minutes cannot be numbered before them."
                )
            next_number = max(used) + 1
            continue
        next_number = renumber(later, next_number)
        if numbers(later) != used:
            renumbered.append((later, used))

    if changed:
        AgendaItem.objects.bulk_update(changed, ["minute_sequence"])
    for later, used in renumbered:
        # A change to another meeting's draft minutes is recorded on that meeting.
        audit_record(
            actor=None,
            instance=later,
            action="minutes renumbered",
            changes={"minute numbers": [_span(body, used), _span(body, numbers(later))]},
            note=f"The minutes of the earlier meeting on {_date_label(this)} were numbered "
            "after these.",
        )


def _span(body: Body, numbers: list[int]) -> str:
    return f"{minute_label(body, min(numbers))} to {minute_label(body, max(numbers))}"
