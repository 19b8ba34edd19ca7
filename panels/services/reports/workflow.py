"""The report's way to the meeting: draft (the author writes) -> submitted -> approved by the
sponsor, or returned to the author with comments -> published with the agenda (or by the clerk
after it)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from panels.models import Meeting
from panels.reminders import report_moved
from panels.reports.models import EDITABLE_STATUSES, Report, ReportStatus
from panels.services.reports.common import keep_version, locked, signed_in


@transaction.atomic
def report_submit(*, actor: User | None, report: Report) -> Report:
    report = locked(report)
    if actor is None or actor.pk != report.author_id:
        raise PermissionDenied("Only the report's author can submit it")
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(f"The report is {report.get_status_display().lower()} already")
    errors = {}
    if not report.recommendation_list:
        errors["recommendations"] = "Add at least one recommendation before submitting"
    if not report.summary.strip():
        errors["summary"] = "Write the summary before submitting"
    if errors:
        raise ValidationError(errors)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.save(update_fields=["status", "submitted_at", "updated_at"])
    kept = keep_version(report=report, actor=actor, action="submitted to the sponsor")
    audit_record(actor=actor, instance=report, action="report submitted")
    report_moved(report=report, what="submitted", version=kept.pk)
    return report


@transaction.atomic
def report_return(*, actor: User | None, report: Report, comment: str) -> Report:
    report = locked(report)
    if not report.reviewed_by(actor):
        raise PermissionDenied("Only the report's sponsor, not its author, can return it")
    if report.status not in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
        raise ValidationError("Only a submitted or approved report, not yet published, is returned")
    if not comment.strip():
        raise ValidationError({"comment": "Say what the author should change"})
    report.status = ReportStatus.RETURNED
    report.approved_at = None
    report.save(update_fields=["status", "approved_at", "updated_at"])
    kept = keep_version(
        report=report, actor=actor, action="returned to the author", comment=comment.strip()
    )
    audit_record(actor=actor, instance=report, action="report returned", note=comment.strip())
    report_moved(report=report, what="returned", comment=comment.strip(), version=kept.pk)
    return report


@transaction.atomic
def report_approve(*, actor: User | None, report: Report, comment: str = "") -> Report:
    report = locked(report)
    if actor is None or not report.reviewed_by(actor):
        raise PermissionDenied("Only the report's sponsor, not its author, can approve it")
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError("Only a submitted report can be approved")
    report.status = ReportStatus.APPROVED
    report.approved_at = timezone.now()
    report.save(update_fields=["status", "approved_at", "updated_at"])
    kept = keep_version(
        report=report, actor=actor, action="approved by the sponsor", comment=comment
    )
    audit_record(actor=actor, instance=report, action="report approved", note=comment.strip())
    report_moved(report=report, what="approved", comment=comment.strip(), version=kept.pk)
    return report


def _publish(report: Report, actor: User | None, action: str) -> None:
    report.status = ReportStatus.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = signed_in(actor)
    report.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    keep_version(report=report, actor=actor, action=action)
    audit_record(actor=actor, instance=report, action=action)


@transaction.atomic
def report_publish(*, actor: User | None, report: Report) -> Report:
    """The clerk publishes an approved report after its agenda is out (a supplement)."""
    if not is_council_staff(actor):
        raise PermissionDenied("Only the clerk publishes reports")
    report = locked(report)
    if report.status != ReportStatus.APPROVED:
        raise ValidationError("Only a report approved by its sponsor can be published")
    if not report.item.meeting.agenda_is_published:
        raise ValidationError("Publish the agenda: the approved reports are published with it")
    _publish(report, actor, "published after the agenda")
    return report


@transaction.atomic
def reports_publish_with_agenda(*, actor: User | None, meeting: Meeting) -> list[Report]:
    """Publish every approved report of the meeting; called when its agenda is published."""
    reports = list(
        Report.objects.select_for_update().filter(
            item__meeting=meeting, status=ReportStatus.APPROVED
        )
    )
    for report in reports:
        _publish(report, actor, "published with the agenda")
    return reports
