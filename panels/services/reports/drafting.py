"""Commissioning a report and writing it: the author's saves, each a new version when
something changed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from offer.models import Indicator
from panels.models import AgendaItem, ItemKind
from panels.reports.markup import check_markup, render_markup
from panels.reports.models import EDITABLE_STATUSES, Report, ReportSection
from panels.reports.voice import VoiceChoice, voice_check, voice_save
from panels.services.reports.common import (
    MARKUP_FIELDS,
    TEXT_FIELDS,
    keep_version,
    locked,
    report_content,
)
from strategy.models import Priority
from voice.models import Principle

# Approval is a second pair of eyes: the sponsor is never the report's own author.
AUTHOR_AS_SPONSOR = "Choose a sponsor other than the author: someone else approves the report"


def _check_people(*, author: User | None, sponsor: User | None) -> None:
    errors = {}
    if not is_council_staff(author):
        errors["author"] = "Choose the officer who writes the report"
    if not is_council_staff(sponsor):
        errors["sponsor"] = "Choose the sponsor, who approves the report"
    elif author is not None and sponsor is not None and author.pk == sponsor.pk:
        errors["sponsor"] = AUTHOR_AS_SPONSOR
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
    if not is_council_staff(actor):
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
    keep_version(report=report, actor=actor, action="created")
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
    voice: VoiceChoice | None = None,
    principles: Iterable[Principle] | None = None,
) -> Report:
    """The author saves the text. A save that changes something is a new version. voice: what
    children and young people told us, to print (None: leave the report's choice as it is). The
    principles, when given, replace those the report named (None leaves them)."""
    report = locked(report)
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
    if voice is not None:
        try:
            voice_check(voice, report=report)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    before = report_content(report)
    for name, value in fields.items():
        setattr(report, name, value.strip())
    if voice is not None:
        voice_save(report, voice)  # its year and quarter are saved with the text below
    report.full_clean(exclude=["item", "indicators", "priorities", "voice_themes", "principles"])
    report.save()
    report.priorities.set(priorities)
    report.indicators.set(indicators)
    if principles is not None:
        report.principles.set(list(principles))
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
        keep_version(report=report, actor=actor, action="saved")
        changed = [name.replace("_", " ") for name in after if before.get(name) != after[name]]
        audit_record(
            actor=actor,
            instance=report,
            action="report changed",
            note=f"version {report.version}: {', '.join(changed)}",
        )
    return report
