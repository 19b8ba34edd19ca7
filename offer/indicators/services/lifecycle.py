"""One indicator's definition: create, change, retire, reinstate, delete."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from offer.indicators.services.rules import (
    INDICATOR_FIELDS,
    definition_problems,
    require_manager,
)
from offer.models import Indicator


def _apply(indicator: Indicator, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name not in INDICATOR_FIELDS:
            raise TypeError(f"indicator_save got an unexpected field {name!r}")
        if isinstance(value, str):
            value = value.strip()
        if name == "tolerance" and value is None:
            value = Decimal(0)
        setattr(indicator, name, value)


@transaction.atomic
def indicator_save(
    *, actor: User | None, indicator: Indicator | None = None, **fields: Any
) -> Indicator:
    """Make or change an indicator's definition. A code already taken (in any case) is an error
    on the code; nothing is saved unless every field is right."""
    require_manager(actor)
    creating = indicator is None
    before = None if creating else Indicator.objects.get(pk=indicator.pk)  # type: ignore[union-attr]  # not None when changing
    # Work on a fresh copy: a bound ModelForm has already changed the instance in memory.
    target = Indicator() if creating else Indicator.objects.get(pk=before.pk)  # type: ignore[union-attr]  # as above
    _apply(target, fields)
    errors = definition_problems(target, before=before)
    if errors:
        raise ValidationError(errors)
    target.save()
    audit_record(
        actor=actor,
        instance=target,
        action="created" if creating else "changed",
        changes=None
        if creating
        else changes_between(
            snapshot(before, INDICATOR_FIELDS),  # type: ignore[arg-type]  # before is set when changing
            snapshot(target, INDICATOR_FIELDS),
        ),
    )
    return target


@transaction.atomic
def indicator_retire(*, actor: User | None, indicator: Indicator) -> Indicator:
    """Stop watching an indicator: it leaves the scorecard and the figures import refuses it.
    Its figures, history and links stay."""
    require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if indicator.is_retired:
        raise ValidationError({"confirm": "This indicator is already retired"})
    indicator.retired_at = timezone.now()
    indicator.save(update_fields=["retired_at", "updated_at"])
    figures = indicator.measurements.count()
    audit_record(
        actor=actor,
        instance=indicator,
        action="retired",
        note=f"{figures} figure{'' if figures == 1 else 's'} kept",
    )
    return indicator


@transaction.atomic
def indicator_reinstate(*, actor: User | None, indicator: Indicator) -> Indicator:
    """Watch a retired indicator again, with every figure it had."""
    require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if not indicator.is_retired:
        raise ValidationError({"confirm": "This indicator is not retired"})
    indicator.retired_at = None
    indicator.save(update_fields=["retired_at", "updated_at"])
    audit_record(actor=actor, instance=indicator, action="reinstated")
    return indicator


def delete_refusal(indicator: Indicator) -> str | None:
    """Why this indicator cannot be deleted, or None when it can (a definition made by mistake,
    with no figures and used nowhere)."""
    figures = indicator.measurements.count()
    if figures:
        return (
            f"This indicator has {figures} figure{'' if figures == 1 else 's'}, so it cannot be "
            "deleted. Retire it instead: retiring keeps its figures and history."
        )
    reports = indicator.reports.count()
    if reports:
        return (
            f"This indicator is shown in {reports} panel report{'' if reports == 1 else 's'}, "
            "so it cannot be deleted. Retire it instead."
        )
    objectives = indicator.objectives.count()
    if objectives:
        return (
            f"This indicator serves {objectives} strategy "
            f"objective{'' if objectives == 1 else 's'}, so it cannot be deleted. "
            "Retire it instead."
        )
    return None


@transaction.atomic
def indicator_delete(*, actor: User | None, indicator: Indicator) -> None:
    """Delete a definition made by mistake. An indicator with figures, or used by a report or
    an objective, is refused: retire it instead."""
    require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    refusal = delete_refusal(indicator)
    if refusal:
        raise ValidationError({"confirm": refusal})
    audit_record(actor=actor, instance=indicator, action="deleted")
    indicator.delete()
