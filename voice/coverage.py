"""The corporate parenting principles coverage: for a political year, how often the Board's work
named each of the seven principles, through what, and which principles it left untouched.
Built here, in one place, for the page and its CSV.

What is counted (the same numbers for everyone signed in: they count the council's work, never
children):
- reports, by the date of their meeting, whatever their stage (a draft is work for that meeting);
- decisions (resolutions that are not actions) and actions, by the date of their meeting;
- champions' engagements once submitted, by the day of the engagement;
- care leaver offer entries, by the day they were last added or changed (an entry counts in the
  year it was last worked on: the offer is kept, not dated).

Each source is one Source in SOURCES: adding one (consultation findings, say) is one entry there.
Each source costs two queries whatever the number of records: one grouped count, and one ranking
of the newest records per principle that the person asking may open (a window), with the fields
each record is listed by.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from champions.models import Engagement, EngagementKind
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from corporate_parenting.years import PoliticalYear
from offer.models import OfferEntry
from panels.models import Resolution
from panels.reports.models import Report
from partners.models import Pledge
from voice.models import Finding, Principle

LISTED = 10  # records listed under each principle and source, newest first
TITLE_WORDS = 20  # a decision's or an action's words shown as its title

Row = dict[str, Any]


@dataclass(frozen=True)
class Source:
    """One kind of the Board's work that names principles.

    counted: every record of the kind that counts (whoever asks); listed: those this person may
    open; day: the record's date field (a datetime field ends in __date); fields: what title and
    link read from each row."""

    key: str
    label: str
    counted: Callable[[], QuerySet[Any]]
    listed: Callable[[User], QuerySet[Any]]
    day: str
    fields: tuple[str, ...]
    title: Callable[[Row], str]
    link: Callable[[Row], str]
    dated_by: str  # said on the page: which date puts a record in a year
    # The relation to the principles: most records name several ("principles"); a partner's
    # pledge serves one ("principle").
    relation: str = "principles"

    @property
    def day_field(self) -> str:
        """The field itself, for ordering (updated_at for updated_at__date)."""
        return self.day.removesuffix("__date")


def _words(text: str) -> str:
    return Truncator(" ".join(text.split())).words(TITLE_WORDS)


def _offer_entries_listed(user: User) -> QuerySet[OfferEntry]:
    """Officers open any entry (its form); others the published ones (the public page)."""
    return OfferEntry.objects.all() if is_council_staff(user) else OfferEntry.objects.published()


def _offer_entry_link(row: Row) -> str:
    if row["status"] == OfferEntry.Status.PUBLISHED and not row.get("staff"):
        return reverse("offer:entry", kwargs={"slug": row["slug"]})
    return reverse("offer:entry_edit", kwargs={"pk": row["pk"]})


def _meeting_item(row: Row) -> str:
    meeting = reverse("panels:meeting_detail", kwargs={"pk": row["item__meeting_id"]})
    return f"{meeting}#item-{row['item_id']}"


SOURCES: tuple[Source, ...] = (
    Source(
        key="reports",
        label="Reports",
        counted=lambda: Report.objects.all(),
        listed=lambda user: Report.objects.visible_to(user),
        day="item__meeting__date",
        fields=("title",),
        title=lambda row: row["title"],
        link=lambda row: reverse("panels:report_detail", kwargs={"pk": row["pk"]}),
        dated_by="the date of their meeting",
    ),
    Source(
        key="decisions",
        label="Decisions",
        counted=lambda: Resolution.objects.filter(is_action=False),
        listed=lambda user: Resolution.objects.visible_to(user).filter(is_action=False),
        day="item__meeting__date",
        fields=("text", "item_id", "item__meeting_id"),
        title=lambda row: _words(row["text"]),
        link=_meeting_item,
        dated_by="the date of their meeting (resolutions that are not actions)",
    ),
    Source(
        key="actions",
        label="Actions",
        counted=lambda: Resolution.objects.actions(),
        listed=lambda user: Resolution.objects.visible_to(user).actions(),
        day="item__meeting__date",
        fields=("text",),
        title=lambda row: _words(row["text"]),
        link=lambda row: reverse("panels:action_detail", kwargs={"pk": row["pk"]}),
        dated_by="the date of the meeting that set them",
    ),
    Source(
        key="engagements",
        label="Champions' engagements",
        counted=lambda: Engagement.objects.submitted(),
        listed=lambda user: Engagement.objects.visible_to(user).submitted(),
        day="date",
        fields=("kind", "area__name"),
        title=lambda row: " in ".join(
            part for part in (EngagementKind(row["kind"]).label, row["area__name"] or "") if part
        ),
        link=lambda row: reverse("champions:engagement_detail", kwargs={"pk": row["pk"]}),
        dated_by="the day of the engagement, once submitted",
    ),
    Source(
        key="offer_entries",
        label="Offer entries",
        counted=lambda: OfferEntry.objects.all(),
        listed=_offer_entries_listed,
        day="updated_at__date",
        fields=("title", "slug", "status"),
        title=lambda row: row["title"],
        link=_offer_entry_link,
        dated_by="the day they were last added or changed",
    ),
    Source(
        key="findings",
        label="Consultation findings",
        counted=lambda: Finding.objects.moderated(),
        listed=lambda user: Finding.objects.moderated(),
        day="consultation__held_from",
        fields=("statement", "consultation_id"),
        title=lambda row: _words(row["statement"]),
        link=lambda row: reverse(
            "voice:consultation_detail", kwargs={"pk": row["consultation_id"]}
        ),
        dated_by="the day their consultation was held, once moderated",
    ),
    Source(
        key="pledges",
        label="Partners' pledges",
        counted=lambda: Pledge.objects.made(),
        listed=lambda user: Pledge.objects.visible_to(user).made(),
        day="made_at__date",
        fields=("what",),
        title=lambda row: _words(row["what"]),
        link=lambda row: reverse("partners:pledge_detail", kwargs={"pk": row["pk"]}),
        dated_by="the day the partner made them",
        relation="principle",
    ),
)


@dataclass(frozen=True)
class Record:
    title: str
    url: str
    day: datetime.date


@dataclass
class Touch:
    """One source's part in one principle's year."""

    source: Source
    count: int = 0
    records: list[Record] = field(default_factory=list)

    @property
    def not_listed(self) -> int:
        """Counted but not listed: older than the newest LISTED, or not for this person to open."""
        return max(self.count - len(self.records), 0)


@dataclass
class PrincipleCoverage:
    principle: Principle
    touches: list[Touch]

    @property
    def total(self) -> int:
        return sum(touch.count for touch in self.touches)

    @property
    def is_touched(self) -> bool:
        """THE test of whether the year's work touched the principle."""
        return self.total > 0

    @property
    def through(self) -> list[Touch]:
        """The sources that touched it."""
        return [touch for touch in self.touches if touch.count]


