"""Minute numbers, computed here and nowhere else.

A body numbers its minutes in one of two ways:

- prefix: "CPP20", a number that continues through the municipal year and restarts at 1 when
  a new year begins; resolutions under a minute are numbered 1, 2, 3;
- paragraphs: plain numbers ("17"), restarting each municipal year too, with the resolutions
  numbered as paragraphs of the minute ("17.1", "17.2").

The municipal year comes from corporate_parenting.years (its start month is a site setting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Max

from corporate_parenting.years import political_year_for

if TYPE_CHECKING:
    from panels.models import Body, Meeting


def minute_label(body: Body, sequence: int | None) -> str:
    """'CPP20' or '17' for the minute with this running number; '' before numbers are assigned."""
    if sequence is None:
        return ""
    if body.numbering_style == "prefix":
        return f"{body.minute_prefix}{sequence}"
    return str(sequence)


def resolution_label(body: Body, sequence: int | None, position: int, count: int) -> str:
    """The number in front of a resolution: '1.', '2.' (none when it stands alone), or '17.1'."""
    if body.numbering_style == "paragraphs":
        return f"{sequence}.{position}" if sequence is not None else str(position)
    return "" if count == 1 else f"{position}."


def first_sequence_for(meeting: Meeting) -> int:
    """The first minute number of this meeting: one more than the last number used by an earlier
    meeting of the same body in the same municipal year."""
    from panels.models import AgendaItem

    year = political_year_for(meeting.date)
    earlier = AgendaItem.objects.filter(
        meeting__body_id=meeting.body_id,
        meeting__date__gte=year.start,
        meeting__date__lte=year.end,
        minute_sequence__isnull=False,
    ).exclude(meeting=meeting)
    earlier = earlier.filter(meeting__date__lt=meeting.date) | earlier.filter(
        meeting__date=meeting.date, meeting__pk__lt=meeting.pk
    )
    last = earlier.aggregate(last=Max("minute_sequence"))["last"]
    return (last or 0) + 1


def assign_minute_numbers(meeting: Meeting) -> None:
    """Number every item of the meeting in agenda order, continuing the body's year."""
    items = list(meeting.items.order_by("position"))
    start = first_sequence_for(meeting)
    for offset, item in enumerate(items):
        item.minute_sequence = start + offset
    if items:
        type(items[0]).objects.bulk_update(items, ["minute_sequence"])
