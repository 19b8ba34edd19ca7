"""Writing the minutes, approving and locking them, and amending them after approval."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.models import AgendaItem, Amendment, ItemKind, Meeting, MeetingStatus, Resolution
from panels.reminders import papers_published
from panels.services.common import LOCKED_MESSAGE, NOT_HELD_MESSAGE, locked_fresh, start_minutes


@transaction.atomic
def minutes_item_save(*, actor: User | None, item: AgendaItem, discussion: str) -> AgendaItem:
    meeting = locked_fresh(item.meeting)
    start_minutes(meeting)
    item.refresh_from_db(fields=["minute_sequence"])
    before = item.discussion
    item.discussion = discussion.strip()
    item.save(update_fields=["discussion", "updated_at"])
    audit_record(
        actor=actor,
        instance=item,
        action="minutes written" if not before else "minutes changed",
        changes={"discussion": [before, item.discussion]} if before != item.discussion else {},
    )
    return item


def approval_text(meeting: Meeting) -> str:
    return (
        f"That the Minutes of the meeting of the {meeting.body.name} held on "
        f"{meeting.date.day} {meeting.date:%B %Y} be approved and signed by the Chair as a "
        "correct record."
    )


@transaction.atomic
def minutes_approve(
    *, actor: User | None, meeting: Meeting, at_meeting: Meeting | None = None
) -> Meeting:
    """Approve and lock the minutes of a held meeting. When approved at a later meeting (itself
    held), the approval is recorded as a resolution under that meeting's minutes item; that
    meeting's status does not change."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_are_approved:
        raise ValidationError("These minutes are already approved")
    if not meeting.has_been_held:
        raise ValidationError(NOT_HELD_MESSAGE)
    if not meeting.minutes_started:
        raise ValidationError("Write the minutes before approving them")
    if at_meeting is not None:
        at_meeting = Meeting.objects.select_for_update().get(pk=at_meeting.pk)
        if at_meeting.body_id != meeting.body_id or at_meeting.date <= meeting.date:
            raise ValidationError({"at_meeting": "Choose a later meeting of the same body"})
        if not at_meeting.has_been_held:
            raise ValidationError(
                {
                    "at_meeting": "Minutes are approved at a meeting that has been held: record "
                    "that meeting's attendance first"
                }
            )
        if at_meeting.minutes_are_approved:
            raise ValidationError({"at_meeting": LOCKED_MESSAGE})
        minutes_item = at_meeting.items.filter(kind=ItemKind.MINUTES).first()
        if minutes_item is not None:
            last = minutes_item.resolutions.aggregate(last=Max("position"))["last"] or 0
            approval = Resolution.objects.create(
                item=minutes_item, position=last + 1, text=approval_text(meeting)
            )
            audit_record(
                actor=actor,
                instance=approval,
                action="resolution added",
                changes={"text": [None, approval.text]},
            )
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.minutes_approved_at = timezone.now()
    meeting.minutes_approved_by = actor
    meeting.approved_at_meeting = at_meeting
    meeting.save(
        update_fields=[
            "status",
            "minutes_approved_at",
            "minutes_approved_by",
            "approved_at_meeting",
        ]
    )
    audit_record(
        actor=actor,
        instance=meeting,
        action="minutes approved",
        note=f"at the meeting on {at_meeting.date:%-d %B %Y}" if at_meeting else "",
    )
    papers_published(meeting=meeting, what="minutes")  # members and alert subscribers are told
    return meeting


@transaction.atomic
def minutes_amend(*, actor: User | None, item: AgendaItem, new_text: str, reason: str) -> Amendment:
    """A correction to approved minutes, recorded with its reason."""
    if not item.meeting.minutes_are_approved:
        raise ValidationError("These minutes are not approved yet: change them directly")
    errors = {}
    if not new_text.strip():
        errors["new_text"] = "Enter the corrected minute"
    elif new_text.strip() == item.discussion:
        errors["new_text"] = "The corrected minute is the same as the approved one"
    if not reason.strip():
        errors["reason"] = "Enter the reason for the amendment"
    if errors:
        raise ValidationError(errors)
    amendment = Amendment.objects.create(
        item=item,
        previous_text=item.discussion,
        new_text=new_text.strip(),
        reason=reason.strip(),
        made_by=actor,
    )
    item.discussion = amendment.new_text
    item.save(update_fields=["discussion", "updated_at"])
    audit_record(
        actor=actor,
        instance=item,
        action="amended after approval",
        changes={"discussion": [amendment.previous_text, amendment.new_text]},
        note=amendment.reason,
    )
    return amendment
