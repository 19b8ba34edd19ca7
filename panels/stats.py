"""Derived figures for panels, computed here and tested here."""

from dataclasses import dataclass

from django.db.models import Count, Q

from panels.models import Attendance, AttendanceKind, Body

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

    @property
    def present_percent(self) -> int:
        return round(100 * self.present / self.expected) if self.expected else 0


def attendance_statistics(body: Body) -> list[MemberAttendance]:
    """For each member: meetings they were expected at (a member when attendance was taken),
    present, apologies and absent. One query."""
    rows = (
        Attendance.objects.filter(meeting__body=body, user__isnull=False, kind__in=MEMBER_KINDS)
        .values("user_id", "user__full_name")
        .annotate(
            expected=Count("pk"),
            present=Count("pk", filter=Q(kind=AttendanceKind.PRESENT)),
            apologies=Count("pk", filter=Q(kind=AttendanceKind.APOLOGIES)),
            absent=Count(
                "pk", filter=Q(kind__in=(AttendanceKind.ABSENT, AttendanceKind.SUBSTITUTE))
            ),
        )
        .order_by("user__full_name")
    )
    return [
        MemberAttendance(
            name=row["user__full_name"],
            expected=row["expected"],
            present=row["present"],
            apologies=row["apologies"],
            absent=row["absent"],
        )
        for row in rows
    ]
