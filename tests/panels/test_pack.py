"""The agenda pack: page numbers that are true, bookmarks, tags, what each edition holds, made
once per content, and who may ask for it."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from panels.models import AgendaItem, Membership
from panels.reports import pack as pack_module
from panels.reports.models import PackBuild
from panels.reports.pack import build_pack, pack_content_key, pack_request
from panels.tasks import build_pack_task
from tests import factories as core
from tests.bench.pack import build_pack_meeting, make_report
from tests.documents import blank_pdf
from tests.panels.test_pdfs import tagged_reader, unreadable_page_pdf

pytestmark = pytest.mark.django_db

SECRET = "The named provider's contract is being terminated"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting():
    """Items 4 to 6 have reports; item 5's is exempt; item 7's report is not published yet."""
    meeting = build_pack_meeting(reports=3, sections=1, indicators=1, exempt=(2,))
    exempt = meeting.items.get(title="Item of business 2").written_report
    exempt.summary = SECRET
    exempt.save()
    last = meeting.items.order_by("-position").first()
    assert last is not None
    last.position += 1
    last.save()
    item = AgendaItem.objects.create(
        meeting=meeting, position=last.position - 1, title="Fostering recruitment"
    )
    make_report(
        item,
        title="Unpublished fostering report",
        sponsor=exempt.sponsor,
        author=exempt.author,
        published=False,
        sections=1,
        annex_pages=0,
    )
    return meeting


@pytest.fixture
def renders(monkeypatch):
    """How many times a pack was rendered."""
    calls = []
    real = pack_module.build_pack

    def counting(meeting, edition, supplement=None):
        calls.append(edition)
        return real(meeting, edition, supplement)

    monkeypatch.setattr(pack_module, "build_pack", counting)
    return calls


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def agenda_pages(agenda: str, item_title: str) -> tuple[int, int]:
    """The pages the agenda gives an item, "5-17" or "5", as (first, last)."""
    lines = agenda.splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith(item_title))
    printed = next(
        line.strip() for line in lines[start + 1 :] if re.fullmatch(r"\d+(-\d+)?", line.strip())
    )
    first, _, last = printed.partition("-")
    return int(first), int(last or first)


def test_agenda_page_numbers_are_the_pages_the_reports_start_on(meeting):
    pdf, page_count = build_pack(meeting, "full")
    texts = pages_text(pdf)
    assert len(texts) == page_count
    agenda = texts[1]
    assert agenda.startswith("Agenda")
    for n, title in (
        (1, "Care leavers report 1"),
        (2, "Exempt report 2"),
        (3, "Care leavers report 3"),
    ):
        printed, until = agenda_pages(agenda, f"Item of business {n}")
        first = next(i for i, text in enumerate(texts) if i > 1 and title in text) + 1
        last = max(i for i, text in enumerate(texts) if title in text) + 1
        assert (printed, until) == (first, last), title
        assert until > printed  # a report and its annex: a range, "5-8"
        assert f"Page {first} of {page_count}" in texts[first - 1]
        assert f"AGENDA ITEM {n + 3}" in texts[first - 1]


def test_one_bookmark_per_agenda_item_in_agenda_order_and_per_section(meeting):
    pdf, _ = build_pack(meeting, "full")
    reader = tagged_reader(pdf)
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    nested = [
        [bookmark for bookmark in entry if not isinstance(bookmark, list)]
        for entry in reader.outline
        if isinstance(entry, list)
    ]
    # Every item in agenda order: at its paper, or at its agenda row when it has none.
    assert [b.title for b in top] == [
        "Agenda",
        "1. Apologies and declarations of interest",
        "2. Minutes of the last meeting",
        "3. Action log",
        "4. Item of business 1",
        "5. Item of business 2",
        "6. Item of business 3",
        "7. Fostering recruitment",
        "8. Date of next meeting",
    ]
    pages = [reader.get_destination_page_number(b) for b in top]
    assert pages[1:4] == [1, 1, 1] and pages[-2:] == [1, 1]  # the agenda page (0-based)
    assert (pages[4] or 0) > 1
    # Each report lists its sections and annex.
    assert [b.title for b in nested[0]] == [
        "1. Purpose of the report",
        "2. Recommendations",
        "3. Summary",
        "4. Background",
        "5. Performance",
        "6. Implications",
        "7. Annexes",
        "Annex A: Placement sufficiency data",
    ]
    annex_page = reader.get_destination_page_number(nested[0][-1])
    assert annex_page is not None
    assert "Annex of report 1" in reader.pages[annex_page].extract_text()


def test_public_pack_holds_no_exempt_or_unpublished_report(meeting):
    pdf, _ = build_pack(meeting, "public")
    tagged_reader(pdf)
    text = "\n".join(pages_text(pdf))
    flat = " ".join(text.split())
    assert "PUBLIC PACK" in text
    assert "Care leavers report 1" in text and "Care leavers report 3" in text
    assert "Annex of report 1" in text
    assert "Item of business 2" in text
    assert (
        "This item is exempt under paragraph 1 of Schedule 12A and is not included in the "
        "public pack" in flat
    )
    for withheld in (
        "Exempt report 2",
        SECRET,
        "Annex of report 2",
        "NOT FOR PUBLICATION",
        "Unpublished fostering report",
    ):
        assert withheld not in text, withheld
    assert "Fostering recruitment" in text  # on the agenda, without its report


def test_full_pack_holds_the_exempt_report_marked_on_each_page(meeting):
    pdf, _ = build_pack(meeting, "full")
    texts = pages_text(pdf)
    text = "\n".join(texts)
    assert "FULL PACK — CONTAINS EXEMPT INFORMATION, NOT FOR PUBLICATION" in text
    assert SECRET in text
    assert "Unpublished fostering report" not in text
    exempt_pages = [t for t in texts if "Exempt report 2" in t]
    assert len(exempt_pages) >= 2  # the report and its annex
    for page in exempt_pages:
        assert "NOT FOR PUBLICATION" in page
    public_pages = [t for t in texts if "Care leavers report 1" in t]
    assert all("NOT FOR PUBLICATION" not in t for t in public_pages)


def test_annex_pages_are_merged_where_their_report_ends(meeting):
    pdf, page_count = build_pack(meeting, "public")
    texts = pages_text(pdf)
    annex = next(i for i, t in enumerate(texts) if "Annex of report 1" in t)
    assert "Care leavers report 1: Annex A" in texts[annex]
    assert f"Page {annex + 1} of {page_count}" in texts[annex]
    assert "Care leavers report 3" in texts[annex + 1]


def test_same_content_is_made_once(
    client_for, meeting, renders, django_capture_on_commit_callbacks
):
    client = client_for("officer")
    url = reverse("panels:pack", args=[meeting.pk, "full"])
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code == 302
    build = PackBuild.objects.get()
    assert build.status == "ready" and build.page_count > 5 and build.render_ms is not None
    assert renders == ["full"]
    page = client.get(url)
    assert b"Download the full agenda pack" in page.content
    download = client.get(reverse("panels:pack_download", args=[meeting.pk, "full"]))
    assert download.status_code == 200
    assert download["Cache-Control"] == "private, no-store"
    text = _pdf_text(b"".join(download.streaming_content))
    assert meeting.body.name in text and "Item of business 1" in text


def test_task_run_twice_renders_once(meeting, renders, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        build = pack_request(meeting=meeting, edition="public", actor=None)
    build_pack_task(build.pk)
    build_pack_task(build.pk)
    build.refresh_from_db()
    assert build.status == "ready" and str(build.file.name).endswith(".pdf")
    assert renders == ["public"]


def test_a_change_in_content_makes_a_new_key(meeting):
    keys = {pack_content_key(meeting, "public"), pack_content_key(meeting, "full")}
    assert len(keys) == 2
    before = pack_content_key(meeting, "full")
    assert pack_content_key(meeting, "full") == before
    item = meeting.items.get(title="Item of business 1")
    item.title = "Item of business one"
    item.save()
    after_title = pack_content_key(meeting, "full")
    assert after_title != before
    report = item.written_report
    report.version += 1
    report.save()
    after_version = pack_content_key(meeting, "full")
    assert after_version != after_title
    annex = report.annexes.get()
    annex.sha256 = "0" * 64
    annex.save()
    assert pack_content_key(meeting, "full") != after_version
    # A download of the pack as it was is no longer offered.


def test_download_is_only_of_the_current_content(
    client_for, meeting, django_capture_on_commit_callbacks
):
    client = client_for("officer")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("panels:pack", args=[meeting.pk, "public"]))
    url = reverse("panels:pack_download", args=[meeting.pk, "public"])
    response = client.get(url)
    assert response.status_code == 200
    text = _pdf_text(b"".join(response.streaming_content))  # read to the end: closed
    assert "Item of business 1" in text
    Membership.objects.create(body=meeting.body, user=core.councillor(), role="member")
    assert client.get(url).status_code == 404
    assert (
        b"Make the pack" in client.get(reverse("panels:pack", args=[meeting.pk, "public"])).content
    )


def test_get_never_renders(client_for, meeting, renders):
    response = client_for("admin").get(reverse("panels:pack", args=[meeting.pk, "full"]))
    assert response.status_code == 200
    assert b"Make the pack" in response.content
    assert renders == []
    assert not PackBuild.objects.exists()


def test_progress_page_refreshes_itself(client_for, meeting):
    PackBuild.objects.create(
        meeting=meeting,
        edition="public",
        content_key=pack_content_key(meeting, "public"),
        status="building",
    )
    response = client_for("anonymous").get(reverse("panels:pack", args=[meeting.pk, "public"]))
    assert b'<meta http-equiv="refresh" content="3">' in response.content
    assert b"The pack is being made" in response.content
    assert b"Refresh to see if it is ready" in response.content


def test_failed_build_says_so_plainly_and_can_be_tried_again(
    client_for, meeting, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broken(meeting, edition, supplement=None):
        raise RuntimeError("the printer is on fire")

    monkeypatch.setattr(pack_module, "build_pack", broken)
    client = client_for("officer")
    url = reverse("panels:pack", args=[meeting.pk, "public"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    build = PackBuild.objects.get()
    assert build.status == "failed"
    # The error and its traceback go to the log, for the people who run the portal...
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[1] is not None]
    assert logged and "the printer is on fire" in str(logged[0].exc_info[1])
    # ... and never to a page, nor to what the page could show.
    assert "printer" not in build.error and "RuntimeError" not in build.error
    page = client.get(url)
    assert b"The pack could not be made" in page.content and b">Try again</button>" in page.content
    anonymous = client_for("anonymous").get(url)
    assert b"The pack could not be made" in anonymous.content
    for content in (page.content, anonymous.content):
        assert b"printer" not in content and b"RuntimeError" not in content
    # Anonymous people see the failure but cannot make it render again.
    assert b">Try again</button>" not in anonymous.content
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    build.refresh_from_db()
    assert build.status == "ready" and build.error == ""
    assert PackBuild.objects.count() == 1


def test_an_error_stored_by_an_older_build_is_never_shown(client_for, meeting):
    PackBuild.objects.create(
        meeting=meeting,
        edition="public",
        content_key=pack_content_key(meeting, "public"),
        status="failed",
        error="AttributeError: 'list' object has no attribute 'get_object'",
    )
    for role in ("anonymous", "officer"):
        page = client_for(role).get(reverse("panels:pack", args=[meeting.pk, "public"]))
        assert b"The pack could not be made" in page.content
        assert b"AttributeError" not in page.content and b"get_object" not in page.content


def test_packs_are_made_with_blank_and_unreadable_annexes(
    client_for, meeting, django_capture_on_commit_callbacks
):
    """A blank annex page is a page; an annex that cannot be drawn is named, not merged, and
    neither stops the pack."""
    first = meeting.items.get(title="Item of business 1").written_report.annexes.get()
    first.file.save("blank.pdf", ContentFile(blank_pdf()), save=True)
    third = meeting.items.get(title="Item of business 3").written_report.annexes.get()
    third.file.save("unreadable.pdf", ContentFile(unreadable_page_pdf()), save=True)
    for role, edition in (("anonymous", "public"), ("officer", "full")):
        client = client_for(role)
        url = reverse("panels:pack", args=[meeting.pk, edition])
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url).status_code == 302
        build = PackBuild.objects.get(edition=edition)
        assert build.status == "ready", build.error
        assert b"Download the" in client.get(url).content
        download = client.get(reverse("panels:pack_download", args=[meeting.pk, edition]))
        reader = tagged_reader(b"".join(download.streaming_content))
        texts = [page.extract_text() for page in reader.pages]
        blank = next(i for i, t in enumerate(texts) if "Care leavers report 1: Annex A" in t)
        assert f"Page {blank + 1} of {len(texts)}" in texts[blank]
        flat = " ".join(" ".join(texts).split())
        assert "Annex A: Placement sufficiency data This annex could not be included" in flat
        assert "Annex of report 3" not in flat


def test_unpublished_agenda_has_a_pack_for_officers_only(client_for, user_for_role, meeting):
    meeting.agenda_published_at = None
    meeting.status = "scheduled"
    meeting.save()
    Membership.objects.create(body=meeting.body, user=user_for_role["councillor"], role="member")
    for role, status in (("anonymous", 404), ("councillor", 404), ("officer", 200), ("admin", 200)):
        for edition in ("public", "full"):
            response = client_for(role).get(reverse("panels:pack", args=[meeting.pk, edition]))
            assert response.status_code == status, (role, edition)


@pytest.mark.parametrize(
    ("role", "edition", "method", "status"),
    [
        ("anonymous", "public", "get", 200),
        ("anonymous", "public", "post", 302),
        ("anonymous", "full", "get", 404),
        ("anonymous", "full", "post", 404),
        ("councillor", "public", "post", 302),
        ("councillor", "full", "get", 404),
        ("councillor", "full", "post", 404),
        ("member", "full", "get", 200),
        ("member", "full", "post", 302),
        ("officer", "full", "post", 302),
        ("admin", "full", "post", 302),
        ("admin", "draft", "get", 404),
        ("admin", "draft", "post", 404),
    ],
)
def test_who_may_see_and_ask_for_each_pack(
    client_for,
    user_for_role,
    meeting,
    role,
    edition,
    method,
    status,
    django_capture_on_commit_callbacks,
):
    if role == "member":
        Membership.objects.create(
            body=meeting.body, user=user_for_role["councillor"], role="member"
        )
        role = "councillor"
    client = client_for(role)
    url = reverse("panels:pack", args=[meeting.pk, edition])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = getattr(client, method)(url)
    assert response.status_code == status
    if method == "post" and status == 302:
        assert response.url == url
        assert PackBuild.objects.filter(edition=edition).count() == 1
        assert len(callbacks) == 1
    else:
        assert not PackBuild.objects.exists()
    download = client.get(reverse("panels:pack_download", args=[meeting.pk, edition]))
    assert download.status_code == 404  # nothing made yet, or not theirs


def test_full_pack_of_a_private_body_is_for_its_members(client_for, user_for_role):
    meeting = build_pack_meeting(reports=1, sections=1, indicators=0, public=False, slug="private")
    assert (
        client_for("anonymous").get(reverse("panels:pack", args=[meeting.pk, "public"])).status_code
        == 404
    )
    assert (
        client_for("councillor").get(reverse("panels:pack", args=[meeting.pk, "full"])).status_code
        == 404
    )
    Membership.objects.create(body=meeting.body, user=user_for_role["councillor"], role="member")
    assert (
        client_for("councillor").get(reverse("panels:pack", args=[meeting.pk, "full"])).status_code
        == 200
    )


def _pdf_text(pdf: bytes) -> str:
    """What a reader of the downloaded pack sees, every page."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_private_work_on_a_published_meeting_never_remakes_the_public_pack():
    """The public pack is made again only when something it prints changes: a report
    commissioned after publication, an item's minutes being written, or an action in draft
    minutes change the members' pack, never the public one (its time of making would show it)."""

    meeting = build_pack_meeting(reports=1, sections=0, indicators=0)
    public, full = pack_content_key(meeting, "public"), pack_content_key(meeting, "full")
    item = meeting.items.get(title="Item of business 1")
    late = AgendaItem.objects.create(meeting=meeting, position=8, title="Later item")
    sponsor = item.written_report.sponsor
    make_report(late, title="Commissioned late", sponsor=sponsor, author=sponsor, published=False)
    AgendaItem.objects.filter(pk=item.pk).update(discussion="Draft words of the minutes.")
    assert pack_content_key(meeting, "full") != full
    assert pack_content_key(meeting, "public") != public  # the new item's title is public
    public = pack_content_key(meeting, "public")
    full = pack_content_key(meeting, "full")
    item.refresh_from_db()
    item.discussion = "Changed draft words."
    item.save()  # as writing the minutes does: the item's updated_at moves
    assert pack_content_key(meeting, "full") != full
    assert pack_content_key(meeting, "public") == public
