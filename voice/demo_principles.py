"""The demo council's principles tagging: some demo reports, resolutions, engagements and offer
entries name the corporate parenting principles they serve, so the principles coverage shows
several principles touched and one, (c) "Take their views into account", left untouched. The
choices are invented for the demonstration, not a council's judgement.

Loaded by load_demo only (voice/demo.py), after the panels, champions and offer demos. Records
are found by words in them; only records that name no principle yet are tagged, so running it
again changes nothing a person tagged.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from champions.models import Engagement
from offer.models import OfferEntry
from panels.models import Resolution
from panels.reports.models import Report
from voice.models import Principle

# (the records, the field searched, words in it, the principles' letters)
TAGS: tuple[tuple[str, str, str, str], ...] = (
    ("reports", "title", "housing protocol", "fg"),
    ("reports", "title", "performance report", "ae"),
    ("reports", "title", "champion model", "b"),
    ("reports", "title", "residential placements", "f"),
    ("resolutions", "text", "personal education plan", "e"),
    ("resolutions", "text", "report be noted", "f"),
    ("resolutions", "text", "report on engagement", "b"),
    ("resolutions", "text", "number of children in care", "a"),
    ("engagements", "young_people_said", "first flat", "g"),
    ("engagements", "young_people_said", "homework", "e"),
    ("engagements", "young_people_said", "trips in the summer", "a"),
    ("offer_entries", "slug", "help-to-find-a-home", "fg"),
    ("offer_entries", "slug", "independent-living-skills", "g"),
    ("offer_entries", "slug", "your-health-passport", "a"),
    ("offer_entries", "slug", "register-with-a-doctor", "ad"),
    ("offer_entries", "slug", "a-mentor", "e"),
    ("offer_entries", "slug", "speak-at-the-corporate-parenting-panel", "b"),
    ("offer_entries", "slug", "bus-passes-and-travel", "d"),
)


def _records() -> dict[str, QuerySet[Any]]:
    return {
        "reports": Report.objects.all(),
        "resolutions": Resolution.objects.all(),
        "engagements": Engagement.objects.submitted(),
        "offer_entries": OfferEntry.objects.all(),
    }


def load(stdout: Any) -> None:
    principles = {p.letter: p for p in Principle.objects.all()}
    records = _records()
    tagged = 0
    for kind, field, words, letters in TAGS:
        rows = records[kind].filter(principles__isnull=True, **{f"{field}__icontains": words})
        for record in rows:
            record.principles.set(
                [principles[letter] for letter in letters if letter in principles]
            )
            tagged += 1
    stdout.write(
        f"Principles: {tagged} demonstration records tagged with the principles they serve"
    )
