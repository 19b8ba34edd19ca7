"""Who was at a meeting, and the interests members declared there."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.models import (
    AgendaItem,
    Attendance,
    AttendanceKind,
    Declaration,
    Meeting,
    MeetingStatus,
    MemberRole,
    Membership,
)
from panels.services.common import locked_fresh

PERSON_LINE_MAX = 150  # Attendance.name and Attendance.role


def _parse_people(text: str) -> list[tuple[str, str]]:
    """'R Tidman (Committee Services Manager)' per line -> [(name, role)]."""
    people = []
    for line in text.splitlines():
        line = line.strip().rstrip(",")
        if not line:
            continue
        name, role = line, ""
        if line.endswith(")") and "(" in line:
            name, _, role = line[:-1].partition("(")
        people.append((name.strip(), role.strip()))
    return people


_COUNCILLOR_TITLES = ("councillor ", "cllr. ", "cllr ")


def _bare_name(name: str) -> str:
    """'Councillor Sam Nolan' -> 'sam nolan': a name as written in a substitute's line, for
    comparing with members' names."""
    name = " ".join(name.split()).lower()
    for title in _COUNCILLOR_TITLES:
        if name.startswith(title):
            return name[len(title) :].strip()
    return name


def _members_named(name: str, members: Sequence[User]) -> list[User]:
    """The members a line names: by full name, or by surname alone when that is all it gives."""
    bare = _bare_name(name)
    if not bare:
        return []
    by_full = [m for m in members if _bare_name(m.full_name) == bare]
    if by_full or " " in bare:
        return by_full
    return [m for m in members if _bare_name(m.full_name).rsplit(" ", 1)[-1] == bare]


def substitute_problems(
    substitutes: str, members: Sequence[User], present: Sequence[User]
) -> list[str]:
    """Why the substitutes' lines cannot stand: a member of the body is not their own
    substitute (tick them present), and nobody stands in for a member who is there."""
    present_ids = {u.pk for u in present}
    problems = []
    for name, role in _parse_people(substitutes):
        sitting = _members_named(name, members)
        if sitting:
            problems.append(
                f"{name} is a member of this body: tick them as present instead of recording "
                "them as a substitute"
            )
            continue
        stands_for = role.lower().removeprefix("substitute").strip().removeprefix("for").strip()
        if stands_for and any(m.pk in present_ids for m in _members_named(stands_for, members)):
            problems.append(
                f"{name} cannot stand in for {stands_for}, who is ticked as present: untick them "
                "or remove the substitute"
            )
    return problems


def _member_display(user: User) -> str:
    return user.full_name or user.email