@dataclass
class Coverage:
    year: PoliticalYear
    sources: tuple[Source, ...]
    rows: list[PrincipleCoverage]

    @property
    def touched(self) -> list[PrincipleCoverage]:
        return [row for row in self.rows if row.is_touched]

    @property
    def untouched(self) -> list[PrincipleCoverage]:
        return [row for row in self.rows if not row.is_touched]

    @property
    def totals(self) -> list[int]:
        """Per source, every time the year's work named a principle."""
        return [sum(row.touches[n].count for row in self.rows) for n in range(len(self.sources))]


def _in_year(rows: QuerySet[Any], source: Source, year: PoliticalYear) -> QuerySet[Any]:
    return rows.filter(**{f"{source.day}__range": (year.start, year.end)})


def _counts(source: Source, year: PoliticalYear) -> dict[int, int]:
    """{principle id: records naming it} in one grouped query."""
    counted = (
        _in_year(source.counted(), source, year)
        .order_by()
        .values(source.relation)
        .annotate(n=Count("pk", distinct=True))
    )
    return {row[source.relation]: row["n"] for row in counted if row[source.relation] is not None}


def _listed(source: Source, year: PoliticalYear, user: User) -> dict[int, list[Record]]:
    """{principle id: the newest records naming it that this person may open}: the pairs
    ranked by a window, with each record's fields, in one query."""
    newest_first = (F(source.day_field).desc(), F("pk").desc())
    ranked = (
        _in_year(source.listed(user), source, year)
        .annotate(named=F(source.relation))
        .filter(named__isnull=False)
        .annotate(rank=Window(RowNumber(), partition_by=F("named"), order_by=newest_first))
        .filter(rank__lte=LISTED)
        .order_by("named", "rank")
    )
    staff = is_council_staff(user)
    records: dict[int, Record] = {}  # a record naming several principles is made once
    listed: dict[int, list[Record]] = defaultdict(list)
    for row in ranked.values("named", "pk", source.day, *source.fields):
        record = records.get(row["pk"])
        if record is None:
            day = row[source.day]
            record = records[row["pk"]] = Record(
                title=source.title(row),
                url=source.link(row | {"staff": staff}),
                day=timezone.localdate(day) if isinstance(day, datetime.datetime) else day,
            )
        listed[row["named"]].append(record)
    return listed


def principles_coverage(
    year: PoliticalYear, *, user: User, sources: tuple[Source, ...] = SOURCES
) -> Coverage:
    """Each of the seven principles, with how often each source named it in the year and the
    newest of those records this person may open."""
    counts = [_counts(source, year) for source in sources]
    listed = [_listed(source, year, user) for source in sources]
    rows = [
        PrincipleCoverage(
            principle=principle,
            touches=[
                Touch(
                    source=source,
                    count=counts[n].get(principle.pk, 0),
                    records=listed[n].get(principle.pk, []),
                )
                for n, source in enumerate(sources)
            ],
        )
        for principle in Principle.objects.all()
    ]
    return Coverage(year=year, sources=sources, rows=rows)


def csv_rows(coverage: Coverage) -> Iterator[list[str]]:
    """The table as a spreadsheet. Counts of the council's work, not of children: no count is
    held back."""
    yield [
        "Principle",
        "Children and Social Work Act 2017",
        *[source.label for source in coverage.sources],
        f"Total {coverage.year.label}",
        "Touched this year",
    ]
    for row in coverage.rows:
        yield [
            str(row.principle),
            f"section 1(1)({row.principle.letter})",
            *[str(touch.count) for touch in row.touches],
            str(row.total),
            "Yes" if row.is_touched else "No: not touched this year",
        ]
