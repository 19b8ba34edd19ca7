"""Every write to the offer, its feedback and the KPIs."""

from __future__ import annotations

import csv
import datetime
import hashlib
import hmac
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.expressions import CombinedExpression
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.inputs import has_control_characters
from corporate_parenting.models import Role, User
from offer.kpis import PeriodError, parse_period
from offer.models import (
    SEARCH_CONFIG,
    UNIT_RANGES,
    Feedback,
    Indicator,
    Measurement,
    OfferEntry,
)

# ---------------------------------------------------------------- offer entries

ENTRY_FIELDS = (
    "category",
    "title",
    "summary",
    "details",
    "age_from",
    "age_to",
    "for_eligible",
    "for_relevant",
    "for_former_relevant",
    "for_qualifying",
    "kind",
    "how_to_get",
    "contact_phone",
    "link_url",
    "place",
    "owner",
    "review_by",
    "status",
)


def search_vector() -> CombinedExpression:
    """Title matters most, then the summary, then the details and how to get it."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("details", "how_to_get", weight="C", config=SEARCH_CONFIG)
    )


def entries_reindex(*, entry_ids: list[int] | None = None) -> int:
    """Refresh the stored search text (one UPDATE), for some entries or all."""
    rows = (
        OfferEntry.objects.all()
        if entry_ids is None
        else OfferEntry.objects.filter(pk__in=entry_ids)
    )
    return rows.update(search_vector=search_vector())


def _unique_slug(title: str, *, exclude_pk: int | None) -> str:
    base = slugify(title)[:100] or "entry"
    slug, number = base, 2
    others = (
        OfferEntry.objects.exclude(pk=exclude_pk) if exclude_pk is not None else OfferEntry.objects
    )
    while others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def offer_entry_save(
    *, entry: OfferEntry | None = None, actor: User | None, **fields: Any
) -> OfferEntry:
    """Make or change an offer entry; its search text is refreshed in the same transaction."""
    creating = entry is None
    entry = entry or OfferEntry()
    # Compare with what is stored: a bound ModelForm has already changed the instance in memory.
    before = {} if creating else snapshot(OfferEntry.objects.get(pk=entry.pk), ENTRY_FIELDS)
    for name, value in fields.items():
        if name not in ENTRY_FIELDS:
            raise TypeError(f"offer_entry_save got an unexpected field {name!r}")
        setattr(entry, name, value)
    if creating or not entry.slug:
        entry.slug = _unique_slug(entry.title, exclude_pk=entry.pk)
    entry.full_clean(exclude=["slug"])
    entry.save()
    entries_reindex(entry_ids=[entry.pk])
    audit_record(
        actor=actor,
        instance=entry,
        action="created" if creating else "changed",
        changes=changes_between(before, snapshot(entry, ENTRY_FIELDS)) if not creating else None,
    )
    return entry


# ---------------------------------------------------------------- feedback

FEEDBACK_LIMIT = 5  # per address per window
FEEDBACK_WINDOW_SECONDS = 60 * 60


class RateLimited(Exception):
    pass


def client_key(address: str) -> str:
    """A keyed hash of the client's address: enough to count, never the address itself."""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return "offer:feedback:" + digest.hexdigest()[:40]


def _count_and_check(address: str) -> None:
    key = client_key(address)
    cache.add(key, 0, FEEDBACK_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, FEEDBACK_WINDOW_SECONDS)
        count = 1
    if count > FEEDBACK_LIMIT:
        raise RateLimited


@transaction.atomic
def feedback_submit(
    *,
    address: str,
    kind: str,
    text: str = "",
    entry: OfferEntry | None = None,
    page: str = "",
) -> Feedback:
    """Anonymous feedback: counted against a hash of the address, stored without it."""
    if kind not in Feedback.Kind.values:
        raise ValidationError({"kind": "Choose whether this was useful"})
    text = text.strip()
    if kind == Feedback.Kind.MISSING and not text:
        raise ValidationError({"text": "Tell us what is missing"})
    if len(text) > 1000:
        raise ValidationError({"text": "Use 1,000 characters or fewer"})
    _count_and_check(address)
    # A yes or no click is only counted; words are moderated before anything is shown.
    status = Feedback.Status.NEW if text else Feedback.Status.HIDDEN
    return Feedback.objects.create(
        entry=entry, kind=kind, text=text, page=page[:200], status=status
    )