@transaction.atomic
def attendance_record(
    *,
    actor: User | None,
    meeting: Meeting,
    present: Sequence[User],
    apologies: Sequence[User],
    officers: str = "",
    also_present: str = "",
    young_people_present: int = 0,
    substitutes: str = "",
    today: date | None = None,
    seats_present: Sequence[Membership] = (),
    seats_apologies: Sequence[Membership] = (),
) -> list[Attendance]:
    """Who was there. Members not present and without apologies are recorded absent; so are
    seats without an account (seats_present, seats_apologies: the body's seats, counted by the
    seat and named by it).

    Substitutes are councillors standing in for a member, one per line with who they stand in
    for in brackets; the minutes print them among those present. Before the day of the meeting
    only apologies can be recorded, and the meeting stays unheld.
    """
    meeting = locked_fresh(meeting)
    is_future = meeting.is_upcoming_on(today or timezone.localdate())
    if is_future and (
        present or seats_present or substitutes.strip() or officers.strip() or also_present.strip()
    ):
        raise ValidationError(
            {
                "present": "This meeting has not happened yet: only apologies can be recorded "
                "before the day. Record who was there on or after "
                f"{meeting.date.day} {meeting.date:%B %Y}."
            }
        )
    if is_future and young_people_present:
        raise ValidationError(
            {"young_people_present": "Young people present can be counted only on the day"}
        )
    both = {u.pk for u in present} & {u.pk for u in apologies}
    if both:
        names = ", ".join(sorted(str(u) for u in present if u.pk in both))
        raise ValidationError(
            {"apologies": f"A member cannot be both present and giving apologies: {names}"}
        )
    if {m.pk for m in seats_present} & {m.pk for m in seats_apologies}:
        raise ValidationError(
            {"seats_apologies": "A seat cannot be both present and giving apologies"}
        )
    if young_people_present < 0:
        raise ValidationError({"young_people_present": "Enter a number of young people, 0 or more"})
    for field, text in (
        ("substitutes", substitutes),
        ("officers", officers),
        ("also_present", also_present),
    ):
        for name, role in _parse_people(text):
            if len(name) > PERSON_LINE_MAX or len(role) > PERSON_LINE_MAX:
                raise ValidationError(
                    {
                        field: f"Keep each name, and each job title in brackets, to "
                        f"{PERSON_LINE_MAX} characters or fewer (the line starting "
                        f"“{name[:30]}”)"
                    }
                )
    everyone = list(meeting.body.memberships.select_related("user"))
    memberships = {m.user_id: m for m in everyone if m.user_id is not None}
    seats = [m for m in everyone if m.user_id is None]
    strangers = [u for u in (*present, *apologies) if u.pk not in memberships]
    if strangers:
        raise ValidationError(
            {"present": f"Not a member of {meeting.body}: {', '.join(map(str, strangers))}"}
        )
    seat_ids = {m.pk for m in seats}
    if any(m.pk not in seat_ids for m in (*seats_present, *seats_apologies)):
        raise ValidationError({"seats_present": f"Choose seats on the {meeting.body}"})
    members = [m.user for m in memberships.values() if m.user is not None]
    problems = substitute_problems(substitutes, members, present)
    if problems:
        raise ValidationError({"substitutes": problems})
    meeting.attendance.all().delete()
    rows: list[Attendance] = []
    present_ids = {u.pk for u in present}
    apology_ids = {u.pk for u in apologies}
    for position, (user_id, membership) in enumerate(memberships.items()):
        kind = (
            AttendanceKind.PRESENT
            if user_id in present_ids
            else AttendanceKind.APOLOGIES
            if user_id in apology_ids
            else AttendanceKind.ABSENT
        )
        role = membership.get_role_display() if membership.role != MemberRole.MEMBER else ""
        rows.append(
            Attendance(
                meeting=meeting,
                kind=kind,
                user_id=user_id,
                # A role-only member is printed by the role, never their name.
                name=membership.role_label
                if membership.is_role_only
                else _member_display(membership.user),  # type: ignore[arg-type]  # a member with an account
                role=role,
                position=position,
            )
        )
    seats_present_ids = {m.pk for m in seats_present}
    seats_apology_ids = {m.pk for m in seats_apologies}
    for position, seat in enumerate(seats, start=len(memberships)):
        kind = (
            AttendanceKind.PRESENT
            if seat.pk in seats_present_ids
            else AttendanceKind.APOLOGIES
            if seat.pk in seats_apology_ids
            else AttendanceKind.ABSENT
        )
        rows.append(
            Attendance(
                meeting=meeting,
                kind=kind,
                seat=seat,
                name=seat.display_name,
                role="" if seat.role == MemberRole.MEMBER else seat.get_role_display(),
                position=position,
            )
        )
    for kind, text in (
        (AttendanceKind.SUBSTITUTE, substitutes),
        (AttendanceKind.OFFICER, officers),
        (AttendanceKind.ALSO_PRESENT, also_present),
    ):
        for position, (name, role) in enumerate(_parse_people(text)):
            rows.append(
                Attendance(meeting=meeting, kind=kind, name=name, role=role, position=position)
            )
    Attendance.objects.bulk_create(rows)
    meeting.young_people_present = young_people_present
    fields = ["young_people_present"]
    if not is_future and not meeting.has_been_held:
        meeting.status = MeetingStatus.HELD
        fields.append("status")
    meeting.save(update_fields=fields)
    audit_record(
        actor=actor,
        instance=meeting,
        action="attendance recorded",
        note=f"{len(present) + len(seats_present)} present, "
        f"{len(apologies) + len(seats_apologies)} apologies, "
        f"{young_people_present} young people",
    )
    return rows


@transaction.atomic
def declaration_add(
    *,
    actor: User | None,
    meeting: Meeting,
    member: User,
    kind: str,
    text: str,
    item: AgendaItem | None = None,
) -> Declaration:
    meeting = locked_fresh(meeting)
    if not meeting.body.memberships.filter(user=member).exists():
        raise ValidationError({"member": f"{member} is not a member of {meeting.body}"})
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": "Choose an item on this meeting's agenda"})
    declaration = Declaration(
        meeting=meeting, member=member, kind=kind, text=text.strip(), item=item, recorded_by=actor
    )
    declaration.full_clean()
    declaration.save()
    audit_record(
        actor=actor, instance=meeting, action="interest declared", note=f"{member}: {text}"
    )
    return declaration
