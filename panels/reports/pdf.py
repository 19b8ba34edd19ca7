"""A panel report as a PDF in the council's layout, and the machinery the agenda pack shares.

The layout: a front block (report to, date, title, report of, author, exempt or not, strategic
priorities), then numbered sections, 1. Purpose, 2. Recommendations, 3. Summary, the report's own
sections, the KPI scorecard, the implications and the list of annexes, with their paragraphs
numbered 4.1, 4.2... by the print stylesheet. Section numbers are computed here, once.

Annexes are uploaded PDFs. Each is laid out as blank placeholder pages that carry the running
header and the page numbers, and as WeasyPrint writes the document each annex page is drawn under
its placeholder (corporate_parenting.pdf.Underlay), so the tags, bookmarks, links and page numbers
of the document stay whole and "Page X of Y" counts the annex pages too. An annex that cannot be
read or drawn never stops the document: a page names it as not included, and the log says why.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from pypdf import PdfReader
from weasyprint import Document

from corporate_parenting.models import SiteSettings
from corporate_parenting.pdf import Underlay, render_document, write_pdf
from offer.embed import embed_kpis
from panels.models import AgendaItem
from panels.reports.annexes import check_drawable, open_pdf
from panels.reports.markup import render_markup
from panels.reports.models import Report, ReportAnnex
from panels.reports.voice import HEADING as VOICE_HEADING
from panels.reports.voice import report_voice, voice_printed
from strategy.progress import PriorityProgress, progress_of
from voice.told import SOURCES, Told

logger = logging.getLogger(__name__)

MM = 72 / 25.4
# The area of an annex placeholder page that the annex is scaled into: A4 inside the margins and
# padding of @page annex in static/scss/print.scss (top 18 + 3 mm, sides 12 mm, bottom 16 mm).
ANNEX_BOX = (12 * MM, 16 * MM, 186 * MM, 260 * MM)  # x, y, width, height from the bottom left

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
DRAFT = "DRAFT"


def item_number(item: AgendaItem) -> str:
    """The number an agenda item goes by on the agenda and in its papers: its place on the
    agenda. Minute numbers (CPP20) belong to the minutes: writing them never renumbers a pack
    already sent."""
    return str(item.position)


def item_heading(item: AgendaItem) -> str:
    number = item_number(item)
    return f"{number}. {item.title}" if number.isdigit() else f"{number} {item.title}"


def exempt_line(item: AgendaItem) -> str:
    if not item.is_exempt:
        return "Not exempt"
    return f"Exempt: paragraph {item.exempt_paragraph} of Schedule 12A"


@dataclass
class Annex:
    """An annex with the ids of its placeholder pages, one per page of its PDF."""

    annex: ReportAnnex
    pdf: PdfReader | None
    anchors: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Annex {self.annex.letter}: {self.annex.title}"

    @property
    def page_count(self) -> int:
        return len(self.anchors)

    @property
    def name(self) -> str:
        return f"Annex {self.annex.pk} of report {self.annex.report_id}"

    def leave_out(self) -> None:
        """Print it as an annex that could not be included, with no pages of its own."""
        self.pdf = None
        self.anchors = []


@dataclass
class Part:
    """One numbered section of a report. kind: recommendations, html, kpis, strategy, voice,
    implications, annexes; what it holds depends on the kind."""

    number: int
    heading: str
    kind: str
    html: SafeString | None = None
    lines: list[str] = field(default_factory=list)
    pairs: list[tuple[str, SafeString]] = field(default_factory=list)
    progress: list[PriorityProgress] = field(default_factory=list)
    told: Told | None = None  # voice: what children and young people have told us
    sources: tuple[str, ...] = ()


@dataclass
class ReportLayout:
    report: Report
    number: str
    anchor: str
    marking: str
    parts: list[Part]
    annexes: list[Annex]

    @property
    def item(self) -> AgendaItem:
        return self.report.item

    @property
    def exempt_line(self) -> str:
        return exempt_line(self.report.item)

    @property
    def bookmark(self) -> str:
        return item_heading(self.report.item)


def _open_annex(annex: ReportAnnex) -> PdfReader | None:
    """The annex's PDF, or None when the file is missing or not a readable PDF (the document
    then says so where the annex would be)."""
    try:
        with annex.file.open("rb") as handle:
            return open_pdf(handle.read())
    except (OSError, ValueError, ValidationError):
        logger.exception("Annex %s of report %s is not readable", annex.pk, annex.report_id)
        return None


def _annexes(report: Report, anchor: str) -> list[Annex]:
    annexes = []
    for annex in report.annexes.all():
        pdf = _open_annex(annex)
        pages = len(pdf.pages) if pdf is not None else 0
        anchors = [f"{anchor}-annex-{annex.pk}-page-{n}" for n in range(1, pages + 1)]
        annexes.append(Annex(annex=annex, pdf=pdf, anchors=anchors))
    return annexes


ID_ATTRIBUTES = re.compile(r'\b(id|aria-labelledby|aria-describedby)="([^"]*)"')


def _scoped_ids(html: str, prefix: str) -> SafeString:
    """The same markup with its ids made unique to one report: a pack holds many reports, and
    two of them may show the same indicator's chart."""
    return mark_safe(  # noqa: S308 - only attribute values of safe markup change
        ID_ATTRIBUTES.sub(
            lambda m: f'{m[1]}="{" ".join(prefix + name for name in m[2].split())}"', html
        )
    )


