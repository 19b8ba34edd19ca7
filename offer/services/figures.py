"""The KPI figures import: all or nothing, every bad row listed with its reason."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from corporate_parenting.audit import audit_record
from corporate_parenting.inputs import formula_problem, has_control_characters
from corporate_parenting.models import User
from offer.kpis import PeriodError, parse_period, year_kind_of
from offer.models import UNIT_RANGES, Indicator, Measurement
from offer.services.imports import (
    ImportRefused,
    ImportResult,
    RowError,
    header_problems,
    read_rows,
    unnamed_problem,
)

IMPORT_COLUMNS = ("code", "period", "value", "england", "statistical_neighbours", "region", "note")
REQUIRED_COLUMNS = ("code", "period", "value")
# Columns a file may leave out: a stored figure's value in a column the file does not have is
# kept as it is; a column the file has with a blank cell clears it.
OPTIONAL_COLUMNS = ("england", "statistical_neighbours", "region", "note")
COMPARATOR_COLUMNS = ("england", "statistical_neighbours", "region")
# Read as text, so checked for formulas; the others are read as numbers.
TEXT_COLUMNS = ("code", "period", "note")
LARGEST_VALUE = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point


def _decimal(
    text: str, name: str, indicator: Indicator | None, *, required: bool
) -> Decimal | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        if required:
            raise ValueError(f"{name} is missing")
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{name} '{text[:20]}' is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{name} '{text[:20]}' is not a number")
    if abs(number) >= LARGEST_VALUE:
        raise ValueError(f"{name} '{text[:20]}' is too large")
    if indicator is not None:
        low, high = UNIT_RANGES[indicator.unit]
        if not low <= number <= high:
            raise ValueError(
                f"{name} {number} is out of range for {indicator.get_unit_display().lower()} "
                f"({low} to {high})"
            )
    return number.quantize(Decimal("0.01"))


def measurements_import(*, data: bytes, actor: User | None) -> ImportResult:
    """All or nothing: every row is checked first; any bad row means nothing is imported, and every
    problem of the file is listed in one pass (the header's, then each row's with its reasons).
    Re-importing a file updates the same periods, never duplicates. A comparator or note column
    the file does not have leaves the stored values of that column as they are; a column it has
    with a blank cell clears the stored value. A column the import does not know refuses the
    file: its figures would otherwise be lost unseen.

    actor None is the portal itself (a command); a person must be an officer or an admin."""
    if actor is not None and not actor.is_council_staff:
        raise PermissionDenied("Only officers and admins import KPI figures")
    header, rows = read_rows(data)
    errors = header_problems(
        header,
        columns=IMPORT_COLUMNS,
        required=REQUIRED_COLUMNS,
        hint="definitions go in the indicator definitions import",
    )
    if not rows:
        errors.append(RowError(0, "the file has no rows of figures"))
    present = [name for name in OPTIONAL_COLUMNS if name in header]
    has = {name: name in header for name in REQUIRED_COLUMNS}

    indicators = {i.code.lower(): i for i in Indicator.objects.all()}
    year_kinds = _year_kinds(rows, indicators)
    seen: dict[tuple[int, str], int] = {}
    good: list[tuple[Indicator, str, str, datetime.date, dict[str, Any]]] = []
    for line, row in rows:
        reasons: list[str] = []
        # A cell with control characters or a formula (in a text column: numbers are read as
        # numbers) is refused with that reason alone; the rest of the row is still checked.
        unreadable: set[str] = set()
        for column in IMPORT_COLUMNS:
            cell = row.get(column, "")
            if has_control_characters(cell):
                reasons.append(f"{column} has hidden control characters")
            elif column in TEXT_COLUMNS and (problem := formula_problem(cell)):
                reasons.append(f"{column} {problem}")
            else:
                continue
            unreadable.add(column)
        if unnamed := unnamed_problem(row):
            reasons.append(f"the row {unnamed}")
        indicator = None
        if has["code"] and "code" not in unreadable:
            code = row["code"].strip()
            indicator = indicators.get(code.lower())
            if not code:
                reasons.append("code is missing")
            elif indicator is None:
                reasons.append(f"unknown indicator code '{code[:30]}'")
            elif indicator.is_retired:
                reasons.append(
                    f"indicator '{indicator.code}' is retired: reinstate it before importing figures"
                )
        period = kind = start = None
        if has["period"] and "period" not in unreadable:
            try:
                period, kind, start = parse_period(
                    row["period"],
                    year_kind=year_kinds.get(indicator.pk) if indicator is not None else None,
                )
            except PeriodError as error:
                reasons.append(str(error))
        values: dict[str, Any] = {}
        for name in ("value", *COMPARATOR_COLUMNS):
            wanted = has["value"] if name == "value" else name in present
            if not wanted or name in unreadable:
                continue
            try:
                values[name] = _decimal(row[name], name, indicator, required=name == "value")
            except ValueError as error:
                reasons.append(str(error))
        if "note" in present and "note" not in unreadable:
            note = row["note"].strip()
            if len(note) > 300:
                reasons.append("note is longer than 300 characters")
            values["note"] = note
        if indicator is not None and period is not None:
            key = (indicator.pk, period)
            if key in seen:
                reasons.append(f"duplicate of line {seen[key]} ({indicator.code} {period})")
            else:
                seen[key] = line
        if reasons:
            errors.append(RowError(line, "; ".join(reasons)))
        else:
            good.append((indicator, period, kind, start, values))  # type: ignore[arg-type]  # no reasons: all four were parsed
    if errors:
        raise ImportRefused(errors)
    return _save_measurements(good, columns=present, actor=actor)


def _year_kinds(
    rows: list[tuple[int, dict[str, str]]], indicators: dict[str, Indicator]
) -> dict[int, str | None]:
    """What a year written 2023-24 means for each indicator: the kind of two-year period
    (financial or academic) of its stored figures and of the rows of this file that say FY or AY."""
    periods: dict[int, list[str]] = {}
    for indicator_id, period in Measurement.objects.filter(period__regex=r"^(FY|AY) ").values_list(
        "indicator_id", "period"
    ):
        periods.setdefault(indicator_id, []).append(period)
    for _, row in rows:
        indicator = indicators.get(row.get("code", "").strip().lower())
        if indicator is None:
            continue
        try:
            period = parse_period(row.get("period", ""))[0]
        except PeriodError:
            continue  # said again, with the reason, when the row is read
        periods.setdefault(indicator.pk, []).append(period)
    return {indicator_id: year_kind_of(shown) for indicator_id, shown in periods.items()}


def _periods_note(periods: list[str]) -> str:
    shown = ", ".join(periods[:12])
    more = f" and {len(periods) - 12} more" if len(periods) > 12 else ""
    return f"Periods {shown}{more}"


@transaction.atomic
def _save_measurements(
    good: list[tuple[Indicator, str, str, datetime.date, dict[str, Any]]],
    *,
    columns: list[str],
    actor: User | None,
) -> ImportResult:
    result = ImportResult()
    existing = {
        (m.indicator_id, m.period): m
        for m in Measurement.objects.filter(indicator__in={g[0] for g in good})
    }
    to_create, to_update = [], []
    periods: dict[Indicator, list[str]] = {}
    for indicator, period, kind, start, values in good:
        periods.setdefault(indicator, []).append(period)
        current = existing.get((indicator.pk, period))
        if current is None:
            to_create.append(
                Measurement(
                    indicator=indicator,
                    period=period,
                    period_kind=kind,
                    period_start=start,
                    **values,
                )
            )
        else:
            # Only the columns the file has: a missing column keeps what is stored.
            for name, value in values.items():
                setattr(current, name, value)
            current.period_kind, current.period_start = kind, start
            to_update.append(current)
    Measurement.objects.bulk_create(to_create, batch_size=1000)
    Measurement.objects.bulk_update(
        to_update, ["value", *columns, "period_kind", "period_start"], batch_size=1000
    )
    result.created, result.updated = len(to_create), len(to_update)
    kept = [name for name in OPTIONAL_COLUMNS if name not in columns]
    for indicator, imported in periods.items():
        audit_record(
            actor=actor,
            instance=indicator,
            action="figures imported",
            note=_periods_note(imported)
            + (f"; the file had no {', '.join(kept)} column, so those were kept" if kept else ""),
        )
    return result
