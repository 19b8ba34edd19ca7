"""The agenda: its items, their order and reports, and publishing it with the notice it needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels import notice
from panels.documents import check_report_document
from panels.models import AgendaItem, ChangeKind, ItemKind, Meeting, MeetingStatus
from panels.reminders import papers_published
from panels.reports.papers import convert_when_uploaded
from panels.services.changes import change_record
from panels.services.common import locked_fresh, renumber_if_drafting
from panels.services.reports import reports_publish_with_agenda


@transaction.atomic
def agenda_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    presenter: str = "",
    report: UploadedFile | None = None,
    is_urgent: bool = False,
    is_exempt: bool = False,
    exempt_paragraph: str = "",
    urgency_reason: str = "",
    change_reason: str = "",
    today: date | None = None,
) -> AgendaItem:
    """A new item, placed before "Date of next meeting". Urgent items are added on the day,
    with the Chair's reason, which the minutes print."""
    meeting = locked_fresh(meeting)
    if not title.strip():
        raise ValidationError({"title": "Enter the title of the item"})
    if is_urgent and meeting.date != timezone.localdate() and not meeting.agenda_is_published:
        raise ValidationError(
            {"is_urgent": "An urgent item is added on the day, after the agenda is published"}
        )
    if is_urgent and not urgency_reason.strip():
        raise ValidationError(
            {"urgency_reason": "Enter the Chair's reason for taking the item as urgent"}
        )
    added_late = meeting.agenda_is_published and not meeting.has_been_held
    if (
        added_late
        and not is_urgent
        and notice.is_short_notice(today or timezone.localdate(), meeting.date)
    ):
        raise ValidationError(
            {
                "is_urgent": "Fewer than five clear working days are left before the meeting: "
                "add it as an urgent item, with the Chair's reason"
            }
        )
    items = list(meeting.items.select_for_update().order_by("position"))
    closing = next((i for i in items if i.kind == ItemKind.NEXT_MEETING), None)
    position = closing.position if closing else len(items) + 1
    # Move the later items down one, highest first so positions stay unique.
    for later in sorted((i for i in items if i.position >= position), key=lambda i: -i.position):
        later.position += 1
        later.save(update_fields=["position"])
    item = AgendaItem(
        meeting=meeting,
        position=position,
        title=title.strip(),
        presenter=presenter,
        is_urgent=is_urgent,
        urgency_reason=urgency_reason.strip() if is_urgent else "",
        is_exempt=is_exempt,
        exempt_paragraph=exempt_paragraph if is_exempt else "",
        kind=ItemKind.BUSINESS,
    )
    if report is not None:
        _check_report(report)
        item.report_file = report
        item.report_file_at = timezone.now()
    item.full_clean(exclude=["minute_sequence"])
    item.save()
    if report is not None:
        convert_when_uploaded(item)
    renumber_if_drafting(meeting)
    if added_late:
        change_record(
            actor=actor,
            meeting=meeting,
            kind=ChangeKind.ITEM_ADDED,
            summary=f"Item added{' as urgent' if is_urgent else ''}: {item.title}",
            reason=urgency_reason if is_urgent else change_reason,
            reason_field="urgency_reason" if is_urgent else "change_reason",
            today=today,
        )
    audit_record(
        actor=actor,
        instance=meeting,
        action="urgent item added" if is_urgent else "agenda item added",
        note=f"{item.title}: {item.urgency_reason}" if is_urgent else item.title,
    )
    return item


def _check_report(report: UploadedFile) -> None:
    try:
        check_report_document(report)
    except ValidationError as error:
        raise ValidationError({"report": error.messages}) from None


@transaction.atomic
def agenda_item_update(
    *,
    actor: User | None,
    item: AgendaItem,
    title: str,
    presenter: str = "",
    report: UploadedFile | None = None,
    is_exempt: bool | None = None,
    exempt_paragraph: str = "",
) -> AgendaItem:
    locked_fresh(item.meeting)
    if not title.strip():
        raise ValidationError({"title": "Enter the title of the item"})
    fields = ("title", "presenter", "is_exempt", "exempt_paragraph", "report_file")
    before = snapshot(item, fields)
    item.title = title.strip()
    item.presenter = presenter
    if is_exempt is not None:
        item.is_exempt = is_exempt
        item.exempt_paragraph = exempt_paragraph if is_exempt else ""
    if report is not None:
        _check_report(report)
        item.report_file = report
        item.report_file_at = timezone.now()
    item.full_clean(exclude=["minute_sequence"])
    item.save()
    if report is not None:
        convert_when_uploaded(item)
    audit_record(
        actor=actor,
        instance=item,
        action="agenda item changed",
        changes=changes_between(before, snapshot(item, fields)),
    )
    return item


