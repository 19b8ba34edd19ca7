"""Derived figures for panels, computed here and tested here."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q

from panels.models import Attendance, AttendanceKind, Body, MemberRole
from panels.models.bodies import ROLE_ONLY

ROLE_ONLY_LABELS = frozenset(MemberRole(role).label for role in ROLE_ONLY)

MEMBER_KINDS = (
    AttendanceKind.PRESENT,
    AttendanceKind.APOLOGIES,
    AttendanceKind.ABSENT,
    AttendanceKind.SUBSTITUTE,
)


@dataclass(frozen=True)
class MemberAttendance:
    name: str
    expected: int
    present: int
    apologies: int
    absent: int
    substitute: int = 0
    # A young people's representative or a young people's body's seat: named by the role only
    # here, and never in the public's statistics.
    role_only: bool = False

    @property
    def present_percent(self) -> int:
        return round(100 * self.present / self.expected) if self.expected else 0


def attendance_statistics(body: Body, *, public: bool) -> list[MemberAttendance]:
    """For each member: meetings they were expected at (a member when attendance was taken),
    present, apologies and absent; and for anyone who sat as a substitute (recorded by name, as
    printed in the minutes), how many times. A seat without an account is counted as the seat
    (Attendance.seat), by its name; a role-only member (a young people's representative, any
    member of a body of young people) is named by the role alone and marked role_only. Only
    meetings held count (Attendance.objects.counted()); public=True counts only public meetings
    (Attendance.objects.public()), for the public's page. Three queries."""
    counted = Attendance.objects.public() if public else Attendance.objects.counted()
    memberships = list(body.memberships.select_related("user"))
    by_user = {m.user_id: m for m in memberships if m.user_id is not None}
    by_seat = {m.pk: m for m in memberships if m.user_id is None}
    rows = (
        counted.filter(meeting__body=body, kind__in=MEMBER_KINDS)
        .filter(Q(user__isnull=False) | Q(seat__isnull=False))
        .exclude(kind=AttendanceKind.SUBSTITUTE)
        .values("user_id", "user__full_name", "seat_id")
        .annotate(
            printed=Max("name"),
            printed_role=Max("role"),
            expected=Count("pk"),
            present=Count("pk", filter=Q(kind=AttendanceKind.PRESENT)),
            apologies=Count("pk", filter=Q(kind=AttendanceKind.APOLOGIES)),
            absent=Count("pk", filter=Q(kind=AttendanceKind.ABSENT)),
        )
        .order_by("user__full_name")
    )
    substitutes = dict(
        counted.filter(meeting__body=body, kind=AttendanceKind.SUBSTITUTE)
        .values("name")
        .annotate(times=Count("pk"))
        .values_list("name", "times")
    )
    figures = []
    for row in rows:
        membership = (
            by_seat.get(row["seat_id"]) if row["user_id"] is None else by_user.get(row["user_id"])
        )
        # A member who has since left is still role-only by the role printed in the minutes.
        role_only = (
            membership.is_role_only
            if membership is not None
            else row["printed_role"] in ROLE_ONLY_LABELS
        )
        if row["user_id"] is None:
            name = membership.display_name if membership else row["printed"]
            times = 0
        elif role_only:
            name = membership.role_label if membership else row["printed_role"]
            times = 0
        else:
            name = row["user__full_name"]
            # A member who also sat as a substitute is named in the minutes as they are printed.
            times = substitutes.pop(row["printed"], 0) + substitutes.pop(row["user__full_name"], 0)
        figures.append(
            MemberAttendance(
                name=name,
                role_only=role_only,
                expected=row["expected"],
                present=row["present"],
                apologies=row["apologies"],
                absent=row["absent"],
                substitute=times,
            )
        )
    figures += [
        MemberAttendance(name=name, expected=0, present=0, apologies=0, absent=0, substitute=n)
        for name, n in substitutes.items()
    ]
    return sorted(figures, key=lambda figure: figure.name)
