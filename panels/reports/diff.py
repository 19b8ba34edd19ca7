"""A readable difference between two versions of a report: for each part that changed, the
lines taken out and the lines put in."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from panels.reports.models import ReportVersion

LABELS = {
    "title": "Title",
    "sponsor": "Sponsor",
    "sponsor_title": "Sponsor's job title",
    "author": "Author",
    "author_contact": "Author's contact details",
    "purpose": "Purpose",
    "summary": "Executive summary",
    "recommendations": "Recommendations",
    "financial_implications": "Financial implications",
    "legal_implications": "Legal implications",
    "equalities_implications": "Equalities implications",
    "risk_implications": "Risk management implications",
    "priorities": "Strategic priorities",
    "indicators": "KPIs",
    "voice": "What children and young people have told us",
    "principles": "Corporate parenting principles",
    "sections": "Sections",
    "annexes": "Annexes",
}


@dataclass
class Line:
    kind: str  # "added", "removed", "same", or "gap" (unchanged lines left out)
    text: str


@dataclass
class FieldChange:
    label: str
    lines: list[Line]


@dataclass
class VersionEntry:
    version: ReportVersion
    changes: list[FieldChange] = field(default_factory=list)


def _as_lines(name: str, value: Any) -> list[str]:
    if name == "sections":
        lines: list[str] = []
        for section in value or []:
            lines.append(f"## {section.get('heading', '')}")
            lines.extend((section.get("body") or "").splitlines())
        return lines
    if name == "voice":
        if not value:
            return ["Left out"]
        quarter = f", Q{value['quarter']}" if value.get("quarter") else ", the whole year"
        return [
            f"Political year {value.get('year')}{quarter}",
            f"Themes: {', '.join(value.get('themes') or []) or 'every theme'}",
        ]
    if name == "annexes":
        return [f"{a.get('title')} ({a.get('file')})" for a in value or []]
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value or "").splitlines()


def line_diff(old: list[str], new: list[str]) -> list[Line]:
    """The changed lines with one line of context either side; unchanged lines left out between
    them are one "gap" line, so separate changes never run together."""
    lines = []
    for row in difflib.ndiff(old, new):
        marker, text = row[:2], row[2:]
        if marker == "- ":
            lines.append(Line("removed", text))
        elif marker == "+ ":
            lines.append(Line("added", text))
        elif marker == "  ":
            lines.append(Line("same", text))
    keep = {i + d for i, line in enumerate(lines) if line.kind != "same" for d in (-1, 0, 1)}
    shown: list[Line] = []
    last = -1
    for index, line in enumerate(lines):
        if index not in keep:
            continue
        if shown and index != last + 1:
            shown.append(Line("gap", "…"))
        shown.append(line)
        last = index
    return shown


def _section_changes(before: list[dict], after: list[dict]) -> list[FieldChange]:
    """One part for each section that changed, headed with its number and heading."""
    changes = []
    for index in range(max(len(before), len(after))):
        old = before[index] if index < len(before) else None
        new = after[index] if index < len(after) else None
        old_lines = _section_lines(old)
        new_lines = _section_lines(new)
        if old_lines == new_lines:
            continue
        heading = (new or old or {}).get("heading", "")
        state = " (added)" if old is None else " (removed)" if new is None else ""
        label = f"Section {index + 1}: {heading}{state}"
        changes.append(FieldChange(label, line_diff(old_lines, new_lines)))
    return changes


def _section_lines(section: dict | None) -> list[str]:
    if section is None:
        return []
    return [f"Heading: {section.get('heading', '')}", *(section.get("body") or "").splitlines()]


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for name, label in LABELS.items():
        if name == "sections":
            changes.extend(_section_changes(before.get(name) or [], after.get(name) or []))
            continue
        old, new = _as_lines(name, before.get(name)), _as_lines(name, after.get(name))
        if old == new:
            continue
        changes.append(FieldChange(label, line_diff(old, new)))
    return changes


def version_changes(versions_newest_first: list[ReportVersion]) -> list[VersionEntry]:
    """Each version with what changed since the one before it."""
    entries = []
    for index, version in enumerate(versions_newest_first):
        previous = (
            versions_newest_first[index + 1] if index + 1 < len(versions_newest_first) else None
        )
        changes = field_changes(previous.content, version.content) if previous else []
        entries.append(VersionEntry(version, changes))
    return entries
