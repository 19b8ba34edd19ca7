"""What children and young people told us: counts per theme per quarter and for the political
year, the trend against the year before, where it came from, the moderated quotes and what was
done. Built here, in one place, for the members' page, its CSV and the public summary.

Counts come from four grouped queries (engagements, feedback, consultation findings, the
Children in Care Council's matters), whatever the number of records. Signed in, they count
submitted engagements, moderated feedback and moderated findings (a finding once per theme, dated
by its consultation); for the public, only what an officer chose to show ("You said, we did":
Engagement.objects.you_said_we_did(), Feedback.objects.you_said_we_did() and
Finding.objects.you_said_we_did()), and every count goes through public_count(). The Children in
Care Council's matters are read only once answered and shown publicly
(Matter.objects.you_said_we_did()), signed in or not.
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from champions.models import Engagement
from corporate_parenting.small_numbers import SMALL_NUMBER, public_count
from corporate_parenting.years import PoliticalYear, political_year_starting, years_later
from offer.models import Feedback
from panels.models import Resolution
from voice.matters import Matter
from voice.models import Finding, Quote, Theme

FIRST_YEAR = 2017  # the corporate parenting principles came in with the 2017 Act
SAID_SHOWN = 50  # quotes and answers of each source read for a page, newest first

# The sources a count can come from. The Children in Care Council's matters count once answered
# and shown publicly (Matter.objects.you_said_we_did()), by the date raised.
SOURCES = ("Engagements", "Feedback", "Consultations", "Children in Care Council")


@dataclass(frozen=True)
class Quarter:
    number: int
    start: datetime.date
    end: datetime.date

    @property
    def label(self) -> str:
        return f"Q{self.number} ({self.start:%b} to {self.end:%b})"

    @property
    def short_label(self) -> str:
        return f"Q{self.number}"


def quarters_of(year: PoliticalYear) -> tuple[Quarter, ...]:
    """The political year's four quarters, from the month it starts."""
    starts = [year.start + relativedelta(months=3 * n) for n in range(5)]
    return tuple(
        Quarter(number=n + 1, start=starts[n], end=starts[n + 1] - datetime.timedelta(days=1))
        for n in range(4)
    )


def year_choices(today: datetime.date | None = None) -> list[PoliticalYear]:
    """The political years a page may show, newest first: 2017/18 to the current one."""
    today = today or timezone.localdate()
    last = today.year + 1
    years = [political_year_starting(y) for y in range(FIRST_YEAR, last + 1)]
    return [y for y in reversed(years) if y.start <= today]