@transaction.atomic
def agenda_item_remove(
    *, actor: User | None, item: AgendaItem, reason: str = "", today: date | None = None
) -> None:
    """Remove an item. Once the agenda is published it is withdrawn: a reason is needed, and
    members and the public who asked are told."""
    meeting = locked_fresh(item.meeting)
    if item.resolutions.exists() or item.discussion:
        raise ValidationError("This item has minutes. Remove its minutes first.")
    title = item.title
    if meeting.agenda_is_published and not meeting.has_been_held:
        change_record(
            actor=actor,
            meeting=meeting,
            kind=ChangeKind.ITEM_WITHDRAWN,
            summary=f"Item withdrawn: {title}",
            reason=reason,
            reason_field="reason",
            today=today,
        )
    item.delete()
    for position, remaining in enumerate(meeting.items.order_by("position"), start=1):
        if remaining.position != position:
            AgendaItem.objects.filter(pk=remaining.pk).update(position=position)
    renumber_if_drafting(meeting)
    audit_record(actor=actor, instance=meeting, action="agenda item removed", note=title)


@transaction.atomic
def agenda_item_move(*, actor: User | None, item: AgendaItem, direction: str) -> AgendaItem:
    """Swap an item of business with the one above or below it.

    The standard items (declarations, minutes, action log) stay first and "Date of next meeting"
    stays last; minute numbers follow the new order when the minutes are being drafted.
    """
    if direction not in ("up", "down"):
        raise ValidationError("Choose whether to move the item up or down")
    meeting = locked_fresh(item.meeting)
    if item.kind != ItemKind.BUSINESS:
        raise ValidationError("Standard items stay where they are on the agenda")
    business = list(
        meeting.items.select_for_update().filter(kind=ItemKind.BUSINESS).order_by("position")
    )
    index = next(i for i, other in enumerate(business) if other.pk == item.pk)
    neighbour_index = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour_index < len(business):
        edge = "first" if direction == "up" else "last"
        raise ValidationError(f"This is already the {edge} item of business")
    moving, neighbour = business[index], business[neighbour_index]
    old_position, new_position = moving.position, neighbour.position
    # Positions are unique per meeting: park the moving item out of the way first.
    AgendaItem.objects.filter(pk=moving.pk).update(position=32000)
    AgendaItem.objects.filter(pk=neighbour.pk).update(position=old_position)
    AgendaItem.objects.filter(pk=moving.pk).update(position=new_position)
    renumber_if_drafting(meeting)
    audit_record(
        actor=actor, instance=meeting, action=f"agenda item moved {direction}", note=moving.title
    )
    moving.refresh_from_db()
    return moving


@dataclass(frozen=True)
class NoticeCheck:
    clear_working_days: int
    short_notice: bool
    latest_day: date
    # Today is the last working day to publish with full notice.
    last_day_today: bool = False


def agenda_notice(meeting: Meeting, today: date | None = None) -> NoticeCheck:
    today = today or timezone.localdate()
    latest = notice.latest_publication_day(meeting.date)
    short = notice.is_short_notice(today, meeting.date)
    return NoticeCheck(
        clear_working_days=notice.clear_working_days(today, meeting.date),
        short_notice=short,
        latest_day=latest,
        last_day_today=not short and today == latest,
    )


def agenda_warning(meeting: Meeting, today: date | None = None) -> NoticeCheck | None:
    """What the clerk is warned of on the meeting's page: nothing once the agenda is published,
    or once the meeting has been held or its day has passed (no notice is left to give)."""
    today = today or timezone.localdate()
    if meeting.agenda_is_published or meeting.has_been_held or meeting.date < today:
        return None
    return agenda_notice(meeting, today)


@transaction.atomic
def agenda_publish(
    *,
    actor: User | None,
    meeting: Meeting,
    short_notice_reason: str = "",
    today: date | None = None,
) -> Meeting:
    """Publish the agenda: the one act that makes a meeting public, recorded with who and when.
    With fewer than five clear working days, a reason is required. The reports approved by then
    are published with it."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.agenda_is_published:
        raise ValidationError("The agenda has already been published")
    check = agenda_notice(meeting, today)
    if check.short_notice and not short_notice_reason.strip():
        raise ValidationError(
            {
                "short_notice_reason": (
                    f"There are only {check.clear_working_days} clear working days before the "
                    "meeting (five are required). Give the reason for short notice to publish."
                )
            }
        )
    meeting.agenda_published_at = timezone.now()
    meeting.agenda_published_by = actor if actor is not None and actor.is_authenticated else None
    meeting.short_notice_reason = short_notice_reason.strip() if check.short_notice else ""
    fields = ["agenda_published_at", "agenda_published_by", "short_notice_reason"]
    if meeting.status == MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.AGENDA_PUBLISHED
        fields.append("status")
    meeting.save(update_fields=fields)
    audit_record(
        actor=actor, instance=meeting, action="agenda published", note=meeting.short_notice_reason
    )
    reports_publish_with_agenda(actor=actor, meeting=meeting)
    papers_published(meeting=meeting, what="agenda")  # members and alert subscribers are told
    return meeting
