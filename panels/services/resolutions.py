"""Resolutions under a minute: the actions they set and the decisions they record."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import ActionStatus, AgendaItem, DecisionStatus, Meeting, Resolution
from panels.services.common import locked_fresh, start_minutes
from voice.models import Principle
from voice.principles import principles_text


def _action_errors(
    *,
    is_action: bool,
    owner: User | None,
    owner_is_members: bool,
    due_date: date | None,
    due_next_meeting: bool,
) -> dict[str, str]:
    if not is_action:
        return {}
    errors = {}
    if owner is None and not owner_is_members:
        errors["owner"] = (
            "Choose who owns this action: an officer or a partner, or the members together"
        )
    elif owner is not None and owner_is_members:
        errors["owner"] = "Choose an officer or a partner, or the members together, not both"
    if due_date is None and not due_next_meeting:
        errors["due_date"] = "Enter the date this action is due, or choose the next meeting"
    elif due_date is not None and due_next_meeting:
        errors["due_date"] = "Enter a due date or choose the next meeting, not both"
    return errors


RESOLUTION_FIELDS = (
    "text",
    "is_action",
    "owner",
    "owner_is_members",
    "due_date",
    "due_next_meeting",
    "decision_status",
    "is_key_decision",
    "subject_to_call_in",
    "call_in_deadline",
)


@transaction.atomic
def resolution_add(
    *,
    actor: User | None,
    item: AgendaItem,
    text: str,
    is_action: bool = False,
    owner: User | None = None,
    owner_is_members: bool = False,
    due_date: date | None = None,
    due_next_meeting: bool = False,
    decision_status: DecisionStatus | None = None,
    is_key_decision: bool = False,
    subject_to_call_in: bool = False,
    call_in_deadline: date | None = None,
    principles: Iterable[Principle] = (),
) -> Resolution:
    meeting = locked_fresh(item.meeting)
    errors = {} if text.strip() else {"text": "Enter what was resolved"}
    errors |= _action_errors(
        is_action=is_action,
        owner=owner,
        owner_is_members=owner_is_members,
        due_date=due_date,
        due_next_meeting=due_next_meeting,
    )
    errors |= _decision_errors(
        meeting=meeting,
        decision_status=decision_status,
        subject_to_call_in=subject_to_call_in,
        call_in_deadline=call_in_deadline,
    )
    if errors:
        raise ValidationError(errors)
    start_minutes(meeting)
    last = item.resolutions.aggregate(last=Max("position"))["last"] or 0
    resolution = Resolution(
        item=item,
        position=last + 1,
        text=text.strip(),
        is_action=is_action,
        owner=owner if is_action else None,
        owner_is_members=owner_is_members if is_action else False,
        due_date=due_date if is_action else None,
        due_next_meeting=due_next_meeting if is_action else False,
        status=ActionStatus.OPEN if is_action else "",
        decision_status=decision_status,
        is_key_decision=is_key_decision,
        subject_to_call_in=subject_to_call_in,
        call_in_deadline=call_in_deadline,
    )
    resolution.full_clean()
    resolution.save()
    resolution.principles.set(list(principles))
    audit_record(
        actor=actor,
        instance=resolution,
        action="resolution added",
        changes=changes_between({"principles": ""}, _snapshot(resolution)),
    )
    return resolution


@transaction.atomic
def resolution_update(
    *,
    actor: User | None,
    resolution: Resolution,
    text: str,
    is_action: bool = False,
    owner: User | None = None,
    owner_is_members: bool = False,
    due_date: date | None = None,
    due_next_meeting: bool = False,
    decision_status: DecisionStatus | None = None,
    is_key_decision: bool = False,
    subject_to_call_in: bool = False,
    call_in_deadline: date | None = None,
    principles: Iterable[Principle] | None = None,
) -> Resolution:
    """Change a resolution. The principles, when given, replace those it named (None leaves
    them)."""
    meeting = locked_fresh(resolution.item.meeting)
    errors = {} if text.strip() else {"text": "Enter what was resolved"}
    errors |= _action_errors(
        is_action=is_action,
        owner=owner,
        owner_is_members=owner_is_members,
        due_date=due_date,
        due_next_meeting=due_next_meeting,
    )
    errors |= _decision_errors(
        meeting=meeting,
        decision_status=decision_status,
        subject_to_call_in=subject_to_call_in,
        call_in_deadline=call_in_deadline,
        keeping=resolution.decision_status_id,
    )
    if errors:
        raise ValidationError(errors)
    before = _snapshot(resolution)
    resolution.text = text.strip()
    resolution.is_action = is_action
    resolution.owner = owner if is_action else None
    resolution.owner_is_members = owner_is_members if is_action else False
    resolution.due_date = due_date if is_action else None
    resolution.due_next_meeting = due_next_meeting if is_action else False
    if is_action and not resolution.status:
        resolution.status = ActionStatus.OPEN
    if not is_action:
        resolution.status = ""
    resolution.decision_status = decision_status
    resolution.is_key_decision = is_key_decision
    resolution.subject_to_call_in = subject_to_call_in
    resolution.call_in_deadline = call_in_deadline
    resolution.full_clean()
    resolution.save()
    if principles is not None:
        resolution.principles.set(list(principles))
    audit_record(
        actor=actor,
        instance=resolution,
        action="resolution changed",
        changes=changes_between(before, _snapshot(resolution)),
    )
    return resolution


def _snapshot(resolution: Resolution) -> dict[str, object]:
    """What the audit trail compares: the fields, and the principles named."""
    return snapshot(resolution, RESOLUTION_FIELDS) | {
        "principles": principles_text(resolution.principles.all())
    }


def _decision_errors(
    *,
    meeting: Meeting,
    decision_status: DecisionStatus | None,
    subject_to_call_in: bool,
    call_in_deadline: date | None,
    keeping: int | None = None,
) -> dict[str, str]:
    """Errors in a resolution's decision. A retired status may stay on the resolution that
    already has it (keeping), but is not chosen afresh."""
    errors = {}
    if (
        decision_status is not None
        and not decision_status.is_active
        and decision_status.pk != keeping
    ):
        errors["decision_status"] = (
            f"{decision_status.name} is no longer used: choose another decision status"
        )
    if subject_to_call_in and call_in_deadline is None:
        errors["call_in_deadline"] = (
            "Enter the last day the decision can be called in, like 3 March 2026"
        )
    elif call_in_deadline is not None and not subject_to_call_in:
        errors["call_in_deadline"] = (
            "A call-in deadline is only for a decision subject to call-in: tick "
            '"Subject to call-in" or clear the date'
        )
    elif call_in_deadline is not None and call_in_deadline <= meeting.date:
        errors["call_in_deadline"] = (
            "The call-in deadline must be after the meeting on "
            f"{meeting.date.day} {meeting.date:%B %Y}"
        )
    return errors
