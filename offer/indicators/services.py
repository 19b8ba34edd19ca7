"""Every write to a KPI's definition: create, change, retire, reinstate, delete, the
definitions-only CSV import and the national reference list.

Who may: an admin, or a person with the KPI owner duty (`can_manage_indicators`). Figures are
never written here: they come from the figures import (offer/services/figures.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.duties import has_duty, people_with_duty
from corporate_parenting.inputs import has_control_characters
from corporate_parenting.models import DutyKind, User
from offer.models import UNIT_RANGES, Indicator, Polarity, Unit
from offer.services.imports import ImportRefused, ImportResult, RowError, read_rows
from strategy.models import Priority

INDICATOR_FIELDS = (
    "code",
    "name",
    "definition",
    "unit",
    "polarity",
    "priority",
    "target",
    "tolerance",
    "source",
    "owner",
)
TEXT_FIELDS = ("code", "name", "definition", "source")
LARGEST_NUMBER = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point


def can_manage_indicators(user: User | AnonymousUser | None) -> bool:
    """Admins and KPI owners create, change, retire and import indicator definitions."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_portal_admin or has_duty(user, DutyKind.KPI_OWNER)


def _require_manager(actor: User | None) -> None:
    if not can_manage_indicators(actor):
        raise PermissionDenied("Only admins and KPI owners change indicators")


def owner_choices() -> Any:
    """The people an indicator can be given to: those who hold the KPI owner duty."""
    return people_with_duty(DutyKind.KPI_OWNER)


# ---------------------------------------------------------------- the rules of a definition


def _problems(indicator: Indicator, *, before: Indicator | None) -> dict[str, str]:
    """What is wrong with this definition, by field: the model's own rules, then the portal's.

    before is the stored indicator when it is a change (its owner and priority may stay even if
    the owner lost the duty or the priority was retired since)."""
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = getattr(indicator, name)
        if isinstance(value, str) and has_control_characters(value):
            errors[name] = (
                "Remove the hidden control characters (often pasted from another program)"
            )
    try:
        indicator.full_clean(validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, _plain_message(name, messages[0]))
    code = (indicator.code or "").strip()
    if code and "code" not in errors:
        taken = Indicator.objects.filter(code__iexact=code).exclude(pk=indicator.pk).first()
        if taken is not None:
            errors["code"] = (
                f"The code {taken.code} is already used by '{taken.name}'"
                + (" (retired: reinstate it instead)" if taken.retired_at else "")
                + ". Choose another code"
            )
    if indicator.unit in UNIT_RANGES:
        low, high = UNIT_RANGES[indicator.unit]
        unit = Unit(indicator.unit).label.lower()
        if (
            "target" not in errors
            and indicator.target is not None
            and not low <= indicator.target <= high
        ):
            errors["target"] = f"Enter a target from {low:,} to {high:,} ({unit})"
        if (
            "tolerance" not in errors
            and indicator.tolerance is not None
            and not 0 <= indicator.tolerance <= high
        ):
            errors["tolerance"] = f"Enter a tolerance from 0 to {high:,} ({unit})"
    owner_id = indicator.owner_id
    new_owner = owner_id is not None and (before is None or before.owner_id != owner_id)
    if owner_id is not None and new_owner and not owner_choices().filter(pk=owner_id).exists():
        errors["owner"] = "Choose a person who holds the KPI owner duty"
    priority_id = indicator.priority_id
    new_priority = priority_id is not None and (before is None or before.priority_id != priority_id)
    if (
        priority_id is not None
        and new_priority
        and not Priority.objects.current().filter(pk=priority_id).exists()
    ):
        errors["priority"] = "Choose a strategic priority that is not retired"
    return errors


MESSAGES = {
    "code": "Enter a code of letters, numbers, hyphens or underscores, 30 characters or fewer",
    "name": "Enter a name of 200 characters or fewer",
    "unit": "Choose a unit",
    "polarity": "Choose whether higher or lower is better",
    "target": "Enter the target as a number, like 85 or 12.5",
    "tolerance": "Enter the tolerance as a number of 0 or more, like 5",
    "source": "Enter a source of 200 characters or fewer",
}


def _plain_message(name: str, message: str) -> str:
    if name == "name" and "blank" in message:
        return "Enter a name"
    if name == "code" and "blank" in message:
        return "Enter a code"
    return MESSAGES.get(name, message)


