"""The agenda pack a clerk sends: uploaded papers merged (Word and OpenDocument converted), the
previous minutes and the action log inside, "to follow" for papers not yet published, the
standard wording of each item, the exclusion of the press and public, a front sheet with the
despatch date, quorum and notes for the public, and page numbers that are true."""

import datetime
import io
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from corporate_parenting.models import SiteSettings
from corporate_parenting.reminders.links import absolute
from panels.models import AgendaItem
from panels.reports import papers as papers_module
from panels.reports.pack import build_pack
from tests.bench.pack import (
    attach_paper,
    build_pack_meeting,
    make_report,
    odt_document,
    paper_pdf,
    previous_meeting_with_minutes,
)
from tests.documents import office_zip
from tests.panels.test_pdfs import tagged_reader

pytestmark = pytest.mark.django_db

EXEMPT_PAPER = "Provider contract terms"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting():
    """The standard items, two written reports (the second exempt, paragraph 1), then uploaded
    papers: a 3-page PDF, a 1-page PDF, an OpenDocument text, a spreadsheet, an exempt PDF
    (paragraph 3); a commissioned report not yet published; the previous meeting's minutes in
    draft, with an open action of a public item and one of an exempt item."""
    meeting = build_pack_meeting(reports=2, sections=1, indicators=0, exempt=(2,))
    body = meeting.body
    body.quorum = 3
    body.save()
    settings = SiteSettings.load()
    settings.contact_email = "democracy@anytown.example.org"
    settings.save()
    cache.delete(SiteSettings.CACHE_KEY)
    meeting.next_meeting_date = meeting.date + datetime.timedelta(days=63)
    meeting.next_meeting_time = datetime.time(18, 30)
    meeting.save()
    closing = meeting.items.get(kind="next_meeting")
    closing.position = 12
    closing.save()
    position = 6
    uploads = (
        ("Placement sufficiency", "sufficiency.pdf", paper_pdf("Placement sufficiency", 3)),
        ("Virtual School headteacher", "virtual-school.pdf", paper_pdf("Virtual School", 1)),
        ("Local offer refresh", "local-offer.odt", odt_document("Local offer for care leavers")),
        ("Budget monitoring", "budget.xlsx", office_zip("xlsx")),
    )
    for title, name, data in uploads:
        item = AgendaItem.objects.create(meeting=meeting, position=position, title=title)
        attach_paper(item, name, data)
        position += 1
    exempt = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        title="Residential provider contract",
        is_exempt=True,
        exempt_paragraph="3",
    )
    attach_paper(exempt, "contract.pdf", paper_pdf(EXEMPT_PAPER, 2))
    late = AgendaItem.objects.create(
        meeting=meeting, position=position + 1, title="Fostering recruitment"
    )
    sponsor = meeting.items.get(title="Item of business 1").written_report.sponsor
    make_report(
        late,
        title="Fostering recruitment report",
        sponsor=sponsor,
        author=sponsor,
        published=False,
        sections=1,
        annex_pages=0,
    )
    previous_meeting_with_minutes(meeting)
    return meeting


def pdf_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def agenda_rows(texts: list[str], meeting) -> dict[str, Any]:
    """What the agenda prints in its page column for each item, by "N. title": (first, last)
    page, "To follow", or "" for nothing. The agenda is the page headed Agenda (and the next,
    when it runs over)."""
    start = next(i for i, t in enumerate(texts) if t.startswith("Agenda"))
    lines = [line.strip() for t in texts[start : start + 2] for line in t.splitlines()]
    items = list(meeting.items.order_by("position"))
    at = [
        next(n for n, line in enumerate(lines) if line.startswith(f"{i.position} {i.title}"))
        for i in items
    ]
    rows: dict[str, Any] = {}
    for index, item in enumerate(items):
        end = at[index + 1] if index + 1 < len(items) else len(lines)
        first_line = lines[at[index]][len(f"{item.position} {item.title}") :].strip()
        column = [first_line, *lines[at[index] + 1 : end]]
        found = next((c for c in column if c == "To follow" or re.fullmatch(r"\d+(-\d+)?", c)), "")
        if re.fullmatch(r"\d+(-\d+)?", found):
            first, _, last = found.partition("-")
            rows[f"{item.position}. {item.title}"] = (int(first), int(last or first))
        else:
            rows[f"{item.position}. {item.title}"] = found
    return rows


