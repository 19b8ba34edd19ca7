"""Minute labels, computed here and nowhere else; panels.services.numbering assigns the numbers.

A body numbers its minutes in one of two ways:

- prefix: "CPP20", a number that continues through the municipal year and restarts at 1 when
  a new year begins; resolutions under a minute are numbered 1, 2, 3;
- paragraphs: plain numbers ("17"), restarting each municipal year too, with the discussion and
  then the resolutions numbered as paragraphs of the minute ("17.1", "17.2", "17.3").

The municipal year comes from corporate_parenting.years (its start month is a site setting). A
body that moves to the portal part way through a year starts that year at its
first_minute_number; every other year starts at 1.

Meetings are numbered (panels.services.numbering) in date order, whatever order their minutes are written in: numbering an
earlier meeting after a later one renumbers the later meetings still in draft. Approved minutes
keep their numbers, so numbering that would have to change them is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from panels.models import Body


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
