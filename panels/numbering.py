"""Minute numbers, computed here and nowhere else.

A body numbers its minutes in one of two ways:

- prefix: "CPP20", a number that continues through the municipal year and restarts at 1 when
  a new year begins; resolutions under a minute are numbered 1, 2, 3;
- paragraphs: plain numbers ("17"), restarting each municipal year too, with the discussion and
  then the resolutions numbered as paragraphs of the minute ("17.1", "17.2", "17.3").

The municipal year comes from corporate_parenting.years (its start month is a site setting). A
body that moves to the portal part way through a year starts that year at its
first_minute_number; every other year starts at 1.

Meetings are numbered in date order, whatever order their minutes are written in: numbering an
earlier meeting after a later one renumbers the later meetings still in draft. Approved minutes
keep their numbers, so numbering that would have to change them is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from corporate_parenting.audit import audit_record
from corporate_parenting.years import PoliticalYear, political_year_for

if TYPE_CHECKING:
    from panels.models import AgendaItem, Body, Meeting


def minute_label(body: Body, sequence: int | None) -> str:
    """'CPP20' or '17' for the minute with this running number; '' before numbers are assigned."""
    if sequence is None:
        return ""
    if body.numbering_style == "prefix":
        return f"{body.minute_prefix}{sequence}"
    return str(sequence)


def paragraph_label(body: Body, sequence: int | None, position: int) -> str:
    """'17.3' for the third numbered paragraph of minute 17 in the paragraphs style; '' in the
    prefix style, whose discussion paragraphs are not numbered."""
    if body.numbering_style != "paragraphs":
        return ""
    return f"{sequence}.{position}" if sequence is not None else str(position)


def resolution_label(
    body: Body, sequence: int | None, position: int, count: int, *, after: int = 0
) -> str:
    """The number in front of a resolution: '1.', '2.' (none when it stands alone), or '17.1'.

    In the paragraphs style the resolutions continue the minute's numbered paragraphs: `after`
    is how many discussion paragraphs come before them, so with two, resolution 1 is '17.3'.
    """
    if body.numbering_style == "paragraphs":
        return paragraph_label(body, sequence, after + position)
    return "" if count == 1 else f"{position}."


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
    from panels.models import AgendaItem, Body, Meeting, MeetingStatus

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
