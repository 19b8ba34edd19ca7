"""Every write to reports: drafting, the workflow (submit, return, approve, publish), annexes.
Each function is atomic, checks who may make the move, keeps a version and records it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.models import Meeting
from panels.reports.models import Report, ReportStatus


@transaction.atomic
def reports_publish_with_agenda(*, actor: User | None, meeting: Meeting) -> list[Report]:
    """Publish every approved report of the meeting; called when its agenda is published."""
    reports = list(
        Report.objects.select_for_update().filter(
            item__meeting=meeting, status=ReportStatus.APPROVED
        )
    )
    for report in reports:
        report.status = ReportStatus.PUBLISHED
        report.published_at = timezone.now()
        report.published_by = actor if actor is not None and actor.is_authenticated else None
        report.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        audit_record(actor=actor, instance=report, action="published with the agenda")
    return reports
