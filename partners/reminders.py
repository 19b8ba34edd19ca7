"""Who is chased about partners' pledges, as actions are chased: each representative of the
organisation once when a pledge is late, and the clerk of the board it answers to a weekly
digest of that board's late pledges. "Late" is PledgeQuerySet.with_status's, decided nowhere
else."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from partners.models import Pledge, Representative


def _day(value: date) -> str:
    return f"{value:%-d %B %Y}"


def _context(pledge: Pledge) -> dict[str, object]:
    return {
        "organisation": pledge.organisation.name,
        "what": pledge.what,
        "due": _day(pledge.due_on),
        "path": reverse("partners:pledge_detail", kwargs={"pk": pledge.pk}),
    }


def _late(today: date) -> list[Outgoing]:
    late = list(
        Pledge.objects.made()
        .late(today)
        .select_related("organisation__board__clerk")
        .order_by("organisation__name", "due_on", "pk")
    )
    representatives: dict[int, list[Any]] = defaultdict(list)
    for rep in Representative.objects.filter(
        organisation__in={p.organisation_id for p in late}, user__is_active=True
    ).select_related("user"):
        representatives[rep.organisation_id].append(rep.user)
    items: list[Outgoing] = []
    by_board: dict[int, list[Pledge]] = defaultdict(list)
    for pledge in late:
        if pledge.organisation.board_id is not None:
            by_board[pledge.organisation.board_id].append(pledge)
        for person in representatives[pledge.organisation_id]:
            items.append(
                Outgoing(
                    kind=Kind.PLEDGE_LATE,
                    subject=pledge,
                    recipient=person,
                    occasion=f"late:{pledge.due_on.isoformat()}",
                    context=_context(pledge),
                    due_at=local_time_on(pledge.due_on + timedelta(days=1)),
                )
            )
    year, week, _ = today.isocalendar()
    for pledges in by_board.values():
        board = pledges[0].organisation.board
        if board is None or board.clerk is None:
            continue
        items.append(
            Outgoing(
                kind=Kind.PLEDGES_LATE_DIGEST,
                subject=board,
                recipient=board.clerk,
                occasion=f"pledges:{year}-W{week:02d}",
                context={
                    "body_name": board.name,
                    "pledges": [_context(pledge) for pledge in pledges],
                    "path": reverse("partners:pledge_list") + "?status=late",
                },
                due_at=local_time_on(today),
            )
        )
    return items


def plan(*, today: date) -> int:
    return reminders_create(items=_late(today))


def still_applies(reminder: Any) -> str:
    """At send time: a pledge done, or given a later date, since the reminder was written needs
    no reminder."""
    if (
        reminder.kind == Kind.PLEDGE_LATE
        and not Pledge.objects.late().filter(pk=reminder.subject_id).exists()
    ):
        return "The pledge is done or no longer late"
    return ""