def _apply(indicator: Indicator, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name not in INDICATOR_FIELDS:
            raise TypeError(f"indicator_save got an unexpected field {name!r}")
        if isinstance(value, str):
            value = value.strip()
        if name == "tolerance" and value is None:
            value = Decimal(0)
        setattr(indicator, name, value)


# ---------------------------------------------------------------- one indicator


@transaction.atomic
def indicator_save(
    *, actor: User | None, indicator: Indicator | None = None, **fields: Any
) -> Indicator:
    """Make or change an indicator's definition. A code already taken (in any case) is an error
    on the code; nothing is saved unless every field is right."""
    _require_manager(actor)
    creating = indicator is None
    before = None if creating else Indicator.objects.get(pk=indicator.pk)  # type: ignore[union-attr]  # not None when changing
    # Work on a fresh copy: a bound ModelForm has already changed the instance in memory.
    target = Indicator() if creating else Indicator.objects.get(pk=before.pk)  # type: ignore[union-attr]  # as above
    _apply(target, fields)
    errors = _problems(target, before=before)
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
    _require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if indicator.retired_at is not None:
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
    _require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if indicator.retired_at is None:
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
    _require_manager(actor)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    refusal = delete_refusal(indicator)
    if refusal:
        raise ValidationError({"confirm": refusal})
    audit_record(actor=actor, instance=indicator, action="deleted")
    indicator.delete()


# ---------------------------------------------------------------- the definitions import

DEFINITION_COLUMNS = INDICATOR_FIELDS  # the file's columns are the form's fields
# A new indicator needs these; a file that only changes existing ones needs only the code.
NEEDED_FOR_NEW = ("name", "unit", "polarity")


def _choice(text: str, choices: type[Unit] | type[Polarity]) -> str | None:
    wanted = text.strip().lower()
    for value, label in choices.choices:
        if wanted in (value.lower(), label.lower()):
            return value
    return None


def _number(text: str) -> Decimal | None:
    text = text.strip().replace(",", "").removesuffix("%").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not number.is_finite() or abs(number) >= LARGEST_NUMBER:
        raise ValueError
    return number.quantize(Decimal("0.01"))


@dataclass
class _Row:
    line: int
    indicator: Indicator
    before: Indicator | None
    reasons: list[str] = field(default_factory=list)


def _read_definition(
    line: int,
    row: dict[str, str],
    present: list[str],
    *,
    existing: dict[str, Indicator],
    priorities: dict[str, Priority],
    owners: dict[str, User],
) -> _Row:
    code = (row.get("code") or "").strip()
    stored = existing.get(code.lower())
    indicator = Indicator() if stored is None else Indicator.objects.get(pk=stored.pk)
    result = _Row(line, indicator, stored)
    reasons = result.reasons
    if not code:
        reasons.append("code is missing")
        return result
    if stored is not None and stored.retired_at is not None:
        reasons.append(f"indicator '{stored.code}' is retired: reinstate it before changing it")
        return result
    if stored is None:
        indicator.code = code
        for name in NEEDED_FOR_NEW:
            if name not in present or not (row.get(name) or "").strip():
                reasons.append(f"{name} is missing (a new indicator needs one)")
    for name in present:
        cell = (row.get(name) or "").strip()
        if name == "code":
            continue
        if has_control_characters(cell):
            reasons.append(f"{name} has hidden control characters")
            continue
        if name in ("unit", "polarity"):
            if not cell:
                if stored is not None:
                    reasons.append(f"{name} is missing")
                continue
            value = _choice(cell, Unit if name == "unit" else Polarity)
            if value is None:
                allowed = ", ".join(Unit.values if name == "unit" else Polarity.values)
                reasons.append(f"{name} '{cell[:20]}' is not one of {allowed}")
            else:
                setattr(indicator, name, value)
        elif name in ("target", "tolerance"):
            try:
                number = _number(cell)
            except ValueError:
                reasons.append(f"{name} '{cell[:20]}' is not a number")
            else:
                setattr(
                    indicator,
                    name,
                    Decimal(0) if name == "tolerance" and number is None else number,
                )
        elif name == "priority":
            if not cell:
                indicator.priority = None
            elif cell.lower() in priorities:
                indicator.priority = priorities[cell.lower()]
            else:
                reasons.append(f"priority '{cell[:40]}' is not a current strategic priority")
        elif name == "owner":
            if not cell:
                indicator.owner = None
            elif cell.lower() in owners:
                indicator.owner = owners[cell.lower()]
            else:
                reasons.append(f"owner '{cell[:60]}' is not a person with the KPI owner duty")
        elif name == "name" and not cell:
            if stored is not None:
                reasons.append("name is missing")
        else:
            setattr(indicator, name, cell)
    return result


def indicators_import(*, actor: User | None, data: bytes) -> ImportResult:
    """Definitions only, all or nothing, like the figures import: a new code makes an indicator;
    a code already there changes only the columns the file has (a blank cell clears an optional
    one). A file with any bad row imports nothing, and every bad row is listed. Never figures."""
    _require_manager(actor)
    header, rows = read_rows(data)
    missing = [name for name in ("code",) if name not in header]
    if missing:
        raise ImportRefused([RowError(1, "the header row has no code column")])
    unknown = [name for name in header if name and name not in DEFINITION_COLUMNS]
    if unknown:
        raise ImportRefused(
            [
                RowError(
                    1,
                    f"the header row has a column this import does not know: {unknown[0][:30]} "
                    "(figures go in the figures import)",
                )
            ]
        )
    if not rows:
        raise ImportRefused([RowError(0, "the file has no rows of indicators")])
    present = [name for name in DEFINITION_COLUMNS if name in header]
    existing = {i.code.lower(): i for i in Indicator.objects.all()}
    priorities: dict[str, Priority] = {}
    for priority in Priority.objects.current():
        priorities[priority.name.lower()] = priority
        priorities[priority.slug.lower()] = priority
    owners: dict[str, User] = {user.email.lower(): user for user in owner_choices()}

    errors: list[RowError] = []
    good: list[_Row] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        read = _read_definition(
            line, row, present, existing=existing, priorities=priorities, owners=owners
        )
        code = (row.get("code") or "").strip().lower()
        if code and code in seen:
            read.reasons.append(f"duplicate of line {seen[code]} ({code.upper()})")
        elif code:
            seen[code] = line
        if not read.reasons:
            problems = _problems(read.indicator, before=read.before)
            # A code taken by another row of this file is caught above; by the database, here.
            read.reasons.extend(f"{name}: {message}" for name, message in problems.items())
        if read.reasons:
            errors.append(RowError(line, "; ".join(read.reasons)))
        else:
            good.append(read)
    if errors:
        raise ImportRefused(errors)
    return _save_definitions(good, actor=actor)


@transaction.atomic
def _save_definitions(rows: list[_Row], *, actor: User | None) -> ImportResult:
    result = ImportResult()
    for row in rows:
        creating = row.before is None
        changes = (
            None
            if creating
            else changes_between(
                snapshot(row.before, INDICATOR_FIELDS),  # type: ignore[arg-type]  # set when changing
                snapshot(row.indicator, INDICATOR_FIELDS),
            )
        )
        if not creating and not changes:
            continue  # the same definition again: nothing to save or record
        row.indicator.save()
        audit_record(
            actor=actor,
            instance=row.indicator,
            action="created" if creating else "changed",
            changes=changes,
            note="from a definitions import",
        )
        if creating:
            result.created += 1
        else:
            result.updated += 1
    return result


DEFINITIONS_TEMPLATE = (
    DEFINITION_COLUMNS,
    (
        "CL-EET-19-21",
        "Care leavers aged 19 to 21 in education, employment or training",
        "Care leavers aged 19, 20 and 21 in education, employment or training.",
        "percent",
        "higher",
        "",
        "60",
        "5",
        "Children looked after in England including adoption (DfE, SSDA903)",
        "",
    ),
)


# ---------------------------------------------------------------- the national reference list


@dataclass
class ReferenceResult:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


@transaction.atomic
def reference_load(*, actor: User | None = None) -> ReferenceResult:
    """Add the national measures (offer/reference.py) whose codes are missing. A code already
    there, in any case, is left exactly as it is, retired or not: the council's edits win.
    Definitions only: no figures, no target, no priority, no owner."""
    from offer.reference import REFERENCE_INDICATORS

    if actor is not None:
        _require_manager(actor)
    stored = {code.lower() for code in Indicator.objects.values_list("code", flat=True)}
    result = ReferenceResult()
    for reference in REFERENCE_INDICATORS:
        if reference.code.lower() in stored:
            result.kept.append(reference.code)
            continue
        indicator = Indicator(
            code=reference.code,
            name=reference.name,
            definition=reference.definition,
            unit=reference.unit,
            polarity=reference.polarity,
            source=reference.source,
        )
        indicator.full_clean()
        indicator.save()
        audit_record(
            actor=actor,
            instance=indicator,
            action="created",
            note="from the national reference list",
        )
        result.created.append(reference.code)
    return result
