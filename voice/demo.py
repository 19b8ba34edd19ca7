"""The demo council's voice: the demo engagements and moderated feedback tagged with themes, and
a few more pieces of moderated feedback. All invented: no real young person said these words.

Loaded by load_demo only, after the champions and offer demos; it first makes sure the
principles and the first themes are there (voice/vocabulary.py). Safe to run again: only records
with no themes yet are tagged, so nothing a person tagged is changed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from champions.models import Engagement
from offer.models import Feedback
from voice import demo_principles, vocabulary
from voice.models import Principle, Theme

# Words in what young people said (demo engagements and feedback) -> the themes it raises.
TAGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("first flat", ("housing", "being-listened-to")),
    ("trips in the summer", ("health-and-wellbeing", "relationships-and-family")),
    ("homework", ("education-and-work", "housing")),
    ("thanked too", ("relationships-and-family", "being-listened-to")),
    ("council tax", ("money",)),
    ("phone contract", ("money",)),
    ("bus pass", ("education-and-work", "money")),
    ("social worker changed", ("being-listened-to", "relationships-and-family")),
)

# Invented feedback, moderated: what was sent, the officer's public words, what was done.
FEEDBACK: tuple[tuple[str, str, str], ...] = (
    (
        "Nobody told me the council can be a guarantor for a phone contract.",
        "You did not know we can help when a phone company asks for a guarantor.",
        "The Money page now says how, and personal advisers can sign as guarantor.",
    ),
    (
        "The bus pass stops at 18 but I am still at college.",
        "You said your bus pass ended at 18 while you were still at college.",
        "Care leavers in education now keep a free bus pass until they are 21.",
    ),
    (
        "My social worker changed three times this year and I had to tell my story again.",
        "",
        "",
    ),
)


def load(stdout: Any) -> None:
    with transaction.atomic():
        vocabulary.ensure(Principle, Theme)
        themes = {theme.slug: theme for theme in Theme.objects.active()}
        made = _load_feedback()
        tagged = _tag(Engagement.objects.submitted(), "young_people_said", themes)
        tagged += _tag(Feedback.objects.moderated(), "text", themes)
        demo_principles.load(stdout)
    stdout.write(
        f"Voice: {len(themes)} themes, {made} new pieces of feedback, {tagged} records tagged"
    )


def _load_feedback() -> int:
    """The invented feedback above, moderated (the last one counted but not shown)."""
    made = 0
    officer = Feedback.objects.exclude(moderated_by=None).values_list("moderated_by", flat=True)
    moderator_id = officer.first()
    for text, you_said, we_did in FEEDBACK:
        _, created = Feedback.objects.get_or_create(
            text=text,
            defaults={
                "kind": Feedback.Kind.MISSING,
                "status": Feedback.Status.PUBLISHED if we_did else Feedback.Status.HIDDEN,
                "you_said": you_said,
                "we_did": we_did,
                "moderated_by_id": moderator_id,
                "moderated_at": timezone.now(),
            },
        )
        made += created
    return made


def _tag(rows: Any, field: str, themes: dict[str, Theme]) -> int:
    """Tag the records whose words match TAGS, unless they have themes already."""
    tagged = 0
    for record in rows.filter(themes__isnull=True):
        said = getattr(record, field).lower()
        slugs = {slug for words, found in TAGS if words in said for slug in found}
        chosen = [themes[slug] for slug in sorted(slugs) if slug in themes]
        if chosen:
            record.themes.set(chosen)
            tagged += 1
    return tagged
