"""Benchmark data for the offer and KPIs: 100 offer entries and 10 indicators x 12 periods per
unit of factor (factor 10: 1,000 entries, 100 indicators x 120 periods), all with bulk_create."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from corporate_parenting.models import Role, User
from offer.demo import CATEGORIES, ENTRIES
from offer.models import (
    Feedback,
    Indicator,
    Measurement,
    OfferCategory,
    OfferEntry,
    PeriodKind,
    Polarity,
    Unit,
    status_fields_fitting,
)
from offer.services import entries_reindex
from strategy.demo import PRIORITIES as DEMO_PRIORITIES
from strategy.models import Priority

BATCH_SIZE = 2000
ENTRIES_PER_FACTOR = 100
INDICATORS_PER_FACTOR = 10
PERIODS_PER_FACTOR = 12


def build_offer(factor: int) -> dict[str, int]:
    """Categories, offer entries (variations on the demo offer, so search finds real words),
    and some feedback waiting for moderation."""
    rng = random.Random(7)
    categories = OfferCategory.objects.bulk_create(
        [
            OfferCategory(slug=slug, name=name, summary=summary, order=order)
            for order, (slug, name, summary) in enumerate(CATEGORIES)
        ]
    )
    by_slug = {c.slug: c for c in categories}
    owners: list[int | None] = list(
        User.objects.filter(groups__name=Role.OFFICER).values_list("pk", flat=True)
    ) or [None]
    today = timezone.localdate()
    count = ENTRIES_PER_FACTOR * factor
    rows = []
    for number in range(count):
        cat, title, summary, details, kind, age_from, age_to, how, phone = ENTRIES[
            number % len(ENTRIES)
        ]
        rows.append(
            OfferEntry(
                category=by_slug[cat],
                slug=f"bench-{number}",
                title=title if number < len(ENTRIES) else f"{title} ({number})",
                summary=summary,
                details=details,
                kind=kind,
                age_from=age_from,
                age_to=age_to,
                **status_fields_fitting(age_from, age_to),
                how_to_get=how,
                contact_phone=phone,
                owner_id=owners[number % len(owners)],
                review_by=today + datetime.timedelta(days=rng.randint(-60, 365)),
                status=OfferEntry.Status.PUBLISHED if number % 10 else OfferEntry.Status.DRAFT,
            )
        )
    OfferEntry.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    entries_reindex()
    feedback = Feedback.objects.bulk_create(
        [
            Feedback(kind=Feedback.Kind.MISSING, text=f"Something missing, number {n}.")
            for n in range(5 * factor)
        ],
        batch_size=BATCH_SIZE,
    )
    return {
        "offer_categories": len(categories),
        "offer_entries": count,
        "offer_feedback": len(feedback),
    }


def build_kpis(factor: int) -> dict[str, int]:
    """Indicators across every priority, each with monthly figures and an England comparator."""
    rng = random.Random(11)
    priorities = [
        Priority.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})[0]
        for position, (slug, name, _) in enumerate(DEMO_PRIORITIES, start=1)
    ]
    units = [Unit.PERCENT, Unit.RATE, Unit.DAYS, Unit.COUNT]
    polarities = [Polarity.HIGHER, Polarity.LOWER, Polarity.CONTEXT]
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                code=f"B-{n}",
                name=f"Benchmark indicator {n}",
                unit=units[n % len(units)],
                polarity=polarities[n % len(polarities)],
                priority=priorities[n % len(priorities)],
                target=Decimal(50),
                tolerance=Decimal(5),
            )
            for n in range(INDICATORS_PER_FACTOR * factor)
        ]
    )
    periods = PERIODS_PER_FACTOR * factor
    first = datetime.date(2025 - periods // 12, 1, 1)
    rows = []
    for indicator in indicators:
        for step in range(periods):
            year, month = (
                first.year + (first.month - 1 + step) // 12,
                (first.month - 1 + step) % 12 + 1,
            )
            rows.append(
                Measurement(
                    indicator=indicator,
                    period=f"{year}-{month:02d}",
                    period_kind=PeriodKind.MONTH,
                    period_start=datetime.date(year, month, 1),
                    value=Decimal(rng.randint(3000, 7000)) / 100,
                    england=Decimal(rng.randint(4000, 6000)) / 100,
                )
            )
    Measurement.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return {"indicators": len(indicators), "measurements": len(rows)}


BUILDERS = [build_offer, build_kpis]
