"""Writes to a body's work programme: plan an item, change or defer it, drop it, take planned
items into a meeting's agenda, and publish the programme of a public body."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from panels.models import Body, Meeting, PlannedItem, PlannedOutcome
from panels.services.agenda import agenda_item_add

PLANNED_FIELDS = ("title", "month", "meeting", "owner", "sponsor", "notes")
TITLE_MAX = 250


def _check(*, body: Body, title: str, month: date, meeting: Meeting | None) -> tuple[str, date]:
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Enter the title of the item"})
    if len(title) > TITLE_MAX:
        raise ValidationError({"title": f"Keep the title to {TITLE_MAX} characters or fewer"})
    month = month.replace(day=1)
    if meeting is not None:
        if meeting.body_id != body.pk:
            raise ValidationError({"meeting": f"Choose a meeting of the {body.name}"})
        if meeting.date.replace(day=1) != month:
            raise ValidationError(
                {"meeting": f"That meeting is in {meeting.date:%B %Y}: choose the month it is in"}
            )
    return title, month


def _staff(actor: User | None) -> None:
    if not is_council_staff(actor):
        raise PermissionDenied("Only officers and admins keep the work programme")


@transaction.atomic
def planned_item_add(
    *,
    actor: User | None,
    body: Body,
    title: str,
    month: date,
    meeting: Meeting | None = None,
    owner: User | None = None,
    sponsor: User | None = None,
    notes: str = "",
) -> PlannedItem:
    _staff(actor)
    title, month = _check(body=body, title=title, month=month, meeting=meeting)
    item = PlannedItem.objects.create(
        body=body,
        title=title,
        month=month,
        original_month=month,
        meeting=meeting,
        owner=owner,
        sponsor=sponsor,
        notes=notes.strip(),
    )
    audit_record(actor=actor, instance=item, action="planned item added", note=str(item))
    return item


@transaction.atomic
def planned_item_update(
    *,
    actor: User | None,
    item: PlannedItem,
    title: str,
    month: date,
    meeting: Meeting | None = None,
    owner: User | None = None,
    sponsor: User | None = None,
    notes: str = "",
) -> PlannedItem:
    """Change a planned item. A later month defers it: the programme says from when."""
    _staff(actor)
    item = PlannedItem.objects.select_for_update().get(pk=item.pk)
    if item.outcome != PlannedOutcome.PLANNED:
        raise ValidationError(
            f"This item was {item.get_outcome_display().lower()}: it can no longer be changed"
        )
    title, month = _check(body=item.body, title=title, month=month, meeting=meeting)
    before = snapshot(item, PLANNED_FIELDS)
    deferred = month > item.month
    item.title, item.month, item.meeting = title, month, meeting
    item.owner, item.sponsor, item.notes = owner, sponsor, notes.strip()
    item.save()
    audit_record(
        actor=actor,
        instance=item,
        action="planned item deferred" if deferred else "planned item changed",
        changes=changes_between(before, snapshot(item, PLANNED_FIELDS)),
    )
    return item


@transaction.atomic
def planned_item_drop(*, actor: User | None, item: PlannedItem, reason: str) -> PlannedItem:
    _staff(actor)
    item = PlannedItem.objects.select_for_update().get(pk=item.pk)
    if item.outcome != PlannedOutcome.PLANNED:
        raise ValidationError(f"This item was {item.get_outcome_display().lower()} already")
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": "Say why the item is dropped"})
    if len(reason) > 300:
        raise ValidationError({"reason": "Keep the reason to 300 characters or fewer"})
    item.outcome, item.outcome_note = PlannedOutcome.DROPPED, reason
    item.save(update_fields=["outcome", "outcome_note", "updated_at"])
    audit_record(actor=actor, instance=item, action="planned item dropped", note=reason)
    return item


@transaction.atomic
def planned_items_take(
    *, actor: User | None, meeting: Meeting, items: Sequence[PlannedItem]
) -> list[PlannedItem]:
    """Put planned items on the meeting's agenda, in the programme's order, each presented by
    its owner; each is then taken, linked to its agenda item."""
    _staff(actor)
    allowed = set(PlannedItem.objects.for_meeting(meeting).values_list("pk", flat=True))
    chosen = [i for i in items if i.pk in allowed]
    if len(chosen) != len(items) or not chosen:
        raise ValidationError(
            {"items": "Choose items still planned for this meeting's body and month"}
        )
    taken = []
    for planned in (
        PlannedItem.objects.select_for_update(of=("self",))
        .filter(pk__in=[i.pk for i in chosen])
        .select_related("owner")
        .order_by("month", "created_at")
    ):
        agenda_item = agenda_item_add(
            actor=actor,
            meeting=meeting,
            title=planned.title,
            presenter=planned.owner.full_name if planned.owner else "",
        )
        planned.outcome, planned.agenda_item, planned.meeting = (
            PlannedOutcome.TAKEN,
            agenda_item,
            meeting,
        )
        planned.save(update_fields=["outcome", "agenda_item", "meeting", "updated_at"])
        audit_record(
            actor=actor,
            instance=planned,
            action="planned item taken",
            note=f"{meeting}: {agenda_item.title}",
        )
        taken.append(planned)
    return taken


@transaction.atomic
def work_programme_publish(*, actor: User | None, body: Body) -> Body:
    """The clerk makes a public body's work programme public (titles and months only)."""
    _staff(actor)
    body = Body.objects.select_for_update().get(pk=body.pk)
    if not body.is_public:
        raise ValidationError(
            f"The {body.name} does not meet in public: its work programme stays with members"
        )
    if body.work_programme_published_at is None:
        body.work_programme_published_at = timezone.now()
        body.work_programme_published_by = actor
        body.save(update_fields=["work_programme_published_at", "work_programme_published_by"])
        audit_record(actor=actor, instance=body, action="work programme published")
    return body