def first_page_with(texts: list[str], text: str) -> int:
    return next(n for n, page in enumerate(texts, start=1) if text in flat(page))


def test_agenda_page_numbers_are_where_each_paper_starts_and_ends(meeting):
    pdf, page_count = build_pack(meeting, "full")
    texts = pdf_texts(pdf)
    rows = agenda_rows(texts, meeting)
    # Each paper's running title (or its first heading) is on the page the agenda gives.
    starts = {
        "2. Minutes of the last meeting": "DRAFT MINUTES",
        "3. Action log": "Item 3: Action log",
        "4. Item of business 1": "Care leavers report 1",
        "5. Item of business 2": "Exempt report 2",
        "6. Placement sufficiency": "Item 6: Placement sufficiency",
        "7. Virtual School headteacher": "Item 7: Virtual School headteacher",
        "8. Local offer refresh": "Item 8: Local offer refresh",
        "9. Budget monitoring": "Item 9: Budget monitoring",
        "10. Residential provider contract": "Item 10: Residential provider contract",
    }
    for heading, marker in starts.items():
        assert heading in rows, heading
        first, last = rows[heading]
        assert first == first_page_with(texts, marker), heading
        assert f"Page {first} of {page_count}" in texts[first - 1]
    # An uploaded PDF is merged page for page: 3 pages is "N-N+2"; one page is "N".
    first, last = rows["6. Placement sufficiency"]
    assert last == first + 2
    assert "Placement sufficiency" in texts[first - 1] and "Page 3 of 3" in texts[last - 1]
    assert rows["7. Virtual School headteacher"][0] == rows["7. Virtual School headteacher"][1]
    assert "Item 7: Virtual School headteacher" not in texts[rows["8. Local offer refresh"][0] - 1]
    # The Word/OpenDocument paper is converted, its own text in the pack.
    converted = rows["8. Local offer refresh"][0]
    assert "Local offer for care leavers" in texts[converted - 1]
    # Not yet published: "To follow", never a blank page column.
    assert rows["11. Fostering recruitment"] == "To follow"


def test_bookmarks_run_in_agenda_order(meeting):
    pdf, _ = build_pack(meeting, "full")
    reader = tagged_reader(pdf)
    top = [str(b.title) for b in reader.outline if not isinstance(b, list)]
    numbers = [int(t.split(".")[0]) for t in top[1:]]
    assert top[0] == "Agenda"
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers)) == 12
    assert "6. Placement sufficiency" in top and "2. Minutes of the last meeting" in top