def _parts(report: Report, annexes: list[Annex]) -> list[Part]:
    parts: list[Part] = []

    def add(heading: str, kind: str, **content: object) -> None:
        parts.append(Part(len(parts) + 1, heading, kind, **content))  # type: ignore[arg-type]  # content holds Part's own fields, typed per kind

    # The officer's Markdown, printed as the report's web page shows it (panels.reports.markup).
    if report.purpose.strip():
        add("Purpose of the report", "html", html=render_markup(report.purpose))
    add("Recommendations", "recommendations", lines=report.recommendation_list)
    if report.summary.strip():
        add("Summary", "html", html=render_markup(report.summary))
    for section in report.sections.all():
        # body_html was cleaned by panels.reports.markup when it was saved.
        add(section.heading, "html", html=mark_safe(section.body_html))  # noqa: S308
    codes = [indicator.code for indicator in report.indicators.all()]
    if codes:
        add("Performance", "kpis", html=_scoped_ids(embed_kpis(codes), f"report-{report.pk}-"))
    # The strategic priorities the report addresses that have objectives, with their progress.
    progress = [p for p in progress_of(report.priorities.all()) if p.objectives]
    if progress:
        add("Strategic priorities: progress", "strategy", progress=progress)
    told = report_voice(report)
    if told is not None:
        add(f"{VOICE_HEADING}, {told.period_label}", "voice", told=told, sources=SOURCES)
    implications = [
        (label, render_markup(text.strip()))
        for label, text in (
            ("Financial", report.financial_implications),
            ("Legal", report.legal_implications),
            ("Equalities", report.equalities_implications),
            ("Risk management", report.risk_implications),
        )
        if text.strip()
    ]
    if implications:
        add("Implications", "implications", pairs=implications)
    if annexes:
        add("Annexes", "annexes")
    return parts


def report_layout(report: Report, *, anchor: str | None = None) -> ReportLayout:
    """Everything the report partial (templates/panels/pdf/_report.html) prints."""
    anchor = anchor or f"report-{report.pk}"
    marking = []
    if not report.is_published:
        marking.append(DRAFT)
    if report.item.is_exempt:
        marking.append(NOT_FOR_PUBLICATION)
    annexes = _annexes(report, anchor)
    return ReportLayout(
        report=report,
        number=item_number(report.item),
        anchor=anchor,
        marking=" – ".join(marking),
        parts=_parts(report, annexes),
        annexes=annexes,
    )


