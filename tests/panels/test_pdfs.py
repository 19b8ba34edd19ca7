"""Every PDF the portal makes is tagged, and a panel report prints in the council's layout."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject

from panels.reports.pdf import render_report_pdf
from tests.bench.pack import build_pack_meeting, make_indicators, make_report
from tests.documents import blank_pdf
from tests.panels.factories import AgendaItemFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def tagged_reader(pdf: bytes) -> PdfReader:
    """The PDF, once it is shown to be tagged: a structure tree, marked, a language, a title."""
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    assert "/StructTreeRoot" in root
    mark_info = root["/MarkInfo"].get_object()
    assert isinstance(mark_info, DictionaryObject)
    assert mark_info["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None and (reader.metadata.title or "").strip()
    return reader


def unreadable_page_pdf() -> bytes:
    """A PDF that opens and counts its pages, but whose page's content is a number, not a
    stream: it cannot be drawn."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.pages[0][NameObject("/Contents")] = NumberObject(5)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _minutes_meeting() -> dict:
    meeting = MeetingFactory(status="minutes_draft", body__name="Care Leavers Board")
    AgendaItemFactory(meeting=meeting, position=1, title="Minutes")
    return {"pk": meeting.pk}


def _report() -> dict:
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    return {"pk": meeting.items.get(title="Item of business 1").written_report.pk}


PDF_URLS = [
    ("champions:report_pdf", None, "Report sponsor"),
    ("panels:minutes_pdf", _minutes_meeting, "CARE LEAVERS BOARD"),
    ("events:diary_pdf", None, "Dates for the Diary"),
    ("offer:scorecard_pdf", None, "KPI scorecard"),
    ("offer:booklet", None, "Our offer to you"),
    ("panels:report_pdf", _report, "Care leavers report 1"),
]


@pytest.mark.parametrize(("name", "kwargs", "expected"), PDF_URLS)
def test_every_pdf_is_tagged_with_a_language_and_a_title(client_for, name, kwargs, expected):
    response = client_for("admin").get(reverse(name, kwargs=kwargs() if kwargs else None))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    reader = tagged_reader(response.content)
    assert expected.lower() in text_of(reader).lower()


def test_report_prints_the_front_block_and_numbered_sections():
    meeting = build_pack_meeting(reports=1, sections=2, indicators=1)
    report = meeting.items.get(title="Item of business 1").written_report
    reader = tagged_reader(render_report_pdf(report))
    text = text_of(reader)
    for expected in (
        "Report to",
        "Corporate Parenting Panel",
        "Report of",
        "Dr Morgan Hale, Director of Children's Services",
        "Author and contact",
        "participation@example.org",
        "Not exempt",
        "Education, employment and training, Stability",
        "1. Purpose of the report",
        "2. Recommendations",
        "2.1 That the panel notes the update.",
        "3. Summary",
        "4. Background",
        "4.1 Since the last report",
        "5. Progress in quarter 2",
        "6. Performance",
        "7. Implications",
        "8. Annexes",
        "Annex A: Placement sufficiency data (1 page)",
    ):
        assert expected in text, expected
    # The section's table, the KPI table and its chart.
    flat = " ".join(text.split())
    assert "Pathway plans reviewed on time 81% 86% 91%" in flat
    assert "Care leavers in education, employment or training (1)" in flat
    # The annex comes after the report, counted in its page numbers, under the running header.
    last = reader.pages[-1].extract_text()
    assert "Annex of report 1" in last
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last
    assert "Care leavers report 1: Annex A" in last
    assert [o.title for o in reader.outline if not isinstance(o, list)] == ["4. Item of business 1"]


def test_exempt_report_says_so_on_every_page():
    meeting = build_pack_meeting(reports=1, sections=3, indicators=0, exempt=(1,))
    report = meeting.items.get(title="Item of business 1").written_report
    reader = tagged_reader(render_report_pdf(report))
    assert "Exempt: paragraph 1 of Schedule 12A" in reader.pages[0].extract_text()
    for page in reader.pages[1:]:
        assert "NOT FOR PUBLICATION" in page.extract_text()


def test_annex_that_is_not_a_pdf_is_named_not_merged():
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    annex = report.annexes.get()
    annex.file.save("broken.pdf", ContentFile(b"not a pdf"), save=True)
    text = text_of(tagged_reader(render_report_pdf(report)))
    assert "could not be included" in text


