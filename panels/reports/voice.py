"""A report's "What children and young people have told us" section: what the author may
choose (a political year, optionally one quarter of it, and themes), what the report prints, and
what of it the agenda pack's and the report PDF's keys read.

What is printed is voice.told.told_for_report(): the public view, whoever reads the report, on
the page, in its PDF and in both packs. A report is published to members and, on a public item,
to the public; drafts are seen by officers who should read what will be published. So it counts
and quotes only what an officer chose to show ("You said, we did"), with counts under five as
"fewer than 5". It is read live, as the KPI scorecard is: the pack's key holds what the section
prints, so a pack is made again when that changes and never for a private change.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from corporate_parenting.years import political_year_starting
from panels.reports.models import Report
from voice.models import Theme
from voice.told import SOURCES, Told, told_for_report, year_choices

HEADING = "What children and young people have told us"
QUARTER_NEEDS_YEAR = "Choose the political year of the quarter, or leave out the quarter"
THEMES_NEED_YEAR = (
    "Choose a political year to include what young people told us, or untick the themes"
)
CHOOSE_YEAR = "Choose a political year from the list"
CHOOSE_QUARTER = "Choose a quarter from the list, or the whole year"
CHOOSE_THEMES = "Choose themes from the list"


@dataclass(frozen=True)
class VoiceChoice:
    """What the author chose: no year, no section."""

    year: int | None = None
    quarter: int | None = None
    themes: Collection[Theme] = ()


def voice_check(choice: VoiceChoice, *, report: Report | None = None) -> None:
    """The one check of a voice choice, raising errors on the fields to fix."""
    errors: dict[str, str] = {}
    allowed = {y.start_year for y in year_choices(timezone.localdate())}
    if choice.year is not None and choice.year not in allowed:
        errors["voice_year"] = CHOOSE_YEAR
    if choice.quarter is not None and choice.quarter not in (1, 2, 3, 4):
        errors["voice_quarter"] = CHOOSE_QUARTER
    elif choice.year is None and choice.quarter is not None:
        errors["voice_year"] = QUARTER_NEEDS_YEAR
    if choice.year is None and choice.themes and "voice_year" not in errors:
        errors["voice_year"] = THEMES_NEED_YEAR
    already = set(report.voice_themes.values_list("pk", flat=True)) if report else set()
    if any(t.pk is None or (t.is_retired and t.pk not in already) for t in choice.themes):
        errors["voice_themes"] = CHOOSE_THEMES
    if errors:
        raise ValidationError(errors)


def voice_save(report: Report, choice: VoiceChoice) -> None:
    """Store the choice (checked by voice_check) on a report being saved."""
    report.voice_year = choice.year
    report.voice_quarter = choice.quarter if choice.year is not None else None
    report.voice_themes.set(list(choice.themes) if choice.year is not None else [])


def voice_content(report: Report) -> dict[str, Any] | None:
    """The choice as plain data, for the report's versions and their comparison."""
    if report.voice_year is None:
        return None
    return {
        "year": political_year_starting(report.voice_year).label,
        "quarter": report.voice_quarter,
        "themes": sorted(t.name for t in report.voice_themes.all()),
    }


def report_voice(report: Report) -> Told | None:
    """What the report prints of what young people told us, or None when it has no such
    section. The themes are the report's own (prefetch "voice_themes" to save a query)."""
    if report.voice_year is None:
        return None
    return told_for_report(
        political_year_starting(report.voice_year),
        quarter=report.voice_quarter,
        theme_ids=[t.pk for t in report.voice_themes.all()],
    )


def voice_printed(told: Told | None) -> list[object]:
    """Everything the section prints, as plain values: what the pack's and the PDF's keys
    read, so a change to what it prints (and nothing else) makes them again."""
    if told is None:
        return []
    return [
        told.period_label,
        told.period_compared_with,
        list(SOURCES),
        [
            [
                row.theme.pk,
                row.theme.name,
                row.public_in_period,
                row.public_period_before,
                row.public_period_trend,
                row.public_by_source,
                [(s.date, s.source, s.said) for s in row.quotes],
                [(s.date, s.source, s.said, s.did) for s in row.answers],
            ]
            for row in told.rows
        ],
    ]
