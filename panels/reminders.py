"""Who is reminded of what for panel meetings, and who is told when papers are published.

- Actions: the owner (each member of the body, for an action the members own together) ten
  days before it is due (REMINDERS_ACTION_DAYS_BEFORE), and once when it is overdue; the clerk
  a weekly digest of the body's overdue actions. "Due" and "overdue" are the
  ResolutionQuerySet's (with_due_on, overdue), decided nowhere else.
- Reports: the author before the deadline (REMINDERS_REPORT_DAYS_BEFORE) and once when late,
  as ReportQuerySet.with_deadline decides.
- Agendas: the clerk before the last day to publish with five clear working days' notice
  (REMINDERS_AGENDA_DAYS_BEFORE), and once if that day passes.
- Papers published (papers_published, called by agenda_publish and minutes_approve): members
  of the body, and for a public body the confirmed alert subscriptions. Public alerts name an
  exempt item by its title only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse

from corporate_parenting.models import User
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import AlertSubscription
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from events.reminders import offset_for
from panels import notice
from panels.models import AgendaItem, Body, Meeting, PlannedItem, Resolution
from panels.reports.models import Report

ALERT_KIND = {"agenda": Kind.ALERT_AGENDA, "minutes": Kind.ALERT_MINUTES}
ALERT_FIELD = {"agenda": "agendas", "minutes": "minutes"}


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _members(body: Body) -> list[User]:
    return list(User.objects.filter(panel_memberships__body=body, is_active=True).distinct())


def _owners(action: Resolution, members_of: dict[int, list[User]]) -> list[User]:
    if action.owner_is_members:
        body = action.item.meeting.body
        if body.pk not in members_of:
            members_of[body.pk] = _members(body)
        return members_of[body.pk]
    return [action.owner] if action.owner is not None else []


def _action_context(action: Resolution) -> dict[str, object]:
    meeting = action.item.meeting
    return {
        "text": action.text,
        "meeting": f"{meeting.body}, {_day(meeting.date)}",
        "due": _day(action.due_on),  # type: ignore[attr-defined]  # annotated by with_due_on()
        "owner": action.owner_label,
        "path": reverse("panels:action_detail", kwargs={"pk": action.pk}),
    }


def _actions(today: date) -> list[Outgoing]:
    days = settings.REMINDERS_ACTION_DAYS_BEFORE
    members_of: dict[int, list[User]] = {}
    items: list[Outgoing] = []
    due_soon = (
        Resolution.objects.open()
        .with_due_on()
        .filter(due_on__gte=today, due_on__lte=today + timedelta(days=days))
        .select_related("owner", "item__meeting__body")
    )
    for action in due_soon:
        for person in _owners(action, members_of):
            items.append(
                Outgoing(
                    kind=Kind.ACTION_DUE,
                    subject=action,
                    recipient=person,
                    occasion=f"due:{action.due_on.isoformat()}",
                    context=_action_context(action),
                    due_at=local_time_on(action.due_on - timedelta(days=days)),
                )
            )
    overdue = list(Resolution.objects.overdue(today).select_related("owner", "item__meeting__body"))
    by_body: dict[int, list[Resolution]] = defaultdict(list)
    for action in overdue:
        by_body[action.item.meeting.body_id].append(action)
        for person in _owners(action, members_of):
            items.append(
                Outgoing(
                    kind=Kind.ACTION_OVERDUE,
                    subject=action,
                    recipient=person,
                    occasion=f"overdue:{action.due_on.isoformat()}",
                    context=_action_context(action),
                    due_at=local_time_on(action.due_on + timedelta(days=1)),
                )
            )
    year, week, _ = today.isocalendar()
    for actions in by_body.values():
        body = actions[0].item.meeting.body
        clerk = body.clerk
        if clerk is None:
            continue
        items.append(
            Outgoing(
                kind=Kind.ACTIONS_OVERDUE_DIGEST,
                subject=body,
                recipient=clerk,
                occasion=f"{year}-W{week:02d}",
                context={
                    "body_name": body.name,
                    "actions": [_action_context(action) for action in actions],
                    "path": reverse("panels:action_list") + "?overdue=true",
                },
                due_at=local_time_on(today),
            )
        )
    return items


def _reports(today: date) -> list[Outgoing]:
    offsets = list(settings.REMINDERS_REPORT_DAYS_BEFORE)
    horizon = today + timedelta(days=max(offsets, default=0))
    reports = (
        Report.objects.with_deadline(today)
        .filter(status__in=("draft", "returned"), item__meeting__date__gte=today)
        .filter(deadline__lte=horizon)
        .select_related("author", "item__meeting__body")
    )
    items = []
    for report in reports:
        deadline: date = report.deadline
        meeting = report.item.meeting
        context = {
            "title": report.title,
            "meeting": f"{meeting.body}, {_day(meeting.date)}",
            "deadline": _day(deadline),
            "late": bool(report.is_late),
            "path": reverse("panels:report_detail", kwargs={"pk": report.pk}),
        }
        if report.is_late:
            occasion, due_at = f"late:{deadline.isoformat()}", local_time_on(today)
        else:
            offset = offset_for((deadline - today).days, offsets)
            if offset is None:
                continue
            occasion = f"{offset}d:{deadline.isoformat()}"
            due_at = local_time_on(deadline - timedelta(days=offset))
        items.append(
            Outgoing(
                kind=Kind.REPORT_DEADLINE,
                subject=report,
                recipient=report.author,
                occasion=occasion,
                context=context,
                due_at=due_at,
            )
        )
    return items


def _planned(today: date) -> list[Outgoing]:
    """The author of an item the work programme plans, while no report is commissioned for it:
    before its report is due (the same days as a commissioned report's reminders)."""
    offsets = sorted(set(settings.REMINDERS_REPORT_DAYS_BEFORE), reverse=True)
    horizon = max(offsets, default=0)
    planned = (
        PlannedItem.objects.still_planned()
        .filter(owner__isnull=False, owner__is_active=True)
        .filter(month__gte=today.replace(day=1), month__lte=today + timedelta(days=horizon + 31))
        .with_meeting_date()
        .select_related("owner", "body")
    )
    items = []
    for item in planned:
        deadline = item.report_deadline
        if deadline is None or deadline < today:
            continue
        offset = offset_for((deadline - today).days, offsets)
        if offset is None:
            continue
        items.append(
            Outgoing(
                kind=Kind.PLANNED_REPORT_DUE,
                subject=item,
                recipient=item.owner,
                occasion=f"{offset}d:{deadline.isoformat()}",
                context={
                    "title": item.title,
                    "body_name": item.body.name,
                    "deadline": _day(deadline),
                    "path": reverse("panels:planned_item_edit", kwargs={"pk": item.pk}),
                },
                due_at=local_time_on(deadline - timedelta(days=offset)),
            )
        )
    return items


def _agendas(today: date) -> list[Outgoing]:
    days = settings.REMINDERS_AGENDA_DAYS_BEFORE
    meetings = (
        Meeting.objects.upcoming(today)
        .filter(
            agenda_published_at__isnull=True,
            body__clerk__isnull=False,
            date__lte=today + timedelta(days=days + 21),
        )
        .select_related("body__clerk")
    )
    items = []
    for meeting in meetings:
        latest = notice.latest_publication_day(meeting.date)
        left = (latest - today).days
        if left > days:
            continue
        occasion = f"deadline:{latest.isoformat()}" if left >= 0 else f"missed:{latest}"
        items.append(
            Outgoing(
                kind=Kind.AGENDA_DEADLINE,
                subject=meeting,
                recipient=meeting.body.clerk,
                occasion=occasion,
                context={
                    "body_name": meeting.body.name,
                    "meeting_date": _day(meeting.date),
                    "latest": _day(latest),
                    "missed": left < 0,
                    "path": reverse("panels:meeting_detail", kwargs={"pk": meeting.pk}),
                },
                due_at=local_time_on(max(latest - timedelta(days=days), today)),
            )
        )
    return items


def plan(*, today: date) -> int:
    return reminders_create(
        items=[*_actions(today), *_reports(today), *_planned(today), *_agendas(today)]
    )


# Papers published ------------------------------------------------------------------------------


def _agenda_lines(items: Iterable[AgendaItem]) -> list[dict[str, object]]:
    """Each item's title, and whether it is taken in private: nothing more of an exempt item."""
    return [{"title": item.title, "private": not item.content_is_public} for item in items]


def _decisions(meeting: Meeting) -> list[dict[str, str]]:
    """The meeting's decisions in its public minutes (Resolution.objects.public().decisions()),
    for those who asked for alerts: the minutes are approved before they are told."""
    rows = (
        Resolution.objects.public()
        .decisions()
        .filter(item__meeting=meeting)
        .select_related("item", "decision_status")
        .order_by("item__position", "position")
    )
    return [
        {"item": row.item.title, "text": row.text, "decision": str(row.decision_status)}
        for row in rows
    ]


def papers_published(*, meeting: Meeting, what: str) -> int:
    """The agenda ("agenda") or the minutes ("minutes") of this meeting were published: tell the
    members of the body, and the public who asked. Written in the caller's transaction."""
    body = meeting.body
    lines = _agenda_lines(meeting.items.order_by("position"))
    shared: dict[str, object] = {
        "what": what,
        "body_name": body.name,
        "meeting_date": _day(meeting.date),
        "items": lines,
    }
    outgoing = [
        Outgoing(
            kind=Kind.PAPERS_PUBLISHED,
            subject=meeting,
            recipient=person,
            occasion=what,
            context={
                **shared,
                "path": reverse("panels:meeting_detail", kwargs={"pk": meeting.pk}),
            },
        )
        for person in _members(body)
    ]
    if body.is_public:
        public = {**shared, "path": reverse("panels:public_meeting", kwargs={"pk": meeting.pk})}
        for subscription in AlertSubscription.objects.wanting(ALERT_FIELD[what]).filter(body=body):
            outgoing.append(
                Outgoing(
                    kind=ALERT_KIND[what],
                    subject=meeting,
                    recipient=subscription,
                    occasion=what,
                    context=public,
                )
            )
        decisions = _decisions(meeting) if what == "minutes" else []
        if decisions:
            for subscription in AlertSubscription.objects.wanting("decisions").filter(body=body):
                outgoing.append(
                    Outgoing(
                        kind=Kind.ALERT_DECISIONS,
                        subject=meeting,
                        recipient=subscription,
                        occasion="decisions",
                        context={**public, "decisions": decisions},
                    )
                )
    return reminders_create(items=outgoing)


# The report's way to the meeting ---------------------------------------------------------------

REPORT_KINDS = {
    "submitted": Kind.REPORT_SUBMITTED,
    "returned": Kind.REPORT_RETURNED,
    "approved": Kind.REPORT_APPROVED,
}


def report_moved(*, report: Report, what: str, comment: str = "", version: int = 0) -> int:
    """A report was submitted (the sponsor is told), or returned or approved (the author is
    told, with the sponsor's comment). Written in the caller's transaction."""
    recipient = report.sponsor if what == "submitted" else report.author
    if recipient is None or not recipient.is_active:
        return 0
    meeting = report.item.meeting
    path = reverse(
        "panels:report_review" if what == "submitted" else "panels:report_edit",
        kwargs={"pk": report.pk},
    )
    if what == "approved":
        path = reverse("panels:report_detail", kwargs={"pk": report.pk})
    return reminders_create(
        items=[
            Outgoing(
                kind=REPORT_KINDS[what],
                subject=report,
                recipient=recipient,
                occasion=f"{what}-{version}",
                context={
                    "title": report.title,
                    "meeting": f"{meeting.body}, {_day(meeting.date)}",
                    "author": report.author.full_name if report.author else "",
                    "sponsor": report.sponsor.full_name if report.sponsor else "",
                    "comment": comment,
                    "path": path,
                },
            )
        ]
    )


def _tell_body(*, meeting: Meeting, occasion: str, shared: dict[str, object]) -> int:
    """Tell the body's members, and for a public body those who asked for its agendas, of a
    change to a published meeting. Written in the caller's transaction."""
    body = meeting.body
    outgoing = [
        Outgoing(
            kind=Kind.MEETING_CHANGED,
            subject=meeting,
            recipient=person,
            occasion=occasion,
            context={
                **shared,
                "path": reverse("panels:meeting_detail", kwargs={"pk": meeting.pk}),
            },
        )
        for person in _members(body)
    ]
    if body.is_public:
        public = {**shared, "path": reverse("panels:public_meeting", kwargs={"pk": meeting.pk})}
        outgoing.extend(
            Outgoing(
                kind=Kind.ALERT_MEETING_CHANGED,
                subject=meeting,
                recipient=subscription,
                occasion=occasion,
                context=public,
            )
            for subscription in AlertSubscription.objects.wanting("agendas").filter(body=body)
        )
    return reminders_create(items=outgoing)


def meeting_changed(*, meeting: Meeting, change: Any) -> int:
    """A published meeting changed (moved, cancelled, an item added or withdrawn)."""
    return _tell_body(
        meeting=meeting,
        occasion=f"change-{change.pk}",
        shared={
            "body_name": meeting.body.name,
            "meeting_date": _day(meeting.date),
            "summary": change.summary,
            "reason": change.reason,
            "short_notice_reason": change.short_notice_reason,
        },
    )


def supplement_published(*, supplement: Any, titles: str) -> int:
    """Late papers went out as a supplementary pack, with the reason they are late."""
    meeting = supplement.meeting
    return _tell_body(
        meeting=meeting,
        occasion=f"supplement-{supplement.pk}",
        shared={
            "body_name": meeting.body.name,
            "meeting_date": _day(meeting.date),
            "summary": f"{supplement.label} of late papers is published: {titles}",
            "headline": "has late papers",
            "subject_prefix": "Late papers",
            "reason": supplement.reason,
            "short_notice_reason": "",
        },
    )


def still_applies(reminder: Any) -> str:
    """At send time: an action done, a report submitted or an agenda published since the
    reminder was written needs no reminder."""
    if reminder.kind in (Kind.ACTION_DUE, Kind.ACTION_OVERDUE):
        if not Resolution.objects.open().filter(pk=reminder.subject_id).exists():
            return "The action is done or dropped"
    elif reminder.kind == Kind.REPORT_DEADLINE:
        if not Report.objects.filter(
            pk=reminder.subject_id, status__in=("draft", "returned")
        ).exists():
            return "The report has been submitted"
    elif reminder.kind == Kind.PLANNED_REPORT_DUE:
        if not PlannedItem.objects.still_planned().filter(pk=reminder.subject_id).exists():
            return "The planned item is on an agenda or dropped"
    elif (
        reminder.kind == Kind.AGENDA_DEADLINE
        and Meeting.objects.published().filter(pk=reminder.subject_id).exists()
    ):
        return "The agenda has been published"
    return ""