class Placed(Protocol):
    """A PDF drawn under placeholder pages, one anchor a page: an annex, or a report uploaded
    as a file (panels.reports.papers.Paper)."""

    pdf: PdfReader | None
    anchors: list[str]

    @property
    def name(self) -> str: ...

    def leave_out(self) -> None: ...


def _underlays(document: Document, annexes: Sequence[Placed]) -> list[Underlay]:
    wanted = {anchor: (a, n) for a in annexes for n, anchor in enumerate(a.anchors)}
    underlays = []
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in wanted:
                annex, number = wanted[anchor]
                assert annex.pdf is not None  # only readable annexes have placeholder pages
                underlays.append(Underlay(index, annex.pdf.pages[number], ANNEX_BOX))
    return underlays


def _leave_out_undrawable(annexes: Sequence[Placed]) -> bool:
    """After the document could not be written: leave out each annex whose pages cannot be
    drawn (a file stored before uploads were checked for it), or, when no single one is to
    blame, every annex. False when there was no annex to leave out."""
    drawn = [a for a in annexes if a.pdf is not None]
    blamed = []
    for annex in drawn:
        assert annex.pdf is not None
        try:
            check_drawable(annex.pdf)
        except ValidationError:
            logger.exception("%s cannot be drawn: left out", annex.name)
            blamed.append(annex)
    if drawn and not blamed:
        logger.error("No single annex is to blame: every annex is left out")
    for annex in blamed or drawn:
        annex.leave_out()
    return bool(drawn)


def render_with_annexes(
    template: str,
    context: dict[str, object],
    annexes: Sequence[Placed],
    *,
    bookmark_order: Sequence[str] = (),
) -> tuple[bytes, int]:
    """Render the template and draw each annex page under its placeholder page. Returns the PDF
    and its number of pages. An annex that stops the PDF being written is left out (and named
    as not included), and the document is made again without it. bookmark_order: see
    write_pdf."""
    document = render_document(template, context)
    try:
        pdf = write_pdf(document, _underlays(document, annexes), bookmark_order=bookmark_order)
        return pdf, len(document.pages)
    except Exception:
        logger.warning(
            "A document with annexes could not be written: trying without some", exc_info=True
        )
        if not _leave_out_undrawable(annexes):
            raise
    document = render_document(template, context)
    pdf = write_pdf(document, _underlays(document, annexes), bookmark_order=bookmark_order)
    return pdf, len(document.pages)


def report_for_pdf(pk: int) -> Report:
    return Report.objects.for_page().get(pk=pk)


def report_filename(report: Report) -> str:
    meeting = report.item.meeting
    return f"report-{meeting.date:%Y-%m-%d}-{slugify(report.title)[:60] or report.pk}.pdf"


def render_report_pdf(report: Report) -> bytes:
    """One report, with its annexes after it, as the council prints it."""
    layout = report_layout(report)
    pdf, _pages = render_with_annexes(
        "panels/pdf/report.html",
        {"layout": layout, "report": report, "meeting": report.item.meeting},
        layout.annexes,
    )
    return pdf


def report_pdf_cached(report: Report) -> bytes:
    """The report PDF, made once per version of what it prints and kept for an hour (so KPI
    figures that change under it show within the hour): asking again never renders again."""
    item, meeting = report.item, report.item.meeting
    parts = [
        report.pk,
        report.version,
        report.status,
        report.updated_at.isoformat(),
        item.is_exempt,
        item.exempt_paragraph,
        item.title,
        meeting.date.isoformat(),
        meeting.body.name,
        SiteSettings.load().updated_at.isoformat(),
        *(a.sha256 for a in report.annexes.all()),
        # What the voice section prints (the public view, read live): a change shows at once.
        voice_printed(report_voice(report)),
    ]
    key = "report-pdf:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    data = cache.get(key)
    if data is None:
        data = render_report_pdf(report)
        cache.set(key, data, timeout=3600)
    return data