def comparable_window(
    year: PoliticalYear, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The part of the year before that this year is compared with: all of it for a year that
    has ended, up to the same day for the year under way."""
    today = today or timezone.localdate()
    counted_to = min(year.end, today)
    if counted_to < year.start:
        return None
    previous = year.previous()
    return previous.start, min(previous.end, years_later(counted_to, -1))


def comparable_period(
    start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The same period a year before: all of it for a period that has ended, up to the same day
    for one under way (a quarter chosen for a report)."""
    today = today or timezone.localdate()
    counted_to = min(end, today)
    if counted_to < start:
        return None
    return years_later(start, -1), years_later(counted_to, -1)


def trend(this_year: int, year_before: int) -> str:
    """THE trend of a theme's count against the same part of the year before."""
    if this_year == year_before:
        return "None either year" if this_year == 0 else "No change"
    if year_before == 0:
        return "New this year"
    return "Up" if this_year > year_before else "Down"


TOO_FEW = "Too few to compare"


def public_trend(this_year: int, year_before: int) -> str:
    """The trend as the public may read it: when both counts are small it is not given (it
    would tell "fewer than 5" apart, down to none), and a small count is never called none."""
    if this_year < SMALL_NUMBER and year_before < SMALL_NUMBER:
        return TOO_FEW
    if this_year == year_before:
        return "No change"
    return "Up" if this_year > year_before else "Down"


@dataclass(frozen=True)
class Said:
    """One "you said, we did" answer, or a quote: what young people said, never who."""

    date: datetime.date
    source: str
    said: str
    did: str = ""


@dataclass
class ThemeCounts:
    theme: Theme
    engagements: list[int]  # per quarter
    feedback: list[int]  # per quarter
    engagements_before: int = 0
    feedback_before: int = 0
    consultations: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # per quarter
    consultations_before: int = 0
    quarter: int | None = None  # the quarter chosen, if any
    council: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # per quarter
    council_before: int = 0
    quarter_before: int = 0  # every source's count in the same part of the quarter a year before
    quotes: list[Said] = field(default_factory=list)
    answers: list[Said] = field(default_factory=list)

    @property
    def quarters(self) -> list[int]:
        return [
            e + f + c + m
            for e, f, c, m in zip(
                self.engagements, self.feedback, self.consultations, self.council, strict=True
            )
        ]

    @property
    def year(self) -> int:
        return sum(self.quarters)

    @property
    def year_before(self) -> int:
        return (
            self.engagements_before
            + self.feedback_before
            + self.consultations_before
            + self.council_before
        )

    @property
    def trend(self) -> str:
        return trend(self.year, self.year_before)

    def _in_period(self, per_quarter: list[int]) -> int:
        return per_quarter[self.quarter - 1] if self.quarter else sum(per_quarter)

    @property
    def from_engagements(self) -> int:
        return self._in_period(self.engagements)

    @property
    def from_feedback(self) -> int:
        return self._in_period(self.feedback)

    @property
    def from_consultations(self) -> int:
        return self._in_period(self.consultations)

    @property
    def from_council(self) -> int:
        return self._in_period(self.council)

    @property
    def in_period(self) -> int:
        return (
            self.from_engagements + self.from_feedback + self.from_consultations + self.from_council
        )

    @property
    def public_year(self) -> str:
        return public_count(self.year)

    @property
    def by_source(self) -> list[int]:
        """The period's count from each of SOURCES, in order."""
        return [
            self.from_engagements,
            self.from_feedback,
            self.from_consultations,
            self.from_council,
        ]

    @property
    def period_before(self) -> int:
        """The count of the same part of the period (the year, or the quarter chosen) a year
        before."""
        return self.quarter_before if self.quarter else self.year_before

    @property
    def period_trend(self) -> str:
        return trend(self.in_period, self.period_before)

    @property
    def public_period_trend(self) -> str:
        return public_trend(self.in_period, self.period_before)

    @property
    def public_in_period(self) -> str:
        return public_count(self.in_period)

    @property
    def public_period_before(self) -> str:
        return public_count(self.period_before)

    @property
    def public_by_source(self) -> list[str]:
        return [public_count(n) for n in self.by_source]


@dataclass
class Told:
    year: PoliticalYear
    quarters: tuple[Quarter, ...]
    quarter: Quarter | None
    compared_with: tuple[datetime.date, datetime.date] | None
    rows: list[ThemeCounts]
    # The same part of the quarter chosen a year before, when a quarter is chosen.
    quarter_compared_with: tuple[datetime.date, datetime.date] | None = None

    @property
    def period_compared_with(self) -> tuple[datetime.date, datetime.date] | None:
        """What the period's trend compares it with: the same part of the year (or of the
        quarter chosen) a year before."""
        return self.quarter_compared_with if self.quarter else self.compared_with

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        if self.quarter is not None:
            return self.quarter.start, self.quarter.end
        return self.year.start, self.year.end

    @property
    def period_label(self) -> str:
        if self.quarter is not None:
            return f"{self.quarter.label} {self.year.label}"
        return self.year.label

    @property
    def has_counts(self) -> bool:
        return any(row.year or row.year_before for row in self.rows)

    @property
    def with_words(self) -> list[ThemeCounts]:
        return [row for row in self.rows if row.quotes or row.answers]


def _sources(public: bool) -> tuple[QuerySet[Engagement], QuerySet[Feedback], QuerySet[Finding]]:
    if public:
        return (
            Engagement.objects.you_said_we_did(),
            Feedback.objects.you_said_we_did(),
            Finding.objects.you_said_we_did(),
        )
    return Engagement.objects.submitted(), Feedback.objects.moderated(), Finding.objects.moderated()


def _grouped_counts(
    rows: QuerySet[Any], day: str, windows: dict[str, tuple[datetime.date, datetime.date]]
) -> dict[int, dict[str, int]]:
    """{theme id: {window name: count}} in one grouped query."""
    low = min(start for start, _ in windows.values())
    high = max(end for _, end in windows.values())
    counted = (
        rows.filter(**{f"{day}__range": (low, high)})
        .order_by()
        .values("themes")
        .annotate(
            **{
                name: Count("pk", filter=Q(**{f"{day}__range": window}))
                for name, window in windows.items()
            }
        )
    )
    return {row.pop("themes"): row for row in counted if row["themes"] is not None}


def _tagged(through: type[Any], column: str) -> Exists:
    """Tagged with at least one theme."""
    return Exists(through.objects.filter(**{column: OuterRef("pk")}))


def _themes_prefetch() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.only("pk", "name").order_by())


def _what_was_done(finding: Finding, public: bool) -> str:
    """What a finding led to: the moderator's words; signed in, else the actions it led to
    (their words only when they are in public minutes)."""
    if finding.we_did or public:
        return finding.we_did
    actions = list(finding.actions.all())
    # in_public_minutes is annotated by the prefetch in _said_in_consultations.
    readable = [
        f"Action: {action.text}"
        for action in actions
        if getattr(action, "in_public_minutes", False)
    ]
    if len(readable) < len(actions):
        readable.append("An action of the panel, in minutes not yet public")
    return "; ".join(readable)


