"""A report's annexes: PDF files the author adds and removes while the report is theirs."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.reports import annexes
from panels.reports.models import EDITABLE_STATUSES, Report, ReportAnnex
from panels.services.reports.common import keep_version, locked


def annex_max_bytes() -> int:
    return int(settings.REPORT_ANNEX_MAX_BYTES)


@transaction.atomic
def annex_add(*, actor: User | None, report: Report, title: str, file: UploadedFile) -> ReportAnnex:
    report = locked(report)
    if actor is None or actor.pk != report.author_id:
        raise PermissionDenied("Only the report's author can add annexes")
    if report.status not in EDITABLE_STATUSES:
        raise ValidationError("The report is with the sponsor: annexes can't change now")
    errors = {}
    if not title.strip():
        errors["title"] = "Enter the title of the annex"
    try:
        pages = annexes.check_annex(file, max_bytes=annex_max_bytes())
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
    keep_version(report=report, actor=actor, action=f"annex {annex.letter} added")
    audit_record(actor=actor, instance=report, action="annex added", note=annex.title)
    return annex


@transaction.atomic
def annex_remove(*, actor: User | None, annex: ReportAnnex) -> None:
    report = locked(annex.report)
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
    keep_version(report=report, actor=actor, action="annex removed")
    audit_record(actor=actor, instance=report, action="annex removed", note=title)
