"""Supplementary packs: the papers published after the agenda, numbered 1, 2... within the
meeting, each with the special circumstances that made its papers late.

The late papers of a meeting are its reports approved but not yet published
(Report.objects.awaiting_supplement) and the report files uploaded after the agenda was published
that no supplement has carried (AgendaItem.objects.late_files). Publishing a supplement publishes
its reports (the report publishing service) and records the clerk's act; its PDF, in both
editions, is made by the agenda pack's machinery (panels.reports.pack, with the supplement).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.models import AgendaItem, Meeting, Supplement
from panels.reminders import supplement_published
from panels.reports.models import Report
from panels.services.common import locked_fresh
from panels.services.reports.workflow import report_publish


@dataclass(frozen=True)
class LatePapers:
    reports: list[Report]
    files: list[AgendaItem]

    def __bool__(self) -> bool:
        return bool(self.reports or self.files)

    @property
    def count(self) -> int:
        return len(self.reports) + len(self.files)


def late_papers(meeting: Meeting) -> LatePapers:
    """What the next supplement of the meeting would carry."""
    return LatePapers(
        reports=list(
            Report.objects.awaiting_supplement(meeting)
            .select_related("item")
            .order_by("item__position")
        ),
        files=list(AgendaItem.objects.late_files(meeting).order_by("position")),
    )


@transaction.atomic
def supplement_publish(
    *,
    actor: User | None,
    meeting: Meeting,
    reason: str,
    reports: Sequence[Report] | None = None,
    items: Sequence[AgendaItem] | None = None,
) -> Supplement:
    """Publish late papers as the meeting's next supplement, with the reason they are late.
    reports and items (those with a late report file) default to all the late papers; each must
    be one (late_papers)."""
    meeting = locked_fresh(meeting)
    reason = reason.strip()
    if not meeting.agenda_is_published:
        raise ValidationError("Publish the agenda first: a supplement follows the agenda")
    if not reason:
        raise ValidationError({"reason": "Enter why the papers are late"})
    late = late_papers(meeting)
    chosen_reports = list(late.reports if reports is None else reports)
    chosen_items = list(late.files if items is None else items)
    if not chosen_reports and not chosen_items:
        raise ValidationError({"papers": "Choose the late papers to publish"})
    late_report_ids = {r.pk for r in late.reports}
    late_item_ids = {i.pk for i in late.files}
    if any(r.pk not in late_report_ids for r in chosen_reports) or any(
        i.pk not in late_item_ids for i in chosen_items
    ):
        raise ValidationError({"papers": "Choose only papers not yet published"})
    for report in chosen_reports:
        report_publish(actor=actor, report=report)
    last = meeting.supplements.aggregate(last=Max("number"))["last"] or 0
    supplement = Supplement.objects.create(
        meeting=meeting,
        number=last + 1,
        reason=reason,
        published_at=timezone.now(),
        published_by=actor if actor is not None and actor.is_authenticated else None,
    )
    supplement.items.set(sorted({r.item_id for r in chosen_reports} | {i.pk for i in chosen_items}))
    titles = "; ".join(i.title for i in supplement.items.order_by("position"))
    audit_record(
        actor=actor,
        instance=meeting,
        action=f"supplement {supplement.number} published",
        note=f"{titles}. Late because: {reason}",
    )
    # Members of the body, and the public who asked for its agendas, are told (the outbox row
    # is written in this transaction, and sent after it commits).
    supplement_published(supplement=supplement, titles=titles)
    return supplement
