"""The versions of an annual report, read from its history (the PostgreSQL triggers of
corporate_parenting.history): each write of the report is a version, with what changed in its
texts, status and sections since the one before, and the priorities for next year as they stood.

The history holds every write, made through the portal or not, so the page cannot miss one; the
audit trail (the readable record the services write) is shown beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from annual.models import (
    NARRATIVE_FIELDS,
    SECTION_TITLES,
    AnnualPriority,
    AnnualReport,
    AnnualStatus,
)
from corporate_parenting.history.models import EVENT_MODELS
from corporate_parenting.models import User
from panels.reports.diff import FieldChange, line_diff

# The parts of a version compared, in the order the page shows them.
LABELS = {
    "title": "Title",
    "status": "Status",
    "section_keys": "Sections",
    **NARRATIVE_FIELDS,
    "priorities": "Priorities for next year",
}
VERSIONS_SHOWN = 200  # newest first; a report is written a few dozen times at most


@dataclass
class Version:
    number: int
    action: str  # "Started", "Changed", "Removed"
    made_at: datetime
    made_by: str
    changes: list[FieldChange] = field(default_factory=list)


def _lines(name: str, value: Any) -> list[str]:
    if name == "status":
        return [str(AnnualStatus(value).label)] if value in AnnualStatus.values else [str(value)]
    if name == "section_keys":
        return [SECTION_TITLES.get(key, str(key)) for key in value or []]
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value or "").splitlines()


def _state(event: Any, priorities: list[str]) -> dict[str, Any]:
    return {
        "title": event.title,
        "status": event.status,
        "section_keys": event.section_keys,
        **{name: getattr(event, name) for name in NARRATIVE_FIELDS},
        "priorities": priorities,
    }


def _changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for name, label in LABELS.items():
        old = _lines(name, before[name]) if before else []
        new = _lines(name, after[name])
        if old != new:
            changes.append(FieldChange(label, line_diff(old, new)))
    return changes


def _who(event: Any, names: dict[int, str]) -> str:
    metadata = event.pgh_context.metadata if event.pgh_context_id else {}
    user = metadata.get("user")
    return names.get(user, "") if user else ""


def report_versions(report: AnnualReport) -> list[Version]:
    """Every version of the report, newest first, each with what changed since the one before.

    Three queries whatever the report's length: its events, its priorities' events and the
    names of the people who made them. A priority written in the same request as a version of
    the report (services.annual_priorities_set saves the report after its priorities) counts
    towards the last version that request made; one written outside a request counts towards the
    first version made at the same moment or after it."""
    report_events = list(
        EVENT_MODELS[AnnualReport]
        .objects.filter(pgh_obj_id=report.pk)
        .select_related("pgh_context")
        .order_by("pgh_id")
    )
    priority_events = list(
        EVENT_MODELS[AnnualPriority]
        .objects.filter(report_id=report.pk)
        .order_by("pgh_id")
        .values("pgh_obj_id", "pgh_label", "pgh_created_at", "pgh_context_id", "position", "text")
    )
    users: set[int] = set()
    for event in report_events:
        user = (event.pgh_context.metadata or {}).get("user") if event.pgh_context_id else None
        if isinstance(user, int):
            users.add(user)
    names = dict(User.objects.filter(pk__in=users).values_list("pk", "full_name"))

    last_of_request = {
        event.pgh_context_id: index
        for index, event in enumerate(report_events)
        if event.pgh_context_id
    }
    attached: dict[int, list[dict[str, Any]]] = {}
    for row in priority_events:
        index = last_of_request.get(row["pgh_context_id"]) if row["pgh_context_id"] else None
        if index is None:
            index = next(
                (
                    i
                    for i, e in enumerate(report_events)
                    if e.pgh_created_at >= row["pgh_created_at"]
                ),
                len(report_events) - 1,
            )
        attached.setdefault(index, []).append(row)

    versions: list[Version] = []
    standing: dict[int, tuple[int, str]] = {}  # priority id -> (position, text)
    before: dict[str, Any] | None = None
    for index, event in enumerate(report_events):
        for row in attached.get(index, []):
            if row["pgh_label"] == "delete":
                standing.pop(row["pgh_obj_id"], None)
            else:
                standing[row["pgh_obj_id"]] = (row["position"], row["text"])
        priorities = [f"{position}. {text}" for position, text in sorted(standing.values())]
        after = _state(event, priorities)
        action = {"insert": "Started", "delete": "Removed"}.get(event.pgh_label, "Changed")
        versions.append(
            Version(
                number=index + 1,
                action=action,
                made_at=event.pgh_created_at,
                made_by=_who(event, names),
                changes=_changes(before, after),
            )
        )
        before = after
    return versions[::-1][:VERSIONS_SHOWN]
