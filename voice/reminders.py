"""Who is reminded of the Children in Care Council's matters: the owner, once a matter is
overdue (MatterQuerySet.overdue decides it), once for each date it was due: a new due date is a
new reminder, the same one never twice. At send time a matter answered since is not chased."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from voice.matters import Matter


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _overdue(today: date) -> list[Outgoing]:
    matters = Matter.objects.overdue(today).select_related("owner", "raised_by", "board")
    return [
        Outgoing(
            kind=Kind.MATTER_OVERDUE,
            subject=matter,
            recipient=matter.owner,
            occasion=f"overdue:{matter.due_on.isoformat()}",
            context={
                "title": matter.title,
                "asked": matter.asked,
                "raised_by": matter.raised_by.name,
                "board": matter.board.name,
                "due": _day(matter.due_on),
                "path": reverse("voice:matter_detail", kwargs={"pk": matter.pk}),
            },
            due_at=local_time_on(matter.due_on + timedelta(days=1)),
        )
        for matter in matters
        if matter.owner.is_active
    ]


def plan(*, today: date) -> int:
    return reminders_create(items=_overdue(today))


def still_applies(reminder: Any) -> str:
    """At send time: a matter answered since needs no chasing."""
    if reminder.kind == Kind.MATTER_OVERDUE and (
        not Matter.objects.unanswered().filter(pk=reminder.subject_id).exists()
    ):
        return "The matter has been answered"
    return ""
