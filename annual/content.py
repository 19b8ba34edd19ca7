"""What an annual report holds, worked out in one place: its year, its sections (frozen at
approval, assembled from the records before), the comparison with last year's report, and the
narrative as HTML. Pages, PDFs and the feed all read these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.safestring import SafeString

from annual.assemble import assemble
from annual.models import (
    NARRATIVE_FIELDS,
    SECTION_TITLES,
    AnnualReport,
    AnnualSettings,
    YearStart,
)
from annual.snapshot import SECTION_KEYS, Section
from corporate_parenting.models import SiteSettings
from corporate_parenting.years import PoliticalYear, political_year_for, political_year_starting
from panels.reports.markup import render_markup

APRIL = 4
NOT_READY = "The portal cannot assemble this section yet: it will appear here when it can."


def start_month(settings: AnnualSettings | None = None) -> int:
    """The month the council's report year starts: April, or its municipal year's month."""
    settings = settings or AnnualSettings.load()
    if settings.year_start == YearStart.APRIL:
        return APRIL
    return SiteSettings.load().political_year_start_month


def year_starting(start_year: int, settings: AnnualSettings | None = None) -> PoliticalYear:
    return political_year_starting(start_year, start_month(settings))


def last_full_year(today: date, settings: AnnualSettings | None = None) -> PoliticalYear:
    """The latest year that has ended by today: the year an annual report is usually for."""
    return political_year_for(today, start_month(settings)).previous()


def report_period(report: AnnualReport) -> PoliticalYear:
    return PoliticalYear(start=report.period_start, end=report.period_end)


def _not_ready(key: str) -> Section:
    return Section(
        key=key, title=SECTION_TITLES.get(key, key.capitalize()), summary=NOT_READY, empty=True
    )


def assemble_sections(period: PoliticalYear, keys: list[str]) -> list[Section]:
    """The sections from the records now. A section whose builder the portal does not have yet
    says so rather than stopping the report."""
    sections = []
    for key in keys:
        if key not in SECTION_KEYS:
            continue
        try:
            sections.extend(assemble(period, [key]))
        except ModuleNotFoundError as error:
            if error.name != f"annual.sections.{key}":
                raise
            sections.append(_not_ready(key))
    return sections


def frozen_sections(report: AnnualReport) -> list[Section] | None:
    if report.frozen is None:
        return None
    return [Section.from_dict(data) for data in report.frozen["sections"]]


def report_sections(report: AnnualReport) -> list[Section]:
    """What the report prints: the sections frozen when the panel approved it, or, for a draft,
    the sections as the records stand now."""
    frozen = frozen_sections(report)
    if frozen is not None:
        return frozen
    return assemble_sections(report_period(report), list(report.section_keys))


def previous_report(report: AnnualReport) -> AnnualReport | None:
    """Last year's published report of the same body, if there is one."""
    return (
        AnnualReport.objects.published()
        .filter(body_id=report.body_id, start_year=report.start_year - 1)
        .exclude(pk=report.pk)
        .first()
    )


@dataclass(frozen=True)
class Compared:
    section: str
    label: str
    before: str
    now: str
    change: str  # "up 4", "down 2", "no change", "" when either is not a number


def _change(before: float | None, now: float | None) -> str:
    if before is None or now is None:
        return ""
    difference = now - before
    if difference == 0:
        return "no change"
    shown = f"{abs(difference):g}"
    return f"up {shown}" if difference > 0 else f"down {shown}"


def compare(now: list[Section], before: list[Section]) -> list[Compared]:
    """Figures in both years, matched by section key and figure key, in this year's order."""
    earlier = {(s.key, f.key): f for s in before for f in s.figures}
    rows = []
    for section in now:
        for figure in section.figures:
            previous = earlier.get((section.key, figure.key))
            if previous is None:
                continue
            rows.append(
                Compared(
                    section=section.title,
                    label=figure.label,
                    before=previous.value,
                    now=figure.value,
                    change=_change(previous.number, figure.number),
                )
            )
    return rows


@dataclass
class ReportView:
    """Everything the page and the PDFs print of a report."""

    report: AnnualReport
    sections: list[Section]
    narrative: dict[str, SafeString]
    previous: AnnualReport | None
    comparison: list[Compared]

    @property
    def is_frozen(self) -> bool:
        return self.report.frozen is not None

    @property
    def young_sections(self) -> list[Section]:
        """The sections with plain-English lines for the young person's version."""
        return [section for section in self.sections if section.young]


def report_view(report: AnnualReport) -> ReportView:
    sections = report_sections(report)
    previous = previous_report(report)
    before = frozen_sections(previous) if previous is not None else None
    return ReportView(
        report=report,
        sections=sections,
        narrative={
            name: render_markup(getattr(report, name))
            for name in NARRATIVE_FIELDS
            if getattr(report, name).strip()
        },
        previous=previous,
        comparison=compare(sections, before) if before else [],
    )