def test_front_sheet_and_agenda_wording(meeting):
    pdf, _ = build_pack(meeting, "public")
    texts = pdf_texts(pdf)
    front = flat(texts[0])
    published = meeting.agenda_published_at.astimezone().date()
    assert f"Date of despatch {published.day} {published:%B %Y}" in front
    assert "Quorum: 3 members" in front
    assert "Rowan Tilman, clerk to the Corporate Parenting Panel" in front
    assert "Councillor Mary Bramley (Chair)" in front
    assert "Jordan Ellis" not in front  # the public pack names a young person by role alone
    for heading in (
        "Attending the meeting",
        "Filming and recording",
        "Accessibility",
        "Papers in another format",
    ):
        assert heading in front
    assert "Anytown Council can provide these papers in another format" in front
    assert "democracy@anytown.example.org" in front
    agenda = flat("\n".join(texts[1:3]))
    previous = meeting.date - datetime.timedelta(days=56)
    nxt = meeting.next_meeting_date
    for wording in (
        "To receive apologies for absence and declarations of interest.",
        f"To approve the minutes of the meeting held on {previous.day} {previous:%B %Y}.",
        "To review the actions from earlier meetings.",
        f"To note the date of the next meeting: {nxt:%A} {nxt.day} {nxt:%B %Y} at 6.30 pm.",
        "Sam Heath, Head of Corporate Parenting",
    ):
        assert wording in agenda, wording
    # Before the first exempt item (5), naming the paragraphs of all the exempt items after it.
    assert (
        "Exclusion of the press and public To resolve that, under section 100A(4) of the Local "
        "Government Act 1972, the press and public be excluded from the meeting for the "
        "following items of business on the grounds that they involve the likely disclosure of "
        "exempt information as defined in paragraphs 1 and 3 of Part 1 of Schedule 12A to the "
        "Act."
    ) in agenda
    assert agenda.index("Exclusion of the press") < agenda.index("Item of business 2")
    assert agenda.index("Exclusion of the press") > agenda.index("Item of business 1")


def test_previous_minutes_and_action_log_in_each_edition(meeting):
    full_pdf, _ = build_pack(meeting, "full")
    full = flat("\n".join(pdf_texts(full_pdf)))
    assert "Draft minutes: not yet approved. For approval at this meeting." in full
    assert "THE PANEL DISCUSSED CARE LEAVERS' ACCOMMODATION" not in full  # the text, not titles
    assert "The panel discussed care leavers' accommodation." in full
    assert "The panel discussed a placement provider's contract." in full  # exempt: members
    assert "That officers report on accommodation for care leavers over 21." in full
    assert "That the provider's contract be renegotiated." in full
    assert EXEMPT_PAPER in full

    public_pdf, _ = build_pack(meeting, "public")
    public_texts = pdf_texts(public_pdf)
    public = flat("\n".join(public_texts))
    # Draft minutes are never public: the public pack says they are to follow.
    assert agenda_rows(public_texts, meeting)["2. Minutes of the last meeting"] == "To follow"
    assert "The panel discussed" not in public and "DRAFT MINUTES" not in public
    # The action log: only public actions, never those of draft minutes.
    assert "That officers report on accommodation for care leavers over 21." not in public
    assert "renegotiated" not in public
    assert "There are no open actions from earlier meetings in their approved minutes." in public
    assert EXEMPT_PAPER not in public and "Residential provider contract" in public


def test_public_pack_holds_approved_previous_minutes(meeting):
    previous = meeting.body.meetings.exclude(pk=meeting.pk).get()
    previous.status = "minutes_approved"
    previous.save()
    pdf, _ = build_pack(meeting, "public")
    text = flat("\n".join(pdf_texts(pdf)))
    assert "The panel discussed care leavers' accommodation." in text
    # The exempt item of those minutes: considered in private, nothing more.
    assert "The panel discussed a placement provider's contract." not in text
    assert "This item was considered in private" in text
    # Their actions are on the action log, but never an exempt item's.
    assert "That officers report on accommodation for care leavers over 21." in text
    assert "renegotiated" not in text


def test_a_spreadsheet_is_published_separately_with_its_link(meeting):
    pdf, _ = build_pack(meeting, "public")
    texts = pdf_texts(pdf)
    item = meeting.items.get(title="Budget monitoring")
    page = flat(texts[first_page_with(texts, "Item 9: Budget monitoring") - 1])
    assert "The report for this item is an Excel spreadsheet and is published separately." in page
    link = absolute(reverse("panels:report_download", args=[item.pk]))
    assert link.startswith("http") and link in page.replace(" ", "")


def test_without_libreoffice_a_word_paper_is_published_separately(meeting, monkeypatch):
    monkeypatch.setattr(papers_module, "soffice", lambda: None)
    pdf, _ = build_pack(meeting, "full")
    texts = pdf_texts(pdf)
    page = flat(texts[first_page_with(texts, "Item 8: Local offer refresh") - 1])
    assert "an OpenDocument text and is published separately" in page
    assert "Local offer for care leavers" not in flat("\n".join(texts))


