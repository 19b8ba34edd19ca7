"""Every write to the offer's entries, and the search text kept with each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models.expressions import CombinedExpression
from django.utils.text import slugify

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from offer.models import SEARCH_CONFIG, OfferEntry
from voice.models import Principle
from voice.principles import principles_text

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
    "legal_basis",
    "how_to_get",
    "contact_phone",
    "link_url",
    "place",
    "owner",
    "provider",
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
    *,
    entry: OfferEntry | None = None,
    actor: User | None,
    principles: Iterable[Principle] | None = None,
    **fields: Any,
) -> OfferEntry:
    """Make or change an offer entry; its search text is refreshed in the same transaction.
    The principles, when given, replace those it named (None leaves them)."""
    creating = entry is None
    entry = entry or OfferEntry()
    # Compare with what is stored: a bound ModelForm has already changed the instance in memory.
    before = {} if creating else _snapshot(OfferEntry.objects.get(pk=entry.pk))
    for name, value in fields.items():
        if name not in ENTRY_FIELDS:
            raise TypeError(f"offer_entry_save got an unexpected field {name!r}")
        setattr(entry, name, value)
    if creating or not entry.slug:
        entry.slug = _unique_slug(entry.title, exclude_pk=entry.pk)
    entry.full_clean(exclude=["slug"])
    entry.save()
    if principles is not None:
        entry.principles.set(list(principles))
    entries_reindex(entry_ids=[entry.pk])
    audit_record(
        actor=actor,
        instance=entry,
        action="created" if creating else "changed",
        changes=changes_between(before, _snapshot(entry)) if not creating else None,
    )
    return entry


def _snapshot(entry: OfferEntry) -> dict[str, Any]:
    """What the audit trail compares: the fields, and the principles named."""
    return snapshot(entry, ENTRY_FIELDS) | {"principles": principles_text(entry.principles.all())}
