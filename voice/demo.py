"""The demo council's voice: the demo engagements and moderated feedback tagged with themes, a
few more pieces of moderated feedback, and a "Make A Noise" consultation with its findings and
quotes (marked as a demonstration). All invented: no real young person said these words.

Loaded by load_demo only, after the champions and offer demos; it first makes sure the
principles and the first themes are there (voice/vocabulary.py). Safe to run again: only records
with no themes yet are tagged, so nothing a person tagged is changed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from champions.models import Engagement
from corporate_parenting.duties import people_with_duty
from corporate_parenting.models import DutyKind
from corporate_parenting.years import current_political_year
from offer.models import Feedback
from panels.models import Resolution
from strategy.models import Objective
from voice import demo_principles, matters_demo, vocabulary
from voice.models import (
    Consultation,
    ConsultationKind,
    Finding,
    FindingStatus,
    Principle,
    Quote,
    QuoteStatus,
    Theme,
)

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


CONSULTATION_TITLE = "Make A Noise (demonstration)"
CONSULTATION_ASKED = (
    "What would make the biggest difference to you in the next year, and what should the "
    "Corporate Parenting Board work on first?"
)
AGE_BAND_COUNTS = {
    "under_11": 6,
    "aged_11_to_15": 14,
    "aged_16_to_17": 9,
    "aged_18_to_21": 11,
    "aged_22_to_25": 3,
    "age_not_known": 2,
}
# (statement, theme slugs, status, what was done, quotes as (text, approved)).
FINDINGS: tuple[tuple[str, tuple[str, ...], str, str, tuple[tuple[str, bool], ...]], ...] = (
    (
        "Young people want to meet their personal adviser before they turn 18, not after.",
        ("being-listened-to", "relationships-and-family"),
        FindingStatus.SHOWN,
        "Personal advisers now meet every young person in care from their 16th birthday.",
        (("I met my PA two weeks before I moved out. That was too late.", True),),
    ),
    (
        "Many did not know what help with money there is when they leave care.",
        ("money", "housing"),
        FindingStatus.APPROVED,
        "",
        (
            (
                "Nobody told me about the setting up home allowance until I'd bought everything.",
                True,
            ),
            ("I just want a list of what I can get, in one place.", False),
        ),
    ),
    (
        "Younger children said they want to see their brothers and sisters more often.",
        ("relationships-and-family",),
        FindingStatus.APPROVED,
        "",
        (("Seeing my sister is the best day of the month.", True),),
    ),
)


def load(stdout: Any) -> None:
    with transaction.atomic():
        vocabulary.ensure(Principle, Theme)
        themes = {theme.slug: theme for theme in Theme.objects.active()}
        made = _load_feedback()
        tagged = _tag(Engagement.objects.submitted(), "young_people_said", themes)
        tagged += _tag(Feedback.objects.moderated(), "text", themes)
        consultations = _load_consultation(themes)
        demo_principles.load(stdout)
    stdout.write(
        f"Voice: {len(themes)} themes, {made} new pieces of feedback, {tagged} records tagged, "
        f"{consultations} new consultation"
    )
    matters_demo.load(stdout)


def _load_consultation(themes: dict[str, Theme]) -> int:
    """One invented "Make A Noise" consultation, marked as a demonstration: how many took part
    by age band, findings tagged with themes, approved quotes and one quote waiting for
    moderation. Made once; a second run changes nothing."""
    if Consultation.objects.filter(title=CONSULTATION_TITLE).exists():
        return 0
    officer = people_with_duty(DutyKind.PARTICIPATION_OFFICER).first()
    today = timezone.localdate()
    # Six weeks ago, inside this political year, so this year's page counts it.
    held = max(today - datetime.timedelta(days=45), current_political_year().start)
    consultation = Consultation.objects.create(
        title=CONSULTATION_TITLE,
        kind=ConsultationKind.EVENT,
        asked=CONSULTATION_ASKED,
        held_from=held,
        held_to=min(held + datetime.timedelta(days=1), today),
        run_by=officer,
        entered_by=officer,
        is_demo=True,
        **AGE_BAND_COUNTS,
    )
    action = Resolution.objects.actions().order_by("pk").first()
    objective = Objective.objects.order_by("pk").first()
    for number, (statement, slugs, status, we_did, quotes) in enumerate(FINDINGS):
        finding = Finding.objects.create(
            consultation=consultation,
            statement=statement,
            status=status,
            we_did=we_did,
            entered_by=officer,
            moderated_by=officer,
            moderated_at=timezone.now(),
        )
        finding.themes.set([themes[slug] for slug in slugs if slug in themes])
        if number == 0 and action is not None:
            finding.actions.set([action])
        if number == 1 and objective is not None:
            finding.objectives.set([objective])
        for text, approved in quotes:
            Quote.objects.create(
                finding=finding,
                text=text,
                entered_by=officer,
                status=QuoteStatus.APPROVED if approved else QuoteStatus.PENDING,
                moderated_by=officer if approved else None,
                moderated_at=timezone.now() if approved else None,
            )
    return 1


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