def test_each_word_paper_is_converted_once(meeting, monkeypatch):
    runs = []
    real = papers_module.run_libreoffice

    def counting(*args, **kwargs):
        runs.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(papers_module, "run_libreoffice", counting)
    first, _ = build_pack(meeting, "full")
    second, _ = build_pack(meeting, "public")
    assert len(runs) == 1
    assert "Local offer for care leavers" in flat("\n".join(pdf_texts(second)))


def test_writing_the_minutes_never_renumbers_a_remade_pack(meeting):
    before = agenda_rows(pdf_texts(build_pack(meeting, "full")[0]), meeting)
    for n, item in enumerate(meeting.items.order_by("position"), start=20):
        item.minute_sequence = n
        item.save()
    meeting.status = "minutes_draft"
    meeting.save()
    texts = pdf_texts(build_pack(meeting, "full")[0])
    assert agenda_rows(texts, meeting) == before
    assert "CPP2" not in flat("\n".join(texts[:3]))
    assert "AGENDA ITEM 4" in texts[before["4. Item of business 1"][0] - 1]


def test_public_pack_says_to_follow_only_for_papers_the_agenda_announced(meeting):
    report = meeting.items.get(title="Fostering recruitment").written_report
    # Commissioned after the agenda was published: the public learns of it when it is published.
    public = agenda_rows(pdf_texts(build_pack(meeting, "public")[0]), meeting)
    assert public["11. Fostering recruitment"] == ""
    type(report).objects.filter(pk=report.pk).update(
        created_at=meeting.agenda_published_at - datetime.timedelta(days=3)
    )
    public = agenda_rows(pdf_texts(build_pack(meeting, "public")[0]), meeting)
    assert public["11. Fostering recruitment"] == "To follow"


def test_a_word_paper_is_converted_when_uploaded_not_when_the_pack_is_made(
    meeting, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from panels import services

    item = meeting.items.get(title="Local offer refresh")
    upload = SimpleUploadedFile("offer.odt", odt_document("The new local offer, revised"))
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_update(
            actor=meeting.body.clerk, item=item, title=item.title, report=upload
        )

    def no_libreoffice(*args, **kwargs):
        raise AssertionError("LibreOffice was run while the pack was made")

    monkeypatch.setattr(papers_module, "run_libreoffice", no_libreoffice)
    pdf, _ = build_pack(meeting, "full")
    texts = pdf_texts(pdf)
    page = texts[first_page_with(texts, "Item 8: Local offer refresh") - 1]
    assert "The new local offer, revised" in page


def test_admin_sets_the_quorum_on_the_body_form(client_for):
    meeting = build_pack_meeting(reports=0, sections=0, indicators=0, slug="quorum-panel")
    body = meeting.body
    url = reverse("panels:body_edit", args=[body.slug])
    data = {
        "name": body.name,
        "slug": body.slug,
        "numbering_style": "prefix",
        "minute_prefix": "CPP",
        "report_deadline_days": "15",
    }
    client = client_for("admin")
    refused = client.post(url, {**data, "quorum": "three"})
    assert b"Enter the quorum as a whole number, like 3" in refused.content
    assert client.post(url, {**data, "quorum": "4"}).status_code == 302
    body.refresh_from_db()
    assert body.quorum == 4
    assert b'name="quorum" value="4"' in client.get(url).content


def test_a_word_paper_libreoffice_cannot_finish_is_published_separately(meeting, monkeypatch):
    monkeypatch.setattr(papers_module, "CONVERT_TIMEOUT", 0.01)
    pdf, _ = build_pack(meeting, "full")
    texts = pdf_texts(pdf)
    page = flat(texts[first_page_with(texts, "Item 8: Local offer refresh") - 1])
    assert "an OpenDocument text and is published separately" in page