@transaction.atomic
def feedback_moderate(
    *, feedback: Feedback, actor: User, publish: bool, you_said: str = "", we_did: str = ""
) -> Feedback:
    """Hide feedback, or show it on "You said, we did" with the officer's public-safe words."""
    if publish:
        errors = {}
        if not you_said.strip():
            errors["you_said"] = "Enter what young people told us"
        if not we_did.strip():
            errors["we_did"] = "Enter what we did about it"
        if errors:
            raise ValidationError(errors)
    feedback.status = Feedback.Status.PUBLISHED if publish else Feedback.Status.HIDDEN
    feedback.you_said = you_said.strip()
    feedback.we_did = we_did.strip()
    feedback.moderated_by = actor
    feedback.moderated_at = timezone.now()
    feedback.save()
    return feedback


# ---------------------------------------------------------------- KPI import

IMPORT_COLUMNS = ("code", "period", "value", "england", "statistical_neighbours", "region", "note")
REQUIRED_COLUMNS = ("code", "period", "value")
# Columns a file may leave out: a stored figure's value in a column the file does not have is
# kept as it is; a column the file has with a blank cell clears it.
OPTIONAL_COLUMNS = ("england", "statistical_neighbours", "region", "note")
COMPARATOR_COLUMNS = ("england", "statistical_neighbours", "region")
MAX_IMPORT_BYTES = 2_000_000
LARGEST_VALUE = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point


@dataclass
class RowError:
    line: int
    reason: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} rows could not be imported")
        self.errors = errors


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


def _read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused([RowError(0, "the file is larger than 2 MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            [RowError(0, "the file is not UTF-8 text: save it as CSV UTF-8")]
        ) from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [(name or "").strip().lower() for name in reader.fieldnames or []]
        rows = []
        for record in reader:
            clean = {
                (key or "").strip().lower(): (value if isinstance(value, str) else "")
                for key, value in record.items()
                if key is not None
            }
            rows.append((reader.line_num, clean))
    except csv.Error as error:
        raise ImportRefused(
            [RowError(0, f"the file is not a readable CSV file ({error})")]
        ) from None
    return header, rows


def measurements_import(*, data: bytes, actor: User | None) -> ImportResult:
    """All or nothing: every row is checked first; any bad row means nothing is imported, and every
    bad row is listed with its reason. Re-importing a file updates the same periods, never
    duplicates. A comparator or note column the file does not have leaves the stored values of
    that column as they are; a column it has with a blank cell clears the stored value.

    actor None is the portal itself (a command); a person must be an officer or an admin."""
    if actor is not None and not actor.has_role(Role.OFFICER, Role.ADMIN):
        raise PermissionDenied("Only officers and admins import KPI figures")
    header, rows = _read_rows(data)
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportRefused([RowError(1, f"the header row has no {', '.join(missing)} column")])
    if not rows:
        raise ImportRefused([RowError(0, "the file has no rows of figures")])
    present = [name for name in OPTIONAL_COLUMNS if name in header]

    indicators = {i.code.lower(): i for i in Indicator.objects.all()}
    errors: list[RowError] = []
    seen: dict[tuple[int, str], int] = {}
    good: list[tuple[Indicator, str, str, datetime.date, dict[str, Any]]] = []
    for line, row in rows:
        reasons: list[str] = [
            f"{column} has hidden control characters"
            for column, cell in row.items()
            if column in IMPORT_COLUMNS and isinstance(cell, str) and has_control_characters(cell)
        ]
        code = (row.get("code") or "").strip()
        indicator = indicators.get(code.lower())
        if not code:
            reasons.append("code is missing")
        elif indicator is None:
            reasons.append(f"unknown indicator code '{code[:30]}'")
        elif indicator.retired_at is not None:
            reasons.append(
                f"indicator '{indicator.code}' is retired: reinstate it before importing figures"
            )
        period = kind = start = None
        try:
            period, kind, start = parse_period(row.get("period") or "")
        except PeriodError as error:
            reasons.append(str(error))
        values: dict[str, Any] = {}
        for name in ("value", *COMPARATOR_COLUMNS):
            if name != "value" and name not in present:
                continue
            try:
                values[name] = _decimal(
                    row.get(name) or "", name, indicator, required=name == "value"
                )
            except ValueError as error:
                reasons.append(str(error))
        if "note" in present:
            note = (row.get("note") or "").strip()
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
