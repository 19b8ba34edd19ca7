"""What anyone can read about a public body: its members and their roles, its meetings,
published papers and decisions, and its members' attendance. Only public bodies have a page;
everything on it comes through the public querysets of panels/querysets.py
(Meeting.objects.public(), Report.objects.public(), Resolution.objects.public().decisions(),
Attendance.objects.public()), never an exempt item's."""

from __future__ import annotations

from itertools import groupby

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from panels.members import public_members
from panels.minutes import build_minutes, declaration_sentence
from panels.models import Body, Declaration, Resolution, Supplement
from panels.models import Meeting as MeetingModel
from panels.reports.models import Report
from panels.stats import attendance_statistics
from panels.views.feeds import body_feed_links

RECENT = 20
SHOWN = 5  # meetings of each body on the public index


def public_body(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.public(), slug=slug)
    today = timezone.localdate()
    memberships = list(body.memberships.select_related("user"))
    role_only = frozenset(m.user_id for m in memberships if m.is_role_only and m.user_id)
    meetings = MeetingModel.objects.public().filter(body=body)
    decisions = (
        Resolution.objects.public()
        .decisions()
        .filter(item__meeting__body=body)
        .select_related("item__meeting", "decision_status")
        .order_by("-item__meeting__date", "item__position", "position")[:RECENT]
    )
    interests = (
        Declaration.objects.public()
        .filter(meeting__body=body)
        .select_related("member", "meeting", "item")
        .order_by("-meeting__date", "created_at")[:RECENT]
    )
    reports = (
        Report.objects.public()
        .filter(item__meeting__body=body)
        .select_related("item__meeting")
        .order_by("-item__meeting__date", "item__position")[:RECENT]
    )
    return render(
        request,
        "panels/public_body.html",
        {
            "body": body,
            "members": public_members(memberships),
            "upcoming": list(meetings.upcoming(today)[:RECENT]),
            "past": list(meetings.past(today).order_by("-date")[:RECENT]),
            "reports": list(reports),
            "decisions": list(decisions),
            # The register as the public minutes print it (an exempt item's interest withheld).
            "interests": [
                (
                    d.meeting.date,
                    d.meeting_id,
                    declaration_sentence(d, public=True, role_only=role_only),
                )
                for d in interests
            ],
            # Role-only members (young people) are never in the public's statistics.
            "statistics": [
                row for row in attendance_statistics(body, public=True) if not row.role_only
            ],
            "page_feeds": body_feed_links(body),
        },
    )


def public_index(request: HttpRequest) -> HttpResponse:
    """Every public body, each with its latest published meetings, and a link to its page."""
    latest = Window(RowNumber(), partition_by=F("body"), order_by=F("date").desc())
    meetings = (
        MeetingModel.objects.public()
        .select_related("body")
        .annotate(latest=latest)
        .filter(latest__lte=SHOWN + 1)  # one more than shown says there are more
        .order_by("body__name", "body__pk", "-date")
    )
    groups = []
    for body, grouped in groupby(meetings, key=lambda meeting: meeting.body):
        rows = list(grouped)
        groups.append({"body": body, "meetings": rows[:SHOWN], "more": len(rows) > SHOWN})
    bodies_without = Body.objects.public().exclude(pk__in=[g["body"].pk for g in groups])
    return render(
        request,
        "panels/public_index.html",
        {"groups": groups, "quiet_bodies": list(bodies_without)},
    )


def public_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(MeetingModel.objects.public().for_minutes(), pk=pk)
    minutes = build_minutes(meeting, public=True) if meeting.minutes_are_approved else None
    reports = {r.item_id: r for r in Report.objects.public().filter(item__meeting=meeting)}
    return render(
        request,
        "panels/public_meeting.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "agenda": [(item, reports.get(item.pk)) for item in meeting.items.all()],
            # Changes made after the agenda was published: a public meeting's, so public.
            "changes": list(meeting.changes.all()),
            "page_feeds": body_feed_links(meeting.body),
            "supplements": list(
                Supplement.objects.public().filter(meeting=meeting).order_by("number")
            ),
        },
    )
