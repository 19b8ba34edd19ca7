"""What has happened to an action since the meeting that set it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from panels.models import ActionStatus, ActionUpdate, Resolution


@transaction.atomic
def action_update_add(
    *, actor: User | None, resolution: Resolution, text: str, status: str
) -> ActionUpdate:
    if not resolution.is_action:
        raise ValidationError("This resolution is not an action")
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the status of the action"})
    if not text.strip():
        raise ValidationError({"text": "Enter what has happened"})
    update = ActionUpdate.objects.create(
        resolution=resolution, author=actor, text=text.strip(), status=status
    )
    before = resolution.status
    resolution.status = status
    resolution.completed_at = timezone.now() if status == ActionStatus.DONE else None
    resolution.save(update_fields=["status", "completed_at", "updated_at"])
    audit_record(
        actor=actor,
        instance=resolution,
        action="action updated",
        changes={"status": [before, status]} if before != status else {},
        note=update.text,
    )
    return update
