"""Writes to the list of decision statuses, which admins keep in the council's own words."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import DecisionStatus


def _check_decision_status_name(name: str, *, other_than: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Enter the name of the decision status"})
    clash = DecisionStatus.objects.filter(name__iexact=name).exclude(pk=other_than or 0).first()
    if clash is not None:
        raise ValidationError({"name": f"There is already a decision status called {clash.name}"})
    return name


DECISION_STATUS_FIELDS = ("name", "position", "is_active")


@transaction.atomic
def decision_status_create(
    *, actor: User | None, name: str, position: int | None = None
) -> DecisionStatus:
    """A new decision status, last in the list unless a position is given."""
    name = _check_decision_status_name(name)
    if position is None:
        position = (DecisionStatus.objects.aggregate(last=Max("position"))["last"] or 0) + 1
    status = DecisionStatus(name=name, position=position)
    status.full_clean()
    status.save()
    audit_record(
        actor=actor,
        instance=status,
        action="decision status added",
        changes=changes_between({}, snapshot(status, DECISION_STATUS_FIELDS)),
    )
    return status


@transaction.atomic
def decision_status_update(
    *, actor: User | None, status: DecisionStatus, name: str, position: int, is_active: bool
) -> DecisionStatus:
    """Rename, reorder, retire or bring back a decision status. Resolutions that have it keep
    it: a retired status is only no longer offered. Statuses are never deleted."""
    status = DecisionStatus.objects.select_for_update().get(pk=status.pk)
    name = _check_decision_status_name(name, other_than=status.pk)
    before = snapshot(status, DECISION_STATUS_FIELDS)
    status.name, status.position, status.is_active = name, position, is_active
    status.full_clean()
    status.save()
    changes = changes_between(before, snapshot(status, DECISION_STATUS_FIELDS))
    action = "decision status changed"
    if list(changes) == ["is_active"]:
        action = "decision status retired" if not is_active else "decision status back in use"
    audit_record(actor=actor, instance=status, action=action, changes=changes)
    return status
