"""Every write to reports: drafting, the workflow, annexes. Each function is atomic, checks
that the actor is the right person for the move (PermissionDenied otherwise), raises
ValidationError keyed by field for bad input, keeps a version and records the change.

The workflow: draft (the author writes) -> submitted -> approved by the sponsor, or returned
to the author with comments -> published with the agenda (or by the clerk after it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from offer.models import Indicator
from panels.models import AgendaItem, ItemKind, Meeting
from panels.reports import annexes
from panels.reports.markup import check_markup, render_markup
from panels.reports.models import (
    EDITABLE_STATUSES,
    Report,
    ReportAnnex,
    ReportSection,
    ReportStatus,
    ReportVersion,
)
from strategy.models import Priority

TEXT_FIELDS = (
    "title",
    "sponsor_title",
    "author_contact",
    "purpose",
    "summary",
    "recommendations",
    "financial_implications",
    "legal_implications",
    "equalities_implications",
    "risk_implications",
)
MARKUP_FIELDS = (
    "purpose",
    "summary",
    "financial_implications",
    "legal_implications",
    "equalities_implications",
    "risk_implications",
)


def _is_clerk(user: User | None) -> bool:
    return user is not None and user.is_authenticated and (user.is_officer or user.is_portal_admin)


def _actor(user: User | None) -> User | None:
    return user if user is not None and user.is_authenticated else None


def report_content(report: Report) -> dict[str, Any]:
    """The whole text of the report as plain data: what a version keeps and what is compared."""
    return {
        **{name: getattr(report, name) for name in TEXT_FIELDS},
        "sponsor": str(report.sponsor),
        "author": str(report.author),
        "priorities": [p.name for p in report.priorities.all()],
        "indicators": sorted(i.code for i in report.indicators.all()),
        "sections": [
            {"heading": s.heading, "body": s.body} for s in report.sections.order_by("position")
        ],
        "annexes": [
            {"title": a.title, "file": str(a.file.name).rsplit("/", 1)[-1], "sha256": a.sha256}
            for a in report.annexes.order_by("position")
        ],
    }


def _keep_version(
    *, report: Report, actor: User | None, action: str, comment: str = ""
) -> ReportVersion:
    return ReportVersion.objects.create(
        report=report,
        number=report.version,
        action=action,
        status=report.status,
        content=report_content(report),
        comment=comment,
        made_by=_actor(actor),
    )


def _locked(report: Report) -> Report:
    return (
        Report.objects.select_for_update()
        .select_related("item__meeting__body", "author", "sponsor")
        .get(pk=report.pk)
    )


def _check_people(*, author: User | None, sponsor: User | None) -> None:
    errors = {}
    if author is None or not (author.is_officer or author.is_portal_admin):
        errors["author"] = "Choose the officer who writes the report"
    if sponsor is None or not (sponsor.is_officer or sponsor.is_portal_admin):
        errors["sponsor"] = "Choose the sponsor, who approves the report"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_create(
    *,
    actor: User | None,
    item: AgendaItem,
    title: str,
    author: User | None,
    sponsor: User | None,
    sponsor_title: str = "",
) -> Report:
    """A new draft report for an agenda item of business, given to its author to write."""
    if not _is_clerk(actor):
        raise PermissionDenied("Only officers and admins commission reports")
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if item.kind != ItemKind.BUSINESS:
        raise ValidationError("Reports belong to items of business")
    if item.meeting.minutes_are_approved:
        raise ValidationError("This meeting's minutes are approved: its papers are closed")
    if Report.objects.filter(item=item).exists():
        raise ValidationError("This item already has a report")
    if not title.strip():
        raise ValidationError({"title": "Enter the title of the report"})
    _check_people(author=author, sponsor=sponsor)
    assert author is not None and sponsor is not None  # _check_people refuses either missing
    report = Report.objects.create(
        item=item,
        title=title.strip(),
        author=author,
        sponsor=sponsor,
        sponsor_title=sponsor_title.strip(),
    )
    _keep_version(report=report, actor=actor, action="created")
    audit_record(
        actor=actor,
        instance=report,
        action="report commissioned",
        note=f"author {author}, sponsor {sponsor}",
    )
    return report


def _clean_sections(sections: Sequence[dict[str, str]]) -> list[tuple[str, str]]:
    cleaned = []
    errors = []
    for number, section in enumerate(sections, start=1):
        heading = (section.get("heading") or "").strip()
        body = (section.get("body") or "").strip()
        if not heading and not body:
            continue
        if not heading:
            errors.append(f"Section {number}: enter a heading")
        try:
            check_markup(body)
        except ValidationError as error:
            errors.append(f"Section {number}: {' '.join(error.messages)}")
        cleaned.append((heading, body))
    if errors:
        raise ValidationError({"sections": errors})
    return cleaned


@transaction.atomic
def report_update(
    *,
    actor: User | None,
    report: Report,
    fields: dict[str, str],
    priorities: Sequence[Priority] = (),
    indicators: Sequence[Indicator] = (),
    sections: Sequence[dict[str, str]] = (),
) -> Report:
    """The author saves the text. A save that changes something is a new version."""
    report = _locked(report)
    if actor is None or actor.pk != report.author_id:
        raise PermissionDenied("Only the report's author can change it")
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError(
            f"The report is {report.get_status_display().lower()}: ask the sponsor to return it "
            "before changing it"
        )
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Not a report field: {', '.join(sorted(unknown))}")
    errors: dict[str, list[str]] = {}
    if "title" in fields and not fields["title"].strip():
        errors["title"] = ["Enter the title of the report"]
    for name in MARKUP_FIELDS:
        try:
            check_markup(fields.get(name, ""))
        except ValidationError as error:
            errors[name] = error.messages
    already = set(report.priorities.values_list("pk", flat=True))
    if any(p.pk is None or (p.is_retired and p.pk not in already) for p in priorities):
        errors["priorities"] = ["Choose strategic priorities from the list"]
    try:
        cleaned_sections = _clean_sections(sections)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    before = report_content(report)
    for name, value in fields.items():
        setattr(report, name, value.strip())
    report.full_clean(exclude=["item", "indicators", "priorities"])
    report.save()
    report.priorities.set(priorities)
    report.indicators.set(indicators)
    report.sections.all().delete()
    ReportSection.objects.bulk_create(
        [
            ReportSection(
                report=report,
                position=position,
                heading=heading,
                body=body,
                body_html=render_markup(body),
            )
            for position, (heading, body) in enumerate(cleaned_sections, start=1)
        ]
    )
    after = report_content(report)
    if after != before:
        report.version += 1
        report.save(update_fields=["version", "updated_at"])
        _keep_version(report=report, actor=actor, action="saved")
        changed = [name.replace("_", " ") for name in after if before.get(name) != after[name]]
        audit_record(
            actor=actor,
            instance=report,
            action="report changed",
            note=f"version {report.version}: {', '.join(changed)}",
        )
    return report


@transaction.atomic
def report_submit(*, actor: User | None, report: Report) -> Report:
    report = _locked(report)
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
    _keep_version(report=report, actor=actor, action="submitted to the sponsor")
    audit_record(actor=actor, instance=report, action="report submitted")
    return report


@transaction.atomic
def report_return(*, actor: User | None, report: Report, comment: str) -> Report:
    report = _locked(report)
    if actor is None or actor.pk != report.sponsor_id:
        raise PermissionDenied("Only the report's sponsor can return it")
    if report.status not in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
        raise ValidationError("Only a submitted or approved report, not yet published, is returned")
    if not comment.strip():
        raise ValidationError({"comment": "Say what the author should change"})
    report.status = ReportStatus.RETURNED
    report.approved_at = None
    report.save(update_fields=["status", "approved_at", "updated_at"])
    _keep_version(
        report=report, actor=actor, action="returned to the author", comment=comment.strip()
    )
    audit_record(actor=actor, instance=report, action="report returned", note=comment.strip())
    return report


@transaction.atomic
def report_approve(*, actor: User | None, report: Report, comment: str = "") -> Report:
    report = _locked(report)
    if actor is None or actor.pk != report.sponsor_id:
        raise PermissionDenied("Only the report's sponsor can approve it")
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError("Only a submitted report can be approved")
    report.status = ReportStatus.APPROVED
    report.approved_at = timezone.now()
    report.save(update_fields=["status", "approved_at", "updated_at"])
    _keep_version(report=report, actor=actor, action="approved by the sponsor", comment=comment)
    audit_record(actor=actor, instance=report, action="report approved", note=comment.strip())
    return report


def _publish(report: Report, actor: User | None, action: str) -> None:
    report.status = ReportStatus.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = _actor(actor)
    report.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    _keep_version(report=report, actor=actor, action=action)
    audit_record(actor=actor, instance=report, action=action)


@transaction.atomic
def report_publish(*, actor: User | None, report: Report) -> Report:
    """The clerk publishes an approved report after its agenda is out (a supplement)."""
    if not _is_clerk(actor):
        raise PermissionDenied("Only the clerk publishes reports")
    report = _locked(report)
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


# Annexes


def annex_max_bytes() -> int:
    return int(settings.REPORT_ANNEX_MAX_BYTES)


@transaction.atomic
def annex_add(*, actor: User | None, report: Report, title: str, file: UploadedFile) -> ReportAnnex:
    report = _locked(report)
    if actor is None or actor.pk != report.author_id:
        raise PermissionDenied("Only the report's author can add annexes")
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError("The report is with the sponsor: annexes can't change now")
    errors = {}
    if not title.strip():
        errors["title"] = "Enter the title of the annex"
    try:
        pages = annexes.check_pdf(file, max_bytes=annex_max_bytes())
    except ValidationError as error:
        errors["file"] = " ".join(error.messages)
    if errors:
        raise ValidationError(errors)
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    last = report.annexes.aggregate(last=Max("position"))["last"] or 0
    annex = ReportAnnex(
        report=report,
        position=last + 1,
        title=title.strip(),
        page_count=pages,
        size=file.size or 0,
        sha256=digest.hexdigest(),
    )
    annex.file.save(annexes.safe_name(file.name or "annex.pdf"), file, save=False)
    annex.save()
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    _keep_version(report=report, actor=actor, action=f"annex {annex.letter} added")
    audit_record(actor=actor, instance=report, action="annex added", note=annex.title)
    return annex


@transaction.atomic
def annex_remove(*, actor: User | None, annex: ReportAnnex) -> None:
    report = _locked(annex.report)
    if actor is None or actor.pk != report.author_id:
        raise PermissionDenied("Only the report's author can remove annexes")
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError("The report is with the sponsor: annexes can't change now")
    title = annex.title
    annex.file.delete(save=False)
    annex.delete()
    for position, remaining in enumerate(report.annexes.order_by("position"), start=1):
        if remaining.position != position:
            ReportAnnex.objects.filter(pk=remaining.pk).update(position=position)
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    _keep_version(report=report, actor=actor, action="annex removed")
    audit_record(actor=actor, instance=report, action="annex removed", note=title)
