"""Derived figures for panels, computed here and tested here."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q

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
    substitute: int = 0

    @property
    def present_percent(self) -> int:
        return round(100 * self.present / self.expected) if self.expected else 0


def attendance_statistics(body: Body, *, public: bool) -> list[MemberAttendance]:
    """For each member: meetings they were expected at (a member when attendance was taken),
    present, apologies and absent; and for anyone who sat as a substitute (recorded by name, as
    printed in the minutes), how many times. Only meetings held count
    (Attendance.objects.counted()); public=True counts only public meetings
    (Attendance.objects.public()), for the public's page. Two queries."""
    counted = Attendance.objects.public() if public else Attendance.objects.counted()
    rows = (
        counted.filter(meeting__body=body, user__isnull=False, kind__in=MEMBER_KINDS)
        .exclude(kind=AttendanceKind.SUBSTITUTE)
        .values("user_id", "user__full_name")
        .annotate(
            printed=Max("name"),
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
        # A member who also sat as a substitute is named in the minutes as they are printed.
        times = substitutes.pop(row["printed"], 0) + substitutes.pop(row["user__full_name"], 0)
        figures.append(
            MemberAttendance(
                name=row["user__full_name"],
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
