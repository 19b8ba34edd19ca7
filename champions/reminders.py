"""Who is reminded of what about champions.

- Behind target: at set points of the political year (REMINDERS_CHAMPION_CHECKPOINTS, months
  in), a champion with fewer submitted engagements than the target pro rata is told, once per
  point. Counts are MemberQuerySet.with_engagement_count's; the target is champions.progress.target_for's.
- Champion training not done: the member, once a year.
- Neither goes to a champion too new to chase (champions.progress.too_new_to_chase: appointed
  less than REMINDERS_TRAINING_GRACE_DAYS ago, or that far into the year), and no reminder at
  all goes to someone who has not yet set a password (the outbox decides: they get their
  invitation first).
- Champions with no DBS application: each admin, one list a week of every champion appointed
  this year whose DBS is not started (names and links only).
- DBS expiring within REMINDERS_DBS_WINDOW_DAYS: the member and each admin, once per expiry
  date (Member.dbs_expires_on decides the date).
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse

from champions.models import ChampionSettings, DbsStatus, Member
from champions.progress import target_for, too_new_to_chase
from corporate_parenting.duties import admins
from corporate_parenting.models import User
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.links import absolute
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from corporate_parenting.years import PoliticalYear, political_year_for


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _months_after(start: date, months: int) -> date:
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def checkpoint_on(year: PoliticalYear, today: date) -> int | None:
    """The latest checkpoint (months into the year) reached by today, if any."""
    reached = [
        months
        for months in sorted(settings.REMINDERS_CHAMPION_CHECKPOINTS)
        if 0 < months < 12 and _months_after(year.start, months) <= today
    ]
    return reached[-1] if reached else None


def expected_by(months: int, target: int) -> int:
    """Engagements a champion should have by this point: the target pro rata, rounded up."""
    return math.ceil(target * months / 12)


def _behind_target(year: PoliticalYear, today: date) -> list[Outgoing]:
    months = checkpoint_on(year, today)
    if months is None:
        return []
    default = ChampionSettings.load().engagement_target
    members = (
        Member.objects.champions_in(year)
        .with_engagement_count(year)
        .with_first_appointed()
        .with_user()
    )
    items: list[Outgoing] = []
    checkpoint = _months_after(year.start, months)
    for member in members:
        # Judged at a checkpoint only if they were no longer new on its day.
        if too_new_to_chase(member, year, checkpoint):
            continue
        target = target_for(member, default)
        expected = expected_by(months, target)
        if member.engagement_count >= expected:
            continue
        items.append(
            Outgoing(
                kind=Kind.CHAMPION_BEHIND_TARGET,
                subject=member,
                recipient=member.user,
                occasion=f"{year.start_year}:{months}m",
                context={
                    "count": member.engagement_count,
                    "expected": expected,
                    "target": target,
                    "year": year.label,
                    "path": reverse("champions:engagement_create"),
                },
                due_at=local_time_on(checkpoint),
            )
        )
    return items


def _dbs_digest(year: PoliticalYear, today: date, people: list[User]) -> list[Outgoing]:
    """One e-mail a week to each admin listing every champion of the year with no DBS
    application: their names and a link to each record, nothing more."""
    missing = Member.objects.champions_in(year).filter(dbs_status=DbsStatus.NOT_STARTED)
    members = [
        {
            "name": member.name,
            "link": absolute(reverse("champions:member_edit", kwargs={"pk": member.pk})),
        }
        for member in missing.with_user().order_by("user__full_name", "pk")
    ]
    if not members:
        return []
    iso_year, week, _ = today.isocalendar()
    context: dict[str, object] = {
        "title": "Champions with no DBS application",
        "members": members,
        "year": year.label,
        "path": reverse("champions:member_list"),
    }
    return [
        Outgoing(
            kind=Kind.DBS_NOT_STARTED,
            subject=None,
            recipient=admin,
            occasion=f"{iso_year}-W{week:02d}",
            context=context,
            due_at=local_time_on(today),
        )
        for admin in people
    ]


def _dbs(year: PoliticalYear, today: date) -> list[Outgoing]:
    people = admins()
    items = _dbs_digest(year, today, people)
    valid_years = ChampionSettings.load().dbs_valid_years
    window = today + timedelta(days=settings.REMINDERS_DBS_WINDOW_DAYS)
    cleared = Member.objects.filter(dbs_status=DbsStatus.CLEARED, dbs_cleared_on__isnull=False)
    for member in cleared.with_user():
        expires = member.dbs_expires_on(valid_years)
        if expires is None or not today <= expires <= window:
            continue
        context = {
            "member": member.name,
            "expires": _day(expires),
            "path": reverse("champions:my_role"),
        }
        items.append(
            Outgoing(
                kind=Kind.DBS_EXPIRING,
                subject=member,
                recipient=member.user,
                occasion=f"expires:{expires.isoformat()}",
                context={**context, "to_member": True},
            )
        )
        admin_context = {
            **context,
            "to_member": False,
            "path": reverse("champions:member_edit", kwargs={"pk": member.pk}),
        }
        for admin in people:
            items.append(
                Outgoing(
                    kind=Kind.DBS_EXPIRING,
                    subject=member,
                    recipient=admin,
                    occasion=f"expires:{expires.isoformat()}",
                    context=admin_context,
                )
            )
    return items


def _training(year: PoliticalYear, today: date) -> list[Outgoing]:
    members = (
        Member.objects.champions_in(year)
        .filter(training_completed_on__isnull=True)
        .with_first_appointed()
    )
    return [
        Outgoing(
            kind=Kind.TRAINING_NOT_DONE,
            subject=member,
            recipient=member.user,
            occasion=str(year.start_year),
            context={"year": year.label, "path": reverse("champions:my_role")},
        )
        for member in members.with_user()
        if not too_new_to_chase(member, year, today)
    ]


def plan(*, today: date) -> int:
    year = political_year_for(today)
    return reminders_create(
        items=[*_behind_target(year, today), *_dbs(year, today), *_training(year, today)]
    )


def still_applies(reminder: Any) -> str:
    member = Member.objects.filter(pk=reminder.subject_id).first()
    if member is None:
        return "The member's record is gone"
    if reminder.kind == Kind.DBS_NOT_STARTED and member.dbs_status != DbsStatus.NOT_STARTED:
        return "A DBS application has been started"
    if reminder.kind == Kind.TRAINING_NOT_DONE and member.training_completed_on:
        return "The training is done"
    return ""
