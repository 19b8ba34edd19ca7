"""Pages for panel meetings. Thin: a scoped queryset, a form, one service call, a message."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from panels.minutes import build_minutes
from panels.models import Meeting
from panels.reports.models import Report
from panels.views.actions import action_detail, action_list, my_actions
from panels.views.agenda import (
    agenda_publish,
    item_add,
    item_edit,
    item_move,
    item_remove,
    report_download,
)
from panels.views.attendance import attendance, declaration_add
from panels.views.bodies import (
    body_attendance,
    body_create,
    body_detail,
    body_edit,
    body_list,
    body_register,
    membership_add,
    membership_remove,
)

# re-exports >>>
from panels.views.common import CLERKS, SIGNED_IN, item_for, locked_redirect, meeting_for
from panels.views.meetings import meeting_create, meeting_detail, meeting_edit, meeting_list
from panels.views.minutes import (
    minutes_amend,
    minutes_approve,
    minutes_item,
    minutes_pdf,
    resolution_add,
    resolution_edit,
)

# <<< re-exports

__all__ = [
    "CLERKS",
    "SIGNED_IN",
    "action_detail",
    "action_list",
    "agenda_publish",
    "attendance",
    "body_attendance",
    "body_create",
    "body_detail",
    "body_edit",
    "body_list",
    "body_register",
    "declaration_add",
    "item_add",
    "item_edit",
    "item_for",
    "item_move",
    "item_remove",
    "locked_redirect",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_for",
    "meeting_list",
    "membership_add",
    "membership_remove",
    "minutes_amend",
    "minutes_approve",
    "minutes_item",
    "minutes_pdf",
    "my_actions",
    "public_meeting",
    "report_download",
    "resolution_add",
    "resolution_edit",
]


# Meetings


# Agenda


# Attendance and declarations


# Minutes and resolutions


# Actions


# Bodies


# The public


def public_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.public().for_minutes(), pk=pk)
    minutes = build_minutes(meeting, public=True) if meeting.minutes_are_approved else None
    reports = {r.item_id: r for r in Report.objects.public().filter(item__meeting=meeting)}
    return render(
        request,
        "panels/public_meeting.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "agenda": [(item, reports.get(item.pk)) for item in meeting.items.all()],
        },
    )
