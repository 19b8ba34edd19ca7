"""Every write to annual reports: the council's choice of sections and year; a report started,
written and given its priorities; approved by the panel (its resolution at a meeting, which
freezes the sections); published by the clerk. Each is atomic, recorded in the audit trail (and,
by the history triggers, every row change), and raises ValidationError on the field at fault."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from annual.content import assemble_sections, report_period, year_starting
from annual.models import (
    NARRATIVE_FIELDS,
    AnnualPriority,
    AnnualReport,
    AnnualSettings,
    AnnualStatus,
    YearStart,
)
from annual.snapshot import SECTION_KEYS
from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from panels.models import AgendaItem, Body, DecisionStatus, ItemKind, Meeting, Resolution
from panels.reports.markup import check_markup
from panels.services import agenda_item_add, resolution_add
from strategy.models import Objective

MAX_PRIORITIES = 20
ITEM_TITLE = "Annual corporate parenting report"


def _staff(actor: User | None, what: str) -> None:
    if not is_council_staff(actor):
        raise PermissionDenied(f"Only officers {what}")


def _one_line(text: str, field: str, *, limit: int, label: str) -> str:
    if "\x00" in text or "\r" in text or "\n" in text:
        raise ValidationError({field: f"Enter the {label} on one line, without control characters"})
    text = " ".join(text.split())
    if len(text) > limit:
        raise ValidationError({field: f"Keep the {label} to {limit} characters or fewer"})
    return text


# ---------------------------------------------------------------- the council's choice


@transaction.atomic
def annual_settings_update(
    *, actor: User | None, year_start: str, sections: Sequence[str]
) -> AnnualSettings:
    """Which sections the report holds, in order, and which year it covers. Reports already
    started keep the year and sections they were started with."""
    if year_start not in YearStart.values:
        raise ValidationError({"year_start": "Choose April to March or the municipal year"})
    chosen = [key for key in sections if key]
    unknown = [key for key in chosen if key not in SECTION_KEYS]
    if unknown:
        raise ValidationError({"sections": "Choose sections from the list"})
    if len(set(chosen)) != len(chosen):
        raise ValidationError({"sections": "Choose each section once"})
    if not chosen:
        raise ValidationError({"sections": "Choose at least one section"})
    current = AnnualSettings.objects.select_for_update().get(pk=AnnualSettings.load().pk)
    before = snapshot(current, ("year_start", "sections"))
    current.year_start = year_start
    current.sections = chosen
    current.save()
    audit_record(
        actor=actor,
        instance=current,
        action="annual report settings changed",
        changes=changes_between(before, snapshot(current, ("year_start", "sections"))),
    )
    return current


# ---------------------------------------------------------------- drafting


def locked(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update().select_related("body").get(pk=report.pk)


@transaction.atomic
def annual_report_start(*, actor: User | None, body: Body, start_year: int) -> AnnualReport:
    """A draft report of the body for the year starting in start_year, with the council's
    sections and year as they are now."""
    _staff(actor, "start an annual report")
    if not 2000 <= start_year <= 2100:
        raise ValidationError({"start_year": "Enter a year between 2000 and 2100"})
    if AnnualReport.objects.filter(body=body, start_year=start_year).exists():
        raise ValidationError(
            {"start_year": f"The {body.name} already has an annual report for that year"}
        )
    settings = AnnualSettings.load()
    period = year_starting(start_year, settings)
    report = AnnualReport.objects.create(
        body=body,
        start_year=start_year,
        period_start=period.start,
        period_end=period.end,
        section_keys=settings.section_keys,
        title=f"{body.name}: annual report {period.label}",
        started_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(actor=actor, instance=report, action="annual report started")
    return report


@transaction.atomic
def annual_report_write(*, actor: User | None, report: AnnualReport, **texts: str) -> AnnualReport:
    """The forewords, the achievements and the young person's short text, in report Markdown.
    Only a draft is written: the panel approves what it read."""
    _staff(actor, "write annual reports")
    unknown = set(texts) - set(NARRATIVE_FIELDS) - {"title"}
    if unknown:
        raise TypeError(f"Not narrative fields: {sorted(unknown)}")
    report = locked(report)
    if not report.is_draft:
        raise ValidationError("The panel has approved this report: its text can no longer change")
    errors = {}
    cleaned: dict[str, str] = {}
    for name, text in texts.items():
        try:
            if name == "title":
                cleaned[name] = _one_line(text, "title", limit=200, label="title")
                if not cleaned[name]:
                    raise ValidationError({"title": "Enter the report's title"})
            else:
                check_markup(text)
                cleaned[name] = text.strip()
        except ValidationError as error:
            errors[name] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    fields = list(cleaned)
    before = snapshot(report, fields)
    for name, text in cleaned.items():
        setattr(report, name, text)
    changes = changes_between(before, snapshot(report, fields))
    if changes:
        report.version += 1
        report.save()
        audit_record(actor=actor, instance=report, action="annual report written", changes=changes)
    return report


@dataclass(frozen=True)
class PriorityRow:
    text: str
    objective: Objective | None = None


@transaction.atomic
def annual_priorities_set(
    *, actor: User | None, report: AnnualReport, rows: Sequence[PriorityRow]
) -> list[AnnualPriority]:
    """The priorities for next year, in order, replacing those there were. Blank rows are left
    out."""
    _staff(actor, "write annual reports")
    report = locked(report)
    if not report.is_draft:
        raise ValidationError("The panel has approved this report: its priorities cannot change")
    kept = []
    for row in rows:
        text = _one_line(row.text, "priorities", limit=300, label="priority")
        if text:
            kept.append(PriorityRow(text=text, objective=row.objective))
    if len(kept) > MAX_PRIORITIES:
        raise ValidationError({"priorities": f"Choose {MAX_PRIORITIES} priorities or fewer"})
    before = [(p.text, p.objective_id) for p in report.priorities.all()]
    after = [(p.text, p.objective.pk if p.objective else None) for p in kept]
    if before == after:
        return list(report.priorities.all())
    report.priorities.all().delete()
    made = AnnualPriority.objects.bulk_create(
        AnnualPriority(report=report, position=n, text=p.text, objective=p.objective)
        for n, p in enumerate(kept, start=1)
    )
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    audit_record(
        actor=actor,
        instance=report,
        action="annual report priorities set",
        note="\n".join(p.text for p in kept),
    )
    return made


# ---------------------------------------------------------------- approval and publication


def approval_meetings(report: AnnualReport) -> list[Meeting]:
    """The body's meetings at which the panel's approval may be recorded: held, minutes not
    yet approved."""
    return list(
        Meeting.objects.filter(
            body_id=report.body_id, status__in=("held", "minutes_draft")
        ).order_by("-date")
    )


def _item_for(report: AnnualReport, meeting: Meeting, actor: User | None) -> AgendaItem:
    """The meeting's item on the annual report, added when the agenda did not have one."""
    item = (
        meeting.items.filter(kind=ItemKind.BUSINESS, title__icontains="annual")
        .order_by("position")
        .first()
    )
    if item is not None:
        return item
    return agenda_item_add(actor=actor, meeting=meeting, title=f"{ITEM_TITLE} {report.year_label}")


