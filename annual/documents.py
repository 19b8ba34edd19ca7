"""The annual report's PDFs: the full report (tagged, a bookmark per section, page numbers,
charts) and the young person's version (plain words, large type, few numbers).

Made by the worker and kept, as the agenda pack is (panels/reports/pack.py): content_key()
hashes what a PDF prints; an AnnualBuild row, unique per report, edition and key, holds the
file. document_request() asks for one (the task runs document_render()); when the report
changes, so does the key, and the old file is no longer offered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from annual.content import ReportView, previous_report, report_view
from annual.models import AnnualBuild, AnnualBuildStatus, AnnualEdition, AnnualReport
from corporate_parenting.builds import claim_build, finish_build
from corporate_parenting.models import SiteSettings
from corporate_parenting.pdf import render_document, write_pdf

logger = logging.getLogger(__name__)

# Change whenever the templates change what a PDF looks like, so PDFs made before are made again.
LAYOUT_VERSION = "annual-2026-12-first"
BUILD_TIME_LIMIT = 300
EDITIONS = tuple(AnnualEdition.values)
FAILED = "The document could not be made."
TEMPLATES = {
    AnnualEdition.FULL: "annual/pdf/report.html",
    AnnualEdition.YOUNG: "annual/pdf/young.html",
}


def _printed(view: ReportView) -> object:
    """What the PDFs print, as plain data."""
    report = view.report
    return {
        "report": [
            report.pk,
            report.title,
            report.status,
            report.version,
            report.body.name,
            report.period_start.isoformat(),
            report.period_end.isoformat(),
            report.approved_at.isoformat() if report.approved_at else "",
            report.published_at.isoformat() if report.published_at else "",
        ],
        "narrative": {name: str(html) for name, html in view.narrative.items()},
        "priorities": [
            (p.text, str(p.objective) if p.objective else "") for p in report.priorities.all()
        ],
        "sections": [s.to_dict() for s in view.sections],
        "comparison": [c.__dict__ for c in view.comparison],
        "previous": view.previous.pk if view.previous else None,
    }


def content_key(report: AnnualReport, edition: str) -> str:
    """The version of what the PDF prints. A report the panel approved has its sections frozen
    and its text locked: its own version, last year's report it is compared with and the
    branding say it all, without laying anything out. A draft's figures are read now."""
    parts: list[object] = [LAYOUT_VERSION, edition, SiteSettings.load().updated_at.isoformat()]
    if report.frozen is not None:
        previous = previous_report(report)
        parts += [
            report.pk,
            report.version,
            report.status,
            report.title,
            report.body.name,
            report.updated_at.isoformat(),
            [previous.pk, previous.updated_at.isoformat()] if previous else None,
        ]
    else:
        parts.append(_printed(report_view(report)))
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def document_context(view: ReportView) -> dict[str, object]:
    report = view.report
    marking = "" if report.is_published else ("DRAFT" if report.is_draft else "NOT YET PUBLISHED")
    return {
        "view": view,
        "report": report,
        "title": report.title,
        "marking": marking,
        "priorities": list(report.priorities.all()),
    }


def render_annual_pdf(view: ReportView, edition: str) -> tuple[bytes, int]:
    document = render_document(TEMPLATES[AnnualEdition(edition)], document_context(view))
    return write_pdf(document), len(document.pages)


def document_filename(report: AnnualReport, edition: str) -> str:
    kind = "annual-report" if edition == AnnualEdition.FULL else "annual-report-young-people"
    return f"{kind}-{slugify(report.body.name)[:40]}-{report.start_year}.pdf"


# ---------------------------------------------------------------- builds


def document_current(report: AnnualReport, edition: str) -> AnnualBuild | None:
    key = content_key(report, edition)
    return AnnualBuild.objects.filter(report=report, edition=edition, content_key=key).first()


def build_is_stale(build: AnnualBuild) -> bool:
    started = build.started_at or build.created_at
    return build.status in (AnnualBuildStatus.QUEUED, AnnualBuildStatus.BUILDING) and (
        started < timezone.now() - timedelta(seconds=BUILD_TIME_LIMIT + 60)
    )


def _queue(build_id: int) -> None:
    from annual.tasks import build_annual_document

    transaction.on_commit(lambda: build_annual_document.delay(build_id))


@transaction.atomic
def document_request(*, report: AnnualReport, edition: str, retry: bool = True) -> AnnualBuild:
    """Ask for the PDF as the report stands now. The same content is made once; a failed or
    abandoned build is queued again when retry is allowed."""
    # As stored: the worker checks the key against the stored report, not the caller's copy.
    report = AnnualReport.objects.for_page().get(pk=report.pk)
    key = content_key(report, edition)
    build, created = AnnualBuild.objects.get_or_create(
        report=report, edition=edition, content_key=key
    )
    if created:
        _queue(build.pk)
        return build
    build = AnnualBuild.objects.select_for_update().get(pk=build.pk)
    if retry and (build.status == AnnualBuildStatus.FAILED or build_is_stale(build)):
        build.status = AnnualBuildStatus.QUEUED
        build.error = ""
        build.started_at = None
        build.finished_at = None
        build.save()
        _queue(build.pk)
    return build


def _claim(build_id: int) -> AnnualBuild | None:
    queryset = AnnualBuild.objects.select_related("report__body")
    return claim_build(queryset, build_id, is_stale=build_is_stale)


def _finish(build: AnnualBuild, **fields: object) -> None:
    finish_build(build, **fields)


def document_render(*, build_id: int) -> None:
    """Make the PDF of one build row. Safe to run twice."""
    build = _claim(build_id)
    if build is None:
        return
    started = time.perf_counter()
    try:
        report = AnnualReport.objects.for_page().get(pk=build.report_id)
        if content_key(report, build.edition) != build.content_key:
            raise RuntimeError(f"Annual report {report.pk} changed before its PDF was made")
        pdf, pages = render_annual_pdf(report_view(report), build.edition)
    except Exception:
        logger.exception("Annual report document %s could not be made", build.pk)
        _finish(
            build,
            status=AnnualBuildStatus.FAILED,
            error=FAILED,
            render_ms=round((time.perf_counter() - started) * 1000),
        )
        return
    name = document_filename(build.report, build.edition).replace(
        ".pdf", f"-{build.content_key[:12]}.pdf"
    )
    build.file.save(name, ContentFile(pdf), save=False)
    _finish(
        build,
        status=AnnualBuildStatus.READY,
        page_count=pages,
        render_ms=round((time.perf_counter() - started) * 1000),
        error="",
    )
