"""The definitions-only CSV import, and the national reference list. Never figures: they come
from the figures import (offer/services/figures.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.inputs import has_control_characters
from corporate_parenting.models import User
from offer.indicators.services.rules import (
    INDICATOR_FIELDS,
    definition_problems,
    owner_choices,
    require_manager,
)
from offer.models import Indicator, Polarity, Unit
from offer.reference import REFERENCE_INDICATORS
from offer.services.imports import ImportRefused, ImportResult, RowError, read_rows
from strategy.models import Priority

LARGEST_NUMBER = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point
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
    if stored is not None and stored.is_retired:
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
    require_manager(actor)
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
            problems = definition_problems(read.indicator, before=read.before)
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
    if actor is not None:
        require_manager(actor)
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
