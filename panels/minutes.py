"""The minutes as the council prints them, built once for the page and the PDF.

The shape follows the council's minutes: a heading naming the body, day, date and time; the
Present / Officers / Apologies / Also Present blocks; each item under its minute number, the
discussion, then RESOLVED with numbered resolutions; the date of the next meeting; and the time
the chair closed the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from panels.models import (
    AgendaItem,
    AttendanceKind,
    ItemKind,
    Meeting,
    Resolution,
)
from panels.numbering import minute_label, resolution_label

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def clock(value: time | None, *, upper: bool = False) -> str:
    """18:30 -> '6.30 pm' (the council's style); upper=True gives '8:45 PM' for the closing line."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if upper:
        return f"{hour}:{value.minute:02d} {suffix.upper()}"
    return f"{hour}.{value.minute:02d} {suffix}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def count_in_words(count: int) -> str:
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def short_name(name: str) -> str:
    return name.removeprefix("Councillor ").strip()


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _councillors(entries: list[tuple[str, str]]) -> str:
    """[(name, role)] -> 'Councillor X' or 'Councillors A, B (Vice-Chair) and C'."""
    labels = [f"{short_name(n)} ({r})" if r else short_name(n) for n, r in entries]
    if not labels:
        return ""
    return f"{'Councillor' if len(labels) == 1 else 'Councillors'} {join_names(labels)}"


@dataclass
class MinuteResolution:
    label: str
    text: str
    resolution: Resolution


@dataclass
class MinuteItem:
    number: str
    title: str
    paragraphs: list[str]
    resolutions: list[MinuteResolution]
    item: AgendaItem
    declarations: list[str] = field(default_factory=list)
    carried_actions: list[Resolution] = field(default_factory=list)
    is_urgent: bool = False


@dataclass
class Minutes:
    heading: str
    chair_line: str
    members_line: str
    officers: str
    apologies: str
    also_present: str
    items: list[MinuteItem]
    closing: str


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def declaration_sentence(declaration: object) -> str:
    member = declaration.member  # type: ignore[attr-defined]
    about = (
        f" in item {declaration.item.title}"  # type: ignore[attr-defined]
        if declaration.item_id  # type: ignore[attr-defined]
        else ""
    )
    kind = declaration.get_kind_display().lower()  # type: ignore[attr-defined]
    return f"Councillor {short_name(str(member))} declared an interest{about} ({kind}): {declaration.text}"  # type: ignore[attr-defined]


def build_minutes(meeting: Meeting, *, carried_actions: list[Resolution] | None = None) -> Minutes:
    """Everything the minutes show, from a meeting fetched with prefetch_for_minutes()."""
    body = meeting.body
    attendance = list(meeting.attendance.all())
    present = [a for a in attendance if a.kind == AttendanceKind.PRESENT]
    chair = next((a for a in present if a.role == "Chair"), None)
    others = [(a.name, a.role) for a in present if a is not chair]
    # Substitutes sit with the members present: "Nolan (substitute for Councillor Marlow)".
    others += [(a.name, a.role) for a in attendance if a.kind == AttendanceKind.SUBSTITUTE]
    officers = [
        f"{a.name} ({a.role})" if a.role else a.name
        for a in attendance
        if a.kind == AttendanceKind.OFFICER
    ]
    apologies = [(a.name, "") for a in attendance if a.kind == AttendanceKind.APOLOGIES]
    also = [a.name for a in attendance if a.kind == AttendanceKind.ALSO_PRESENT]
    if meeting.young_people_present:
        count = meeting.young_people_present
        also.append(f"{count_in_words(count)} young {'person' if count == 1 else 'people'}")

    declarations = list(meeting.declarations.all())
    items = []
    for item in meeting.items.all():
        resolutions = list(item.resolutions.all())
        minute_item = MinuteItem(
            number=minute_label(body, item.minute_sequence),
            title=item.title,
            paragraphs=paragraphs(item.discussion),
            resolutions=[
                MinuteResolution(
                    label=resolution_label(
                        body, item.minute_sequence, r.position, len(resolutions)
                    ),
                    text=r.text,
                    resolution=r,
                )
                for r in resolutions
            ],
            item=item,
            is_urgent=item.is_urgent,
        )
        if item.kind == ItemKind.DECLARATIONS and not minute_item.paragraphs:
            minute_item.declarations = [declaration_sentence(d) for d in declarations] or [
                "There were no declarations of interest."
            ]
        if item.kind == ItemKind.ACTION_LOG:
            minute_item.carried_actions = carried_actions or []
        if (
            item.kind == ItemKind.NEXT_MEETING
            and not minute_item.paragraphs
            and meeting.next_meeting_date
        ):
            at = f" at {clock(meeting.next_meeting_time)}" if meeting.next_meeting_time else ""
            minute_item.paragraphs = [
                f"It was noted that the next meeting of the {body.name} would be held on "
                f"{long_date(meeting.next_meeting_date)}{at}."
            ]
        items.append(minute_item)

    heading = (
        f"Minutes of the meeting of the {body.name.upper()} held on "
        f"{long_date(meeting.date).upper()} at {clock(meeting.start_time)}"
    )
    return Minutes(
        heading=heading,
        chair_line=f"Councillor {short_name(chair.name)} (Chair)" if chair else "",
        members_line=_councillors(others),
        officers=join_names(officers),
        apologies=_councillors(apologies),
        also_present=join_names(
            [f"Councillor {short_name(n)}" if n.startswith("Councillor") else n for n in also]
        ),
        items=items,
        closing=(
            f"THE CHAIR CLOSED THE MEETING AT {clock(meeting.closing_time, upper=True)}"
            if meeting.closing_time
            else ""
        ),
    )
