"""The demo council's strategy: its priorities, objectives and what serves each one.

Loaded by load_demo only; a real council enters its own strategy in the browser.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from offer.models import Indicator, OfferEntry
from panels.models import Resolution
from strategy.models import Objective, Priority

# slug, name, description
PRIORITIES: tuple[tuple[str, str, str], ...] = (
    ("stability", "Stability", "Children live in stable homes, close to the people who matter."),
    ("resilience", "Resilience", "Children and young people are helped to cope and to thrive."),
    (
        "eet",
        "Education, employment and training",
        "Children achieve at school, and care leavers go on to study, train or work.",
    ),
    ("health", "Health", "Children in care and care leavers are healthy, in body and mind."),
    ("listening", "Listening", "We hear children and young people and act on what they say."),
    (
        "care-experienced",
        "Care experienced",
        "Care leavers have a home, money to live on and someone to turn to.",
    ),
    (
        "corporate-parenting",
        "Corporate parenting",
        "Every part of the council acts as a good parent would.",
    ),
)


def priorities_ensure() -> dict[str, Priority]:
    """The demo priorities, made once; the offer and panel demos name them by slug."""
    priorities = {}
    for position, (slug, name, description) in enumerate(PRIORITIES, start=1):
        priorities[slug], _ = Priority.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    return priorities


# priority slug, objective, KPI codes, words in the titles of the offer entries that serve it
OBJECTIVES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "stability",
        "Fewer children move placement three or more times in a year",
        ("MOVES-3", "CIC-RATE"),
        (),
    ),
    ("stability", "More children live within 20 miles of home", ("PLACE-20M",), ()),
    (
        "eet",
        "More care leavers in education, employment or training",
        ("NEET-CL",),
        ("apprentice", "university", "college"),
    ),
    (
        "care-experienced",
        "Every care leaver has a suitable home",
        ("ACCOM-CL",),
        ("council tax", "home", "housing"),
    ),
    ("listening", "Children in care shape the services they use", (), ("feedback", "voice")),
)


def load(stdout: Any) -> None:
    with transaction.atomic():
        priorities = priorities_ensure()
        made = _load_objectives(priorities)
    stdout.write(f"Strategy: {len(priorities)} priorities, {made} new objectives")


def _load_objectives(priorities: dict[str, Priority]) -> int:
    made = 0
    actions = list(Resolution.objects.actions().order_by("pk")[:4])
    for position, (slug, title, codes, words) in enumerate(OBJECTIVES, start=1):
        objective, created = Objective.objects.get_or_create(
            priority=priorities[slug], title=title, defaults={"position": position * 10}
        )
        if not created:
            continue
        made += 1
        objective.indicators.set(Indicator.objects.filter(code__in=codes))
        entries = OfferEntry.objects.none()
        for word in words:
            entries |= OfferEntry.objects.filter(title__icontains=word)
        objective.offer_entries.set(entries.distinct()[:3])
        # The demo panel's actions serve the first objectives, two each.
        objective.actions.set(actions[(position - 1) * 2 : position * 2])
    return made
