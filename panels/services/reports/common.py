"""What every write to a report shares: its fields, who is the clerk, the whole text as data,
the version kept of it, and the report locked for the change."""

from __future__ import annotations

from typing import Any

from corporate_parenting.models import User
from panels.reports.models import Report, ReportVersion
from panels.reports.voice import voice_content

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


def signed_in(user: User | None) -> User | None:
    """The person to record as having made a change; None for the portal itself."""
    return user if user is not None and user.is_authenticated else None


def report_content(report: Report) -> dict[str, Any]:
    """The whole text of the report as plain data: what a version keeps and what is compared."""
    return {
        **{name: getattr(report, name) for name in TEXT_FIELDS},
        "sponsor": str(report.sponsor),
        "author": str(report.author),
        "priorities": [p.name for p in report.priorities.all()],
        "indicators": sorted(i.code for i in report.indicators.all()),
        "voice": voice_content(report),
        "principles": [str(p) for p in report.principles.all()],
        "sections": [
            {"heading": s.heading, "body": s.body} for s in report.sections.order_by("position")
        ],
        "annexes": [
            {"title": a.title, "file": str(a.file.name).rsplit("/", 1)[-1], "sha256": a.sha256}
            for a in report.annexes.order_by("position")
        ],
    }


def keep_version(
    *, report: Report, actor: User | None, action: str, comment: str = ""
) -> ReportVersion:
    return ReportVersion.objects.create(
        report=report,
        number=report.version,
        action=action,
        status=report.status,
        content=report_content(report),
        comment=comment,
        made_by=signed_in(actor),
    )


def locked(report: Report) -> Report:
    """The report as stored, locked until the change commits, with what the checks read."""
    return (
        Report.objects.select_for_update()
        .select_related("item__meeting__body", "author", "sponsor")
        .get(pk=report.pk)
    )
