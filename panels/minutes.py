"""The minutes as the council prints them, built once for the page and the PDF.

The shape follows the council's minutes: a heading naming the body, day, date and time; the
Present / Officers / Apologies / Also Present blocks; each item under its minute number, the
discussion, then RESOLVED with numbered resolutions; the date of the next meeting; and the time
the chair closed the meeting.

In the numbered-paragraphs style the discussion paragraphs are numbered (17.1, 17.2) and the
resolutions continue the sequence (17.3, 17.4). The public's copy (public=True) keeps an exempt
item's number and title but says only that it was considered in private; the members' copy shows
everything and marks the item exempt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from django.contrib.humanize.templatetags.humanize import apnumber

from corporate_parenting.models import Role, User
from panels.models import (
    AgendaItem,
    Attendance,
    AttendanceKind,
    DecisionStatus,
    ItemKind,
    Meeting,
    Resolution,
)
from panels.models.bodies import NumberingStyle
from panels.numbering import minute_label, paragraph_label, resolution_label


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
    """'two' for 2: words for one to nine, figures from 10 (django.contrib.humanize's apnumber)."""
    return str(apnumber(count))


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


def _members(entries: list[tuple[str, str, bool]]) -> str:
    """[(name, role, is a councillor)] -> 'Councillors A and B (Vice-Chair), Jo Director
    (Member) and Kit Morgan (Co-opted member)': a body's members who are not councillors
    (officers, partners' representatives) by their name and role, never called councillor."""
    councillors = _councillors([(n, r) for n, r, c in entries if c])
    others = [f"{n} ({r})" if r else n for n, r, c in entries if not c]
    if councillors and others:
        return f"{councillors}; {join_names(others)}"
    return councillors or join_names(others)


@dataclass
class MinuteParagraph:
    """One paragraph of a minute, with its number in the numbered-paragraphs style ('17.1')."""

    label: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class MinuteResolution:
    label: str
    text: str
    resolution: Resolution
    # "Decision: Noted. Key decision: No. Subject to call-in: No."
    decision: str = ""
    # In the numbered-paragraphs style each resolution is a paragraph of its own that opens
    # with "RESOLVED –"; in the prefix style one "RESOLVED -" line heads the list.
    lead: str = ""


@dataclass
class MinuteItem:
    number: str
    title: str
    paragraphs: list[MinuteParagraph]
    resolutions: list[MinuteResolution]
    item: AgendaItem
    declarations: list[str] = field(default_factory=list)
    carried_actions: list[Resolution] = field(default_factory=list)
    is_urgent: bool = False
    urgency: str = ""  # "The Chair agreed to take this item as urgent because ..."
    # The prefix style heads the resolutions with one "RESOLVED -" line (MinuteResolution.lead).
    resolved_heading: bool = True
    exempt_label: str = ""  # "Exempt: paragraph 3", in the members' copy only
    withheld: bool = False  # an exempt item in the public's copy: nothing but the notice


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


def short_date(day: date) -> str:
    """9 December 2020, as the minutes write dates in running text."""
    return f"{day.day} {day:%B %Y}"


def exempt_notice(paragraph: str) -> str:
    return (
        "This item was considered in private because it involved the likely disclosure of "
        f"exempt information as defined in paragraph {paragraph} of Part 1 of Schedule 12A to "
        "the Local Government Act 1972."
    )


def urgency_sentence(item: AgendaItem) -> str:
    """What the minutes say of an urgent item: that the Chair agreed to take it, and why."""
    if not item.is_urgent:
        return ""
    reason = " ".join(item.urgency_reason.split())
    if not reason:
        return "The Chair agreed that this item be considered as a matter of urgency."
    return (
        "The Chair agreed that this item be considered as a matter of urgency, for this reason: "
        f"{reason}"
    )


def decision_line(resolution: Resolution, status: DecisionStatus | None) -> str:
    """'Decision: Recommendations Approved. Key decision: Yes. Subject to call-in until 3 March
    2026.' A decision (a status recorded) says whether it is a key decision and subject to
    call-in, "No" included; otherwise only what is recorded is said, and '' when nothing is."""
    is_decision = status is not None
    parts = []
    if status is not None:
        parts.append(f"Decision: {status.name}.")
    if is_decision or resolution.is_key_decision:
        parts.append(f"Key decision: {'Yes' if resolution.is_key_decision else 'No'}.")
    if resolution.subject_to_call_in and resolution.call_in_deadline:
        parts.append(f"Subject to call-in until {short_date(resolution.call_in_deadline)}.")
    elif resolution.subject_to_call_in:
        parts.append("Subject to call-in: Yes.")
    elif is_decision:
        parts.append("Subject to call-in: No.")
    return " ".join(parts)


def _decision_statuses(resolutions: list[Resolution]) -> dict[int, DecisionStatus]:
    """The decision statuses of these resolutions in one query (none when they were fetched
    with the resolutions)."""
    descriptor = Resolution.decision_status
    known: dict[int, DecisionStatus] = {
        r.decision_status_id: r.decision_status
        for r in resolutions
        # is_cached first: reading decision_status before would query for each resolution.
        if r.decision_status_id is not None
        and descriptor.is_cached(r)
        and r.decision_status is not None
    }
    missing = {
        r.decision_status_id
        for r in resolutions
        if r.decision_status_id is not None and r.decision_status_id not in known
    }
    if missing:
        known.update(DecisionStatus.objects.in_bulk(missing))
    return known


def declaration_sentence(
    declaration: object,
    *,
    public: bool = False,
    role_only: frozenset[int] = frozenset(),
    councillors: frozenset[int] | None = None,
) -> str:
    """The sentence the minutes print. public=True: an exempt item's interest withheld, and a
    member in role_only (user ids of ROLE_ONLY members) named by the role alone."""
    member = declaration.member  # type: ignore[attr-defined]  # declaration is a Declaration, typed object here
    about = (
        f" in item {declaration.item.title}"  # type: ignore[attr-defined]  # as above
        if declaration.item_id  # type: ignore[attr-defined]  # as above
        else ""
    )
    # councillors: the members who are councillors, when known (an officer or a partner's
    # representative on the body is named without the title).
    titled = councillors is None or member.pk in councillors
    who = f"Councillor {short_name(str(member))}" if titled else str(member)
    if member.pk in role_only:
        who = "A young people's representative"
    if public and declaration.item_id and not declaration.item.content_is_public:  # type: ignore[attr-defined]  # as above
        # What the interest was belongs to the private part of the meeting.
        return f"{who} declared an interest{about}, which was considered in private."
    kind = declaration.get_kind_display().lower()  # type: ignore[attr-defined]  # as above
    return f"{who} declared an interest{about} ({kind}): {declaration.text}"  # type: ignore[attr-defined]  # as above


def build_minutes(
    meeting: Meeting,
    *,
    carried_actions: list[Resolution] | None = None,
    public: bool = False,
) -> Minutes:
    """Everything the minutes show, from a meeting fetched with prefetch_for_minutes().

    public=True gives the public's copy: exempt items say only that they were considered in
    private, and nothing of them (discussion, resolutions, the interests declared in them,
    their actions carried to this meeting) is shown; a member named by the role alone
    (ROLE_ONLY: a young people's representative) is "also present" by their role, never named.
    """
    body = meeting.body
    attendance = list(meeting.attendance.all())
    # Members named by the role alone (ROLE_ONLY, every member of a body of young people) and
    # seats without an account are "also present" by their role or seat, never as councillors
    # and never by a person's name, in every copy of the minutes.
    role_only = frozenset(m.user_id for m in body.memberships.all() if m.is_role_only and m.user_id)

    def by_role(a: Attendance) -> bool:
        return a.seat_id is not None or a.user_id in role_only

    def as_role(a: Attendance) -> str:
        if a.seat_id is not None:
            return f"a {a.name}"  # the seat's name: "a Children in Care Council representative"
        label = a.role or "member"
        return f"a {label[:1].lower()}{label[1:]}"

    also_by_role = [
        as_role(a) for a in attendance if by_role(a) and a.kind == AttendanceKind.PRESENT
    ]
    apologies_by_role = [
        as_role(a) for a in attendance if by_role(a) and a.kind == AttendanceKind.APOLOGIES
    ]
    attendance = [a for a in attendance if not by_role(a)]
    # A body's members may be officers and partners' representatives as well as councillors:
    # only councillors are called councillor (a name typed in, with no account, is as before).
    declarations = list(meeting.declarations.all())
    people = {a.user_id for a in attendance if a.user_id is not None}
    people |= {d.member_id for d in declarations}
    councillors = frozenset(
        User.objects.filter(pk__in=people, groups__name=Role.COUNCILLOR).values_list(
            "pk", flat=True
        )
        if people
        else ()
    )

    def is_councillor(a: Attendance) -> bool:
        return a.user_id is None or a.user_id in councillors

    present = [a for a in attendance if a.kind == AttendanceKind.PRESENT]
    chair = next((a for a in present if a.role == "Chair"), None)
    others = [(a.name, a.role, is_councillor(a)) for a in present if a is not chair]
    # Substitutes sit with the members present: "Nolan (substitute for Councillor Marlow)".
    others += [
        (a.name, a.role, is_councillor(a))
        for a in attendance
        if a.kind == AttendanceKind.SUBSTITUTE
    ]
    officers = [
        f"{a.name} ({a.role})" if a.role else a.name
        for a in attendance
        if a.kind == AttendanceKind.OFFICER
    ]
    apologies = [
        (a.name, "", is_councillor(a)) for a in attendance if a.kind == AttendanceKind.APOLOGIES
    ]
    also = [a.name for a in attendance if a.kind == AttendanceKind.ALSO_PRESENT] + also_by_role
    if meeting.young_people_present:
        count = meeting.young_people_present
        also.append(f"{count_in_words(count)} young {'person' if count == 1 else 'people'}")

    agenda = list(meeting.items.all())
    statuses = _decision_statuses([r for item in agenda for r in item.resolutions.all()])
    items = []
    for item in agenda:
        withheld = public and not item.content_is_public
        texts = [exempt_notice(item.exempt_paragraph)] if withheld else paragraphs(item.discussion)
        if item.kind == ItemKind.NEXT_MEETING and not texts and meeting.next_meeting_date:
            at = f" at {clock(meeting.next_meeting_time)}" if meeting.next_meeting_time else ""
            texts = [
                f"It was noted that the next meeting of the {body.name} would be held on "
                f"{long_date(meeting.next_meeting_date)}{at}."
            ]
        resolutions = [] if withheld else list(item.resolutions.all())
        in_paragraphs = body.numbering_style == NumberingStyle.PARAGRAPHS
        minute_item = MinuteItem(
            number=minute_label(body, item.minute_sequence),
            title=item.title,
            paragraphs=[
                MinuteParagraph(label=paragraph_label(body, item.minute_sequence, n), text=t)
                for n, t in enumerate(texts, start=1)
            ],
            resolutions=[
                MinuteResolution(
                    label=resolution_label(
                        body, item.minute_sequence, r.position, len(resolutions), after=len(texts)
                    ),
                    text=r.text,
                    resolution=r,
                    decision=decision_line(r, statuses.get(r.decision_status_id or 0)),
                    lead="RESOLVED – " if in_paragraphs else "",
                )
                for r in resolutions
            ],
            item=item,
            is_urgent=item.is_urgent,
            urgency=urgency_sentence(item) if not withheld else "",
            resolved_heading=not in_paragraphs,
            exempt_label=(
                f"Exempt: paragraph {item.exempt_paragraph}"
                if item.is_exempt and not public
                else ""
            ),
            withheld=withheld,
        )
        if item.kind == ItemKind.DECLARATIONS and not minute_item.paragraphs:
            minute_item.declarations = [
                declaration_sentence(d, public=public, role_only=role_only, councillors=councillors)
                for d in declarations
            ] or ["There were no declarations of interest."]
        if item.kind == ItemKind.ACTION_LOG and not withheld:
            minute_item.carried_actions = [
                action
                for action in carried_actions or []
                if not public or action.item.content_is_public
            ]
        items.append(minute_item)

    heading = (
        f"Minutes of the meeting of the {body.name.upper()} held on "
        f"{long_date(meeting.date).upper()} at {clock(meeting.start_time)}"
    )
    return Minutes(
        heading=heading,
        chair_line=(
            f"{'Councillor ' if is_councillor(chair) else ''}{short_name(chair.name)} (Chair)"
            if chair
            else ""
        ),
        members_line=_members(others),
        officers=join_names(officers),
        apologies=join_names(
            [part for part in (_members(apologies), join_names(apologies_by_role)) if part]
        ),
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