def test_an_annex_of_blank_pages_is_merged_as_its_pages(client_for):
    """A page with no content stream (pypdf's add_blank_page makes one) is a blank page."""
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    report.annexes.get().file.save("blank.pdf", ContentFile(blank_pdf()), save=True)
    response = client_for("anonymous").get(reverse("panels:report_pdf", args=[report.pk]))
    assert response.status_code == 200
    reader = tagged_reader(response.content)
    text = text_of(reader)
    assert "could not be included" not in text
    assert "Annex A: Placement sufficiency data (1 page)" in text
    last = reader.pages[-1].extract_text()
    assert "Care leavers report 1: Annex A" in last
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last


def test_an_annex_that_cannot_be_drawn_is_named_in_the_report_not_an_error(client_for, caplog):
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    annex = report.annexes.get()
    annex.file.save("unreadable.pdf", ContentFile(unreadable_page_pdf()), save=True)
    response = client_for("anonymous").get(reverse("panels:report_pdf", args=[report.pk]))
    assert response.status_code == 200
    reader = tagged_reader(response.content)
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Annex A: Placement sufficiency data" in last
    assert "This annex could not be included" in last
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last
    logged = [r for r in caplog.records if r.levelname == "ERROR" and r.exc_info]
    assert any(f"Annex {annex.pk} of report {report.pk}" in r.getMessage() for r in logged)


def test_rotated_annex_pages_are_drawn_upright():
    from pypdf import PdfWriter

    from tests.bench.pack import annex_pdf

    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(annex_pdf("Landscape annex"))))
    writer.pages[0].rotate(90)
    buffer = io.BytesIO()
    writer.write(buffer)
    report.annexes.get().file.save("rotated.pdf", ContentFile(buffer.getvalue()), save=True)
    reader = tagged_reader(render_report_pdf(report))
    assert "Landscape annex" in reader.pages[-1].extract_text()


def _report_in(meeting, *, public: bool, exempt: bool = False, published: bool = True):
    from tests import factories as core

    item = AgendaItemFactory(
        meeting=meeting, is_exempt=exempt, exempt_paragraph="3" if exempt else ""
    )
    return make_report(
        item,
        title="Visible report",
        sponsor=core.officer(),
        author=core.officer(),
        published=published,
        sections=1,
        annex_pages=0,
    )


@pytest.mark.parametrize(
    ("role", "kind", "status"),
    [
        ("anonymous", "public", 200),
        ("anonymous", "exempt", 404),
        ("anonymous", "unpublished", 404),
        ("councillor", "exempt", 404),  # not a member of the body
        ("member", "exempt", 200),
        ("member", "unpublished", 404),
        ("officer", "unpublished", 200),
        ("admin", "exempt", 200),
    ],
)
def test_report_pdf_is_served_to_whoever_may_read_the_report(
    client_for, user_for_role, role, kind, status
):
    meeting = MeetingFactory(
        body__is_public=True, status="agenda_published", agenda_published_at=timezone.now()
    )
    report = _report_in(
        meeting, public=True, exempt=kind == "exempt", published=kind != "unpublished"
    )
    if role == "member":
        MembershipFactory(body=meeting.body, user=user_for_role["councillor"])
        role = "councillor"
    response = client_for(role).get(reverse("panels:report_pdf", args=[report.pk]))
    assert response.status_code == status
    if status == 200:
        assert re.match(
            r'inline; filename="report-\d{4}-\d\d-\d\d-visible-report\.pdf"',
            response["Content-Disposition"],
        )


def test_indicators_without_figures_still_print():
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    indicator = make_indicators(1)[0]
    indicator.measurements.all().delete()
    report.indicators.set([indicator])
    text = text_of(tagged_reader(render_report_pdf(report)))
    assert "No figures yet" in text


def test_markdown_in_the_summary_and_implications_prints_as_the_page_shows_it():
    meeting = build_pack_meeting(reports=1, sections=0, indicators=0)
    report = meeting.items.get(title="Item of business 1").written_report
    report.summary = "Ongoing = 12 young people.\n\n- first point\n- second point"
    report.financial_implications = "See [the budget](https://example.org/budget).\n\n- Costs met"
    report.legal_implications = "JavaScript: a course is not a legal matter."
    report.save()
    text = text_of(tagged_reader(render_report_pdf(report)))
    flat = " ".join(text.split())
    assert "Ongoing = 12 young people." in flat
    assert "first point" in flat and "- first point" not in flat
    assert "See the budget." in flat and "[the budget]" not in flat and "](https" not in flat
    assert "Costs met" in flat and "- Costs met" not in flat
    assert "Financial" in flat and "Legal" in flat
    assert "JavaScript: a course is not a legal matter." in flat