def _said_in_consultations(
    findings: QuerySet[Finding], period: tuple[datetime.date, datetime.date], public: bool
) -> Iterator[tuple[list[int], Said, bool]]:
    """Approved quotes of the findings (signed in), and the findings that led to something
    ("you said, we did"). Findings as counted: moderated ones signed in, those chosen to be shown
    in public."""
    public_actions = Resolution.objects.public().filter(pk=OuterRef("pk"))
    shown = (
        findings.filter(_tagged(Finding.themes.through, "finding_id"))
        .filter(consultation__held_from__range=period)
        .select_related("consultation")
        .only("pk", "statement", "we_did", "consultation__title", "consultation__held_from")
        .prefetch_related(
            _themes_prefetch(),
            Prefetch("quotes", queryset=Quote.objects.readable().only("pk", "finding_id", "text")),
            Prefetch(
                "actions",
                queryset=Resolution.objects.only("pk", "text").annotate(
                    in_public_minutes=Exists(public_actions)
                ),
            ),
        )
        .order_by("-consultation__held_from", "-pk")[:SAID_SHOWN]
    )
    for finding in shown:
        themes = [t.pk for t in finding.themes.all()]
        when = finding.consultation.held_from
        source = f"Consultation: {finding.consultation.title}"
        # Quotes are read signed in only: the public summary gives counts and answers alone.
        quotes: list[Quote] = [] if public else list(finding.quotes.all())
        for quote in quotes:
            yield themes, Said(when, source, quote.text), True
        did = _what_was_done(finding, public)
        if did:
            yield themes, Said(when, source, finding.statement, did), False


def _said(
    engagements: QuerySet[Engagement],
    feedback: QuerySet[Feedback],
    period: tuple[datetime.date, datetime.date],
) -> Iterator[tuple[list[int], Said, bool]]:
    """(theme ids, what was said, whether it is a quote) for the tagged, public-safe words of the
    period, newest first, at most SAID_SHOWN of each source. Only what an officer chose to show
    ("You said, we did") is read, signed in or not: moderated words, never the raw text."""
    shown_feedback = (
        feedback.filter(
            _tagged(Theme.feedback.through, "feedback_id"), created_at__date__range=period
        )
        .only("pk", "created_at", "you_said", "we_did")
        .prefetch_related(_themes_prefetch())
        .order_by("-created_at", "-pk")[:SAID_SHOWN]
    )
    for item in shown_feedback:
        themes = [t.pk for t in item.themes.all()]
        when = item.created_at.date()
        yield themes, Said(when, "Feedback on the offer", item.you_said), True
        yield themes, Said(when, "Feedback on the offer", item.you_said, item.we_did), False
    shown_engagements = (
        engagements.filter(_tagged(Theme.engagements.through, "engagement_id"), date__range=period)
        .only("pk", "date", "young_people_said", "follow_up_response")
        .prefetch_related(_themes_prefetch())
        .order_by("-date", "-pk")[:SAID_SHOWN]
    )
    for engagement in shown_engagements:
        said = Said(
            engagement.date,
            "A champion's engagement",
            engagement.young_people_said,
            engagement.follow_up_response,
        )
        yield [t.pk for t in engagement.themes.all()], said, False


def _council_said(period: tuple[datetime.date, datetime.date]) -> Iterator[tuple[list[int], Said]]:
    """The Children in Care Council's answered matters shown publicly, raised in the period,
    newest first: what they asked and the response."""
    shown = (
        Matter.objects.you_said_we_did()
        .filter(raised_on__range=period)
        .select_related("raised_by")
        .only("pk", "raised_on", "asked", "response", "raised_by__name")
        .prefetch_related(_themes_prefetch())
        .order_by("-raised_on", "-pk")[:SAID_SHOWN]
    )
    for matter in shown:
        said = Said(matter.raised_on, matter.raised_by.name, matter.asked, matter.response)
        yield [t.pk for t in matter.themes.all()], said


