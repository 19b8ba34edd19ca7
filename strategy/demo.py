"""The demo council's strategy: its priorities, objectives and what serves each one.

Loaded by load_demo only; a real council enters its own strategy in the browser.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from strategy.models import Priority

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


def load(stdout: Any) -> None:
    with transaction.atomic():
        priorities = priorities_ensure()
    stdout.write(f"Strategy: {len(priorities)} priorities")
