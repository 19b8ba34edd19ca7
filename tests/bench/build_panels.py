"""Benchmark data for panel meetings: 200 agenda items per unit of factor (factor 10: 2,000), in
meetings of four bodies, with attendance, declarations, minutes, resolutions and actions, all with
bulk_create. The first councillor sits on every body and the first officer clerks them and owns
actions, so the pages the benchmark signs in to see are full."""

import datetime
import random

from corporate_parenting.models import Role, User
from panels.models import (
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceKind,
    Body,
    Declaration,
    ItemKind,
    Meeting,
    MeetingStatus,
    Membership,
    Resolution,
)

BATCH_SIZE = 2000
MEETINGS_PER_FACTOR = 20
ITEMS_PER_MEETING = 10  # 20 x 10 = 200 agenda items per unit of factor
BODIES = (
    ("Corporate Parenting Panel", "bench-cpp", "CPP", True),
    ("Corporate Parenting Board", "bench-cpb", "CPB", False),
    ("Care Leavers Board", "bench-clb", "CLB", False),
    ("Children in Care Council", "bench-cicc", "CICC", False),
)
MEMBERS_PER_BODY = 8


def build_panels(factor: int) -> dict[str, int]:
    rng = random.Random(5)
    councillors = list(
        User.objects.filter(groups__name=Role.COUNCILLOR)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    officers = list(
        User.objects.filter(groups__name=Role.OFFICER).order_by("pk").values_list("pk", flat=True)
    )
    clerk = officers[0] if officers else None
    bodies = Body.objects.bulk_create(
        [
            Body(name=name, slug=slug, minute_prefix=prefix, is_public=public, clerk_id=clerk)
            for name, slug, prefix, public in BODIES
        ]
    )
    memberships = []
    members_of: dict[int, list[int]] = {}
    for index, body in enumerate(bodies):
        chosen = [councillors[0]] + [
            councillors[(index * MEMBERS_PER_BODY + n) % len(councillors)]
            for n in range(1, MEMBERS_PER_BODY)
        ]
        chosen = list(dict.fromkeys(chosen))
        members_of[body.pk] = chosen
        memberships += [
            Membership(body=body, user_id=user_id, role="chair" if n == 0 else "member")
            for n, user_id in enumerate(chosen)
        ]
    Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)

    count = MEETINGS_PER_FACTOR * factor
    today = datetime.date.today()
    meetings = []
    for number in range(count):
        body = bodies[number % len(bodies)]
        # Spread back over the years; the last few are still to come.
        day = today - datetime.timedelta(days=(count - number - 4) * 30)
        if day > today:
            status = MeetingStatus.SCHEDULED if number % 2 else MeetingStatus.AGENDA_PUBLISHED
        elif day > today - datetime.timedelta(days=60):
            status = MeetingStatus.MINUTES_DRAFT
        else:
            status = MeetingStatus.MINUTES_APPROVED
        meetings.append(
            Meeting(
                body=body,
                date=day,
                start_time=datetime.time(18, 30),
                venue="Civic Offices",
                status=status,
                closing_time=datetime.time(20, 15) if day <= today else None,
                young_people_present=rng.randint(0, 4),
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=BATCH_SIZE)

    items, attendance, declarations = [], [], []
    sequence: dict[tuple[int, int], int] = {}
    for meeting in meetings:
        held = meeting.date <= today
        year = meeting.date.year if meeting.date.month >= 5 else meeting.date.year - 1
        for position in range(1, ITEMS_PER_MEETING + 1):
            kind = {1: ItemKind.DECLARATIONS, 2: ItemKind.MINUTES, 3: ItemKind.ACTION_LOG}.get(
                position, ItemKind.BUSINESS
            )
            if position == ITEMS_PER_MEETING:
                kind = ItemKind.NEXT_MEETING
            minute_number: int | None = None
            if held:
                key = (meeting.body_id, year)
                sequence[key] = sequence.get(key, 0) + 1
                minute_number = sequence[key]
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    kind=kind,
                    title=f"Item {position} of the meeting",
                    presenter="Head of Corporate Parenting",
                    minute_sequence=minute_number,
                    discussion="The Panel received an update and asked questions." if held else "",
                )
            )
        if held:
            for n, user_id in enumerate(members_of[meeting.body_id]):
                kinds = [AttendanceKind.PRESENT] * 4 + [
                    AttendanceKind.APOLOGIES,
                    AttendanceKind.ABSENT,
                ]
                attendance.append(
                    Attendance(
                        meeting=meeting,
                        user_id=user_id,
                        kind=kinds[(n + meeting.pk) % len(kinds)],
                        name=f"Member {user_id}",
                        position=n,
                    )
                )
            attendance.append(
                Attendance(
                    meeting=meeting,
                    kind=AttendanceKind.OFFICER,
                    name="R Officer",
                    role="Committee Services Manager",
                )
            )
            declarations.append(
                Declaration(
                    meeting=meeting,
                    member_id=members_of[meeting.body_id][1],
                    kind="registerable",
                    text="Is a trustee of a local charity.",
                )
            )
    AgendaItem.objects.bulk_create(items, batch_size=BATCH_SIZE)
    Attendance.objects.bulk_create(attendance, batch_size=BATCH_SIZE)
    Declaration.objects.bulk_create(declarations, batch_size=BATCH_SIZE)

    resolutions = []
    statuses = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DONE]
    for n, item in enumerate(i for i in items if i.minute_sequence and i.kind == ItemKind.BUSINESS):
        resolutions.append(Resolution(item=item, position=1, text="That the update be noted."))
        if n % 2 == 0:
            resolutions.append(
                Resolution(
                    item=item,
                    position=2,
                    text=f"That officers report back on matter {n}.",
                    is_action=True,
                    owner_id=officers[n % min(3, len(officers))] if officers else None,
                    owner_is_members=not officers,
                    due_date=item.meeting.date + datetime.timedelta(days=60),
                    status=statuses[n % len(statuses)],
                )
            )
    Resolution.objects.bulk_create(resolutions, batch_size=BATCH_SIZE)
    return {
        "panel_bodies": len(bodies),
        "panel_meetings": len(meetings),
        "agenda_items": len(items),
        "panel_attendance": len(attendance),
        "resolutions": len(resolutions),
        "panel_actions": sum(r.is_action for r in resolutions),
    }


BUILDERS = [build_panels]