@transaction.atomic
def annual_report_approve(
    *,
    actor: User | None,
    report: AnnualReport,
    meeting: Meeting | None,
    decision_status: DecisionStatus | None,
) -> AnnualReport:
    """Record the panel's approval as its resolution at a held meeting of the body, and freeze
    the sections as they stand: the published report shows what the panel approved."""
    _staff(actor, "record the panel's approval")
    report = locked(report)
    if not report.is_draft:
        raise ValidationError("The panel has approved this report already")
    errors = {}
    if meeting is None:
        errors["meeting"] = "Choose the meeting at which the panel approved the report"
    elif meeting.body_id != report.body_id:
        errors["meeting"] = f"Choose a meeting of the {report.body.name}"
    elif meeting.pk not in {m.pk for m in approval_meetings(report)}:
        errors["meeting"] = (
            "Choose a meeting that has been held and whose minutes are not yet approved"
        )
    if decision_status is None:
        errors["decision_status"] = "Choose the panel's decision"
    elif not decision_status.is_active:
        errors["decision_status"] = f"{decision_status.name} is no longer used: choose another"
    if errors:
        raise ValidationError(errors)
    assert meeting is not None and decision_status is not None
    item = _item_for(report, meeting, actor)
    resolution: Resolution = resolution_add(
        actor=actor,
        item=item,
        text=f"That the {report.title} be approved for publication.",
        decision_status=decision_status,
    )
    sections = assemble_sections(report_period(report), list(report.section_keys))
    report.frozen = {
        "frozen_at": timezone.now().isoformat(),
        "sections": [section.to_dict() for section in sections],
    }
    report.resolution = resolution
    report.status = AnnualStatus.APPROVED
    report.approved_at = timezone.now()
    report.approved_by = actor if actor is not None and actor.is_authenticated else None
    report.version += 1
    report.save()
    audit_record(
        actor=actor,
        instance=report,
        action="annual report approved by the panel",
        note=f"{meeting.body.name}, {meeting.date:%-d %B %Y}: {decision_status.name}",
    )
    _ask_for_documents(report)
    return report


@transaction.atomic
def annual_report_publish(*, actor: User | None, report: AnnualReport) -> AnnualReport:
    """The clerk publishes the approved report: from now on it is public, if its body is."""
    _staff(actor, "publish annual reports")
    report = locked(report)
    if report.status != AnnualStatus.APPROVED:
        raise ValidationError(
            "Only a report the panel has approved can be published"
            if report.is_draft
            else "This report is published already"
        )
    report.status = AnnualStatus.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = actor if actor is not None and actor.is_authenticated else None
    report.save()
    audit_record(actor=actor, instance=report, action="annual report published")
    _ask_for_documents(report)
    return report


def _ask_for_documents(report: AnnualReport) -> None:
    """The worker makes the report's PDFs as they now stand, so they are ready when asked for."""
    from annual.documents import EDITIONS, document_request

    for edition in EDITIONS:
        document_request(report=report, edition=edition)


@transaction.atomic
def annual_report_save(
    *,
    actor: User | None,
    report: AnnualReport,
    texts: dict[str, str],
    priorities: Sequence[PriorityRow],
) -> AnnualReport:
    """The writing page's save: the text and the priorities together, or neither."""
    errors: dict[str, list[str]] = {}
    try:
        report = annual_report_write(actor=actor, report=report, **texts)
    except ValidationError as error:
        errors.update(
            error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        )
    try:
        annual_priorities_set(actor=actor, report=report, rows=priorities)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        else:
            errors.setdefault("__all__", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return AnnualReport.objects.get(pk=report.pk)
