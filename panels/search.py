"""One search over the panels' papers: meetings, agenda items, minutes, decisions, actions and
reports, for exactly what the person searching may read.

Nothing here decides who may see what. Two scopes come from the rules in panels/querysets.py:
- in full: `Meeting.objects.visible_to(user)` (officers and admins every meeting, a councillor the
  meetings of their bodies), and `Report.objects.visible_to(user)`, as the members' pages show them;
- in public: `Meeting.objects.public()`, `AgendaItem.objects.public()` and `.in_public_minutes()`,
  `Resolution.objects.public()` and `Report.objects.public()`, as the public pages read them.
A decision is a resolution with a decision status (`Resolution.objects.decisions()`), as on the
public pages, feeds and API; an action is `Resolution.objects.actions()`.
The public, signed out, has only the public scope. Each result says which scope found it, so it
links to the page that person may open.

The text searched is PostgreSQL full-text search on the same expressions the GIN indexes of
panels/migrations (search_papers) are built on, so the indexes serve the queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Substr
from django.urls import reverse

from corporate_parenting.http import Visitor
from corporate_parenting.permissions import is_council_person
from panels.models import AgendaItem, Body, Meeting, Resolution
from panels.reports.models import Report

CONFIG = "english"
SNIPPET_LENGTH = 300

KINDS = {
    "meeting": "Meeting",
    "item": "Agenda item",
    "minutes": "Minutes",
    "decision": "Decision",
    "action": "Action",
    "report": "Report",
}

# The stored expressions (see the migration): change both together.
ITEM_VECTOR = SearchVector("title", "presenter", config=CONFIG)
MINUTES_VECTOR = SearchVector("discussion", config=CONFIG)
RESOLUTION_VECTOR = SearchVector("text", config=CONFIG)
REPORT_VECTOR = SearchVector("title", weight="A", config=CONFIG) + SearchVector(
    "summary", "recommendations", "purpose", weight="B", config=CONFIG
)
MEETING_VECTOR = SearchVector("venue", "body__name", config=CONFIG)


@dataclass(frozen=True)
class Scope:
    """The meetings and reports a person may read in full, and those anyone may read."""

    full_meetings: QuerySet[Meeting]
    public_meetings: QuerySet[Meeting]
    reports: QuerySet[Report]

    @classmethod
    def for_user(cls, user: Visitor) -> Scope:
        public = Meeting.objects.public()
        if not user.is_authenticated:
            return cls(Meeting.objects.none(), public, Report.objects.public())
        return cls(Meeting.objects.visible_to(user), public, Report.objects.visible_to(user))

    def bodies(self) -> QuerySet[Body]:
        """Bodies with a meeting this person may search, for the filter."""
        meetings = self.full_meetings.values("body") | self.public_meetings.values("body")
        return Body.objects.filter(pk__in=meetings).order_by("name")


def _columns(
    rows: QuerySet,
    *,
    kind: str,
    vector: SearchVector | CombinedExpression,
    query: SearchQuery,
    title: str,
    text: str,
    meeting: str,
    full: Exists | Value,
) -> QuerySet:
    """One kind's rows as the columns every kind shares, so they can be combined. `meeting` is
    the path to the meeting ("" for a meeting itself, "item__meeting" for a resolution)."""
    path = f"{meeting}__" if meeting else ""
    return (
        rows.annotate(
            found_in=vector,
            paper_kind=Value(kind, output_field=CharField()),
            heading=F(title),
            snippet=Substr(text, 1, SNIPPET_LENGTH),
            meeting_pk=F(f"{path}pk"),
            meeting_date=F(f"{path}date"),
            body_name=F(f"{path}body__name"),
            rank=SearchRank(vector, query),
            in_full=full,
        )
        .filter(found_in=query)
        .values(*COLUMNS)
    )


COLUMNS = (
    "paper_kind",
    "pk",
    "heading",
    "snippet",
    "meeting_pk",
    "meeting_date",
    "body_name",
    "rank",
    "in_full",
)


def _in_full(scope: Scope, field: str) -> Exists:
    return Exists(scope.full_meetings.filter(pk=OuterRef(field)))


def papers_search(
    *,
    user: Visitor,
    text: str,
    kinds: list[str] | None = None,
    body: Body | None = None,
    year: int | None = None,
) -> QuerySet:
    """Every paper this person may read that matches the words, best first: dictionaries with
    paper_kind, pk, heading, snippet, meeting_pk, meeting_date, body_name, rank and in_full."""
    scope = Scope.for_user(user)
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    kinds = [kind for kind in (kinds or KINDS) if kind in KINDS]
    in_scope = Q(meeting__in=scope.full_meetings)
    in_public = Q(pk__in=AgendaItem.objects.public().values("pk"))
    in_public_minutes = Q(pk__in=AgendaItem.objects.in_public_minutes().values("pk"))
    parts: list[QuerySet] = []

    def narrowed(rows: QuerySet, prefix: str) -> QuerySet:
        if body is not None:
            rows = rows.filter(**{f"{prefix}body": body})
        if year is not None:
            rows = rows.filter(**{f"{prefix}date__year": year})
        return rows

    if "meeting" in kinds:
        rows: QuerySet[Any] = Meeting.objects.filter(
            Q(pk__in=scope.full_meetings) | Q(pk__in=scope.public_meetings)
        )
        parts.append(
            _columns(
                narrowed(rows, ""),
                kind="meeting",
                vector=MEETING_VECTOR,
                query=query,
                title="body__name",
                text="venue",
                meeting="",
                full=_in_full(scope, "pk"),
            )
        )
    if "item" in kinds:
        rows = AgendaItem.objects.filter(in_scope | in_public)
        parts.append(
            _columns(
                narrowed(rows, "meeting__"),
                kind="item",
                vector=ITEM_VECTOR,
                query=query,
                title="title",
                text="presenter",
                meeting="meeting",
                full=_in_full(scope, "meeting_id"),
            )
        )
    if "minutes" in kinds:
        rows = AgendaItem.objects.exclude(discussion="").filter(in_scope | in_public_minutes)
        parts.append(
            _columns(
                narrowed(rows, "meeting__"),
                kind="minutes",
                vector=MINUTES_VECTOR,
                query=query,
                title="title",
                text="discussion",
                meeting="meeting",
                full=_in_full(scope, "meeting_id"),
            )
        )
    for kind, of_kind in (
        ("decision", Resolution.objects.decisions()),
        ("action", Resolution.objects.actions()),
    ):
        if kind not in kinds:
            continue
        rows = of_kind.filter(
            Q(item__meeting__in=scope.full_meetings)
            | Q(pk__in=Resolution.objects.public().values("pk"))
        )
        parts.append(
            _columns(
                narrowed(rows, "item__meeting__"),
                kind=kind,
                vector=RESOLUTION_VECTOR,
                query=query,
                title="item__title",
                text="text",
                meeting="item__meeting",
                full=_in_full(scope, "item__meeting_id"),
            )
        )
    if "report" in kinds:
        rows = Report.objects.filter(pk__in=scope.reports.values("pk"))
        # Signed in, the report page shows every report Report.objects.visible_to(user) has.
        full = Value(is_council_person(user), output_field=BooleanField())
        parts.append(
            _columns(
                narrowed(rows, "item__meeting__"),
                kind="report",
                vector=REPORT_VECTOR,
                query=query,
                title="title",
                text="summary",
                meeting="item__meeting",
                full=full,
            )
        )
    if not parts or not text.strip():
        return Meeting.objects.none().values("pk")
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return combined.order_by("-rank", "-meeting_date", "paper_kind", "pk")


def result_url(row: dict[str, object]) -> str:
    """The page this person may open for a result: the members' page when the result came from
    their full scope, else the public meeting page."""
    kind, pk, meeting = row["paper_kind"], row["pk"], row["meeting_pk"]
    if row["in_full"]:
        if kind == "report":
            return reverse("panels:report_detail", args=[pk])
        if kind == "action":
            return reverse("panels:action_detail", args=[pk])
        return reverse("panels:meeting_detail", args=[meeting])
    return reverse("panels:public_meeting", args=[meeting])