def what_we_were_told(
    year: PoliticalYear,
    *,
    quarter: int | None = None,
    public: bool = False,
    today: datetime.date | None = None,
) -> Told:
    """Every theme's counts for the political year (one quarter of it for where it came from
    and what was said, when given), with the same part of the year before, and the words."""
    quarters = quarters_of(year)
    chosen = quarters[quarter - 1] if quarter in (1, 2, 3, 4) else None
    compared_with = comparable_window(year, today)
    windows = {f"q{q.number}": (q.start, q.end) for q in quarters}
    if compared_with is not None:
        windows["before"] = compared_with
    quarter_compared_with = (
        comparable_period(chosen.start, chosen.end, today) if chosen is not None else None
    )
    if quarter_compared_with is not None:
        windows["quarter_before"] = quarter_compared_with
    engagement_rows, feedback_rows, finding_rows = _sources(public)
    from_engagements = _grouped_counts(engagement_rows, "date", windows)
    from_feedback = _grouped_counts(feedback_rows, "created_at__date", windows)
    from_consultations = _grouped_counts(finding_rows, "consultation__held_from", windows)
    from_council = _grouped_counts(Matter.objects.you_said_we_did(), "raised_on", windows)
    period = (chosen.start, chosen.end) if chosen else (year.start, year.end)
    quotes: dict[int, list[Said]] = defaultdict(list)
    answers: dict[int, list[Said]] = defaultdict(list)
    said_anywhere = itertools.chain(
        _said(Engagement.objects.you_said_we_did(), Feedback.objects.you_said_we_did(), period),
        _said_in_consultations(finding_rows, period, public),
    )
    for theme_ids, said, is_quote in said_anywhere:
        for theme_id in theme_ids:
            (quotes if is_quote else answers)[theme_id].append(said)
    for theme_ids, said in _council_said(period):
        for theme_id in theme_ids:
            answers[theme_id].append(said)
    rows = []
    counted = (
        set(from_engagements) | set(from_feedback) | set(from_consultations) | set(from_council)
    )
    for theme in Theme.objects.all():
        if theme.is_retired and theme.pk not in counted:
            continue
        engagement = from_engagements.get(theme.pk, {})
        feedback = from_feedback.get(theme.pk, {})
        consultation = from_consultations.get(theme.pk, {})
        council = from_council.get(theme.pk, {})
        rows.append(
            ThemeCounts(
                theme=theme,
                engagements=[engagement.get(f"q{n}", 0) for n in range(1, 5)],
                feedback=[feedback.get(f"q{n}", 0) for n in range(1, 5)],
                engagements_before=engagement.get("before", 0),
                feedback_before=feedback.get("before", 0),
                consultations=[consultation.get(f"q{n}", 0) for n in range(1, 5)],
                consultations_before=consultation.get("before", 0),
                council=[council.get(f"q{n}", 0) for n in range(1, 5)],
                council_before=council.get("before", 0),
                quarter=chosen.number if chosen else None,
                quarter_before=engagement.get("quarter_before", 0)
                + feedback.get("quarter_before", 0)
                + consultation.get("quarter_before", 0)
                + council.get("quarter_before", 0),
                quotes=sorted(quotes[theme.pk], key=lambda s: s.date, reverse=True),
                answers=sorted(answers[theme.pk], key=lambda s: s.date, reverse=True),
            )
        )
    return Told(
        year=year,
        quarters=quarters,
        quarter=chosen,
        compared_with=compared_with,
        rows=rows,
        quarter_compared_with=quarter_compared_with,
    )


def csv_rows(told: Told) -> Iterator[list[str]]:
    """The members' table as a spreadsheet. It leaves the portal, so every count goes through
    public_count()."""
    quarter_labels = [q.label for q in told.quarters]
    before = told.year.previous().label
    yield [
        "Theme",
        *quarter_labels,
        f"Year {told.year.label}",
        f"Same part of {before}",
        "Trend",
        *[f"{source}, {told.period_label}" for source in SOURCES],
    ]
    for row in told.rows:
        yield [
            row.theme.name + (" (retired)" if row.theme.is_retired else ""),
            *[public_count(n) for n in row.quarters],
            public_count(row.year),
            public_count(row.year_before),
            row.trend,
            public_count(row.from_engagements),
            public_count(row.from_feedback),
            public_count(row.from_consultations),
            public_count(row.from_council),
        ]


# Quotes and answers a panel report prints for each theme, newest first.
REPORT_WORDS = 3


def told_for_report(
    year: PoliticalYear,
    *,
    quarter: int | None = None,
    theme_ids: Collection[int] = (),
    today: datetime.date | None = None,
) -> Told:
    """What a panel report prints of what children and young people told us. A report is public
    once published on a public item, so it is always the public view, whoever reads it: only
    what an officer chose to show is counted and quoted, and the report prints every count
    through public_count(). The themes chosen (none chosen: every active theme), with the
    REPORT_WORDS newest answers ("you said, we did") and quotes of each."""
    told = what_we_were_told(year, quarter=quarter, public=True, today=today)
    chosen = set(theme_ids)
    rows = [
        row for row in told.rows if (row.theme.pk in chosen if chosen else not row.theme.is_retired)
    ]
    told.rows = []
    for row in rows:
        answers = row.answers[:REPORT_WORDS]
        # A quote printed as an answer's "You said" is not printed twice.
        answered = {(said.date, said.said) for said in answers}
        quotes = [q for q in row.quotes if (q.date, q.said) not in answered][:REPORT_WORDS]
        told.rows.append(replace(row, quotes=quotes, answers=answers))
    return told
