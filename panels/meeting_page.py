"""What the meeting page shows, built in one place: the minutes with the actions carried to the
meeting, the meeting's history across its items and resolutions, its reports, and what the
person looking may do. The view fetches the meeting, calls meeting_page and renders."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Window

from corporate_parenting.models import AuditEvent, User
from panels.minutes import Minutes, build_minutes
from panels.models import AgendaItem, Meeting, Resolution, Supplement
from panels.reports.models import Report
from panels.services.agenda import agenda_warning
from panels.services.supplements import late_papers
from voice.matters import Matter

HISTORY_SHOWN = 50
# The action log item lists the open actions due earliest; the rest are a link away (?carried=all).
# A board's log reached 98 actions at ten times the demo: built and written out on every visit,
# most of the page's time, while a meeting works through the overdue ones first.
CARRIED_SHOWN = 10


def meeting_history(meeting: Meeting, minutes: Minutes) -> QuerySet[AuditEvent]:
    """The audit trail of the meeting, its agenda items and their resolutions, newest first."""
    item_ids = [str(entry.item.pk) for entry in minutes.items]
    resolution_ids = [str(r.resolution.pk) for entry in minutes.items for r in entry.resolutions]
    types = ContentType.objects.get_for_models(Meeting, AgendaItem, Resolution)
    return AuditEvent.objects.filter(
        Q(content_type=types[Meeting], object_id=str(meeting.pk))
        | Q(content_type=types[AgendaItem], object_id__in=item_ids)
        | Q(content_type=types[Resolution], object_id__in=resolution_ids)
    ).select_related("actor")[:HISTORY_SHOWN]


def meeting_page(
    meeting: Meeting, user: User, *, is_staff: bool, all_carried: bool = False
) -> dict[str, Any]:
    """The meeting page's context, for a meeting fetched with for_minutes(); is_staff: the
    person is council staff (User.is_council_staff), who run meetings. The action log shows
    the CARRIED_SHOWN actions due earliest, or all of them (all_carried), and how many there are."""
    carried_rows = (
        Resolution.objects.carried_to(meeting)
        .for_minutes()
        .annotate(carried_total=Window(Count("pk")))  # the count comes with the rows
    )
    carried = list(carried_rows if all_carried else carried_rows[:CARRIED_SHOWN])
    carried_total = carried[0].carried_total if carried else 0
    minutes = build_minutes(meeting, carried_actions=carried)
    may_declare = is_staff or meeting.body.memberships.filter(user=user).exists()
    # The items come with their written reports: with none there is nothing more to ask.
    reports = Report.objects.filter(item__meeting=meeting)
    if not any(hasattr(item, "written_report") for item in meeting.items.all()):
        reports = reports.none()
    return {
        "meeting": meeting,
        "minutes": minutes,
        "carried_total": carried_total,
        "carried_more": carried_total - len(carried),
        "declarations": list(meeting.declarations.all()),
        "changes": list(meeting.changes.select_related("made_by")),
        "can_clerk": is_staff,
        "can_declare": may_declare and not meeting.minutes_are_approved,
        "notice": agenda_warning(meeting),
        "audit_events": meeting_history(meeting, minutes),
        # Members read the papers from publication (Meeting.objects.full_papers_visible_to).
        "can_read_papers": Meeting.objects.full_papers_visible_to(user)
        .filter(pk=meeting.pk)
        .exists(),
        "readable_reports": set(reports.visible_to(user).values_list("item_id", flat=True)),
        "late_reports": list(reports.late().select_related("author")) if is_staff else [],
        # Supplementary packs: the members' edition for whoever reads the papers, the public
        # one where it holds a public paper (Supplement.objects.public).
        "supplements": list(meeting.supplements.order_by("number")),
        "public_supplements": set(
            Supplement.objects.public().filter(meeting=meeting).values_list("pk", flat=True)
        ),
        "late_papers": late_papers(meeting) if is_staff and meeting.agenda_is_published else None,
        # The standing item for the Board: the young people's matters open at the meeting.
        "council_matters": list(
            Matter.objects.before_board(meeting).for_list().select_related("raised_by")
        ),
    }
