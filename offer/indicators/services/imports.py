"""The definitions-only CSV import, and the national reference list. Never figures: they come
from the figures import (offer/services/figures.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.inputs import formula_problem, has_control_characters
from corporate_parenting.models import User
from offer.indicators.services.rules import (
    INDICATOR_FIELDS,
    definition_problems,
    owner_choices,
    require_manager,
)
from offer.models import Indicator, Polarity, Unit
from offer.reference import REFERENCE_INDICATORS, ReferenceIndicator
from offer.services.imports import (
    ImportRefused,
    ImportResult,
    RowError,
    header_problems,
    read_rows,
    unnamed_problem,
)
from strategy.models import Priority

LARGEST_NUMBER = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point
DEFINITION_COLUMNS = INDICATOR_FIELDS  # the file's columns are the form's fields
# A new indicator needs these; a file that only changes existing ones needs only the code.
NEEDED_FOR_NEW = ("name", "unit", "polarity")
NUMBER_COLUMNS = ("target", "tolerance")  # read as numbers; every other column is text


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
    if unnamed := unnamed_problem(row):
        reasons.append(f"the row {unnamed}")
    if problem := formula_problem(code):
        reasons.append(f"code {problem}")
        return result
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
        # Text cells only (target and tolerance are read as numbers): one rule in every import.
        if name not in NUMBER_COLUMNS and (problem := formula_problem(cell)):
            reasons.append(f"{name} {problem}")
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
    errors = header_problems(
        header,
        columns=DEFINITION_COLUMNS,
        required=("code",),
        hint="figures go in the figures import",
    )
    if not rows:
        errors.append(RowError(0, "the file has no rows of indicators"))
    if errors and "code" not in header:
        raise ImportRefused(errors)  # no row can be read without its code
    present = [name for name in DEFINITION_COLUMNS if name in header]
    existing = {i.code.lower(): i for i in Indicator.objects.all()}
    priorities: dict[str, Priority] = {}
    for priority in Priority.objects.current():
        priorities[priority.name.lower()] = priority
        priorities[priority.slug.lower()] = priority
    owners: dict[str, User] = {user.email.lower(): user for user in owner_choices()}

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


def reference_choices() -> list[tuple[ReferenceIndicator, bool]]:
    """Each national measure, in the list's order, and whether the portal has its code already
    (in any case, retired or not): what the council picks from."""
    stored = {code.lower() for code in Indicator.objects.values_list("code", flat=True)}
    return [(reference, reference.code.lower() in stored) for reference in REFERENCE_INDICATORS]


def unknown_reference_codes(codes: Iterable[str]) -> list[str]:
    """The codes asked for that are not in the national list (in any case)."""
    known = {reference.code.lower() for reference in REFERENCE_INDICATORS}
    return [code for code in codes if code.strip().lower() not in known]


@transaction.atomic
def reference_load(
    *, actor: User | None = None, codes: Collection[str] | None = None
) -> ReferenceResult:
    """Add the national measures (offer/reference.py) the council picked, by code (any case), or
    every one when codes is None, whose codes are missing. A code already there, in any case, is
    left exactly as it is, retired or not: the council's edits win. Definitions only: no figures,
    no target, no priority, no owner. A code not in the national list is refused (on "codes")."""
    if actor is not None:
        require_manager(actor)
    if codes is not None:
        if not codes:
            raise ValidationError({"codes": "Choose at least one national measure to add"})
        unknown = unknown_reference_codes(codes)
        if unknown:
            raise ValidationError(
                {
                    "codes": f"Not in the national list: {', '.join(c[:30] for c in unknown[:10])}"
                    + (f" and {len(unknown) - 10} more" if len(unknown) > 10 else "")
                }
            )
    wanted = None if codes is None else {code.strip().lower() for code in codes}
    result = ReferenceResult()
    for reference, already in reference_choices():
        if wanted is not None and reference.code.lower() not in wanted:
            continue
        if already:
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
