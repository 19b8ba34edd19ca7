"""The seed's December 2020 meeting, entered through the services, prints minutes of the same
shape as the council's: heading, attendance blocks, numbered items, RESOLVED lists, next meeting
and closing time."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader

from panels import services
from panels.minutes import build_minutes
from panels.models import Meeting
from tests import factories as core
from tests.panels.factories import BodyFactory, MembershipFactory
from tests.panels.seed import build_seed_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(officer):
    return build_seed_meeting(clerk=officer)


def _pdf_text(client, meeting) -> str:
    response = client.get(f"/panels/meetings/{meeting.pk}/minutes.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_seed_meeting_numbers_continue_the_municipal_year(seed):
    numbers = [i.minute_number for i in seed.december.items.order_by("position")]
    assert numbers == [f"CPP{n}" for n in range(20, 29)]
    assert [i.minute_number for i in seed.september.items.order_by("position")][-1] == "CPP19"


def test_seed_meeting_minutes_blocks_read_like_the_seed(seed):
    meeting = Meeting.objects.for_minutes().get(pk=seed.december.pk)
    minutes = build_minutes(meeting)
    assert minutes.heading == (
        "Minutes of the meeting of the CORPORATE PARENTING PANEL held on WEDNESDAY 9 DECEMBER "
        "2020 at 6.30 pm"
    )
    assert minutes.chair_line == "Councillor M Bramley (Chair)"
    assert minutes.members_line == (
        "Councillors Brook, K Bramley, Mills (Vice-Chair), Towers and V Harding (Vice-Chair)"
    )
    assert minutes.officers.startswith("M Hale (Director - Children's Services), ")
    assert minutes.officers.endswith(" and R Tilman (Committee Services Manager)")
    assert minutes.officers.count("(") == 6
    assert minutes.apologies == "Councillor Marsh"
    assert minutes.also_present == "Councillor Norton and two young people"
    assert minutes.closing == "THE CHAIR CLOSED THE MEETING AT 8:45 PM"
    resolved_counts = [len(item.resolutions) for item in minutes.items]
    assert resolved_counts == [0, 1, 2, 4, 2, 3, 2, 1, 0]
    # A lone resolution is not numbered; a list is numbered 1., 2., ...
    assert minutes.items[1].resolutions[0].label == ""
    assert [r.label for r in minutes.items[3].resolutions] == ["1.", "2.", "3.", "4."]
    assert minutes.items[1].resolutions[0].text == (
        "That the Minutes of the meeting of the Corporate Parenting Panel held on 9 September "
        "2020 be approved and signed by the Chair as a correct record."
    )


def test_seed_minutes_pdf_has_the_seed_structure(seed, client_for):
    text = _pdf_text(client_for("officer"), seed.december)
    flat = re.sub(r"\s+", " ", text)
    assert "Minutes of the meeting of the CORPORATE PARENTING PANEL held on WEDNESDAY 9" in flat
    assert "DECEMBER 2020 at 6.30 pm" in flat
    positions = [
        flat.index(marker)
        for marker in (
            "Present: Councillor M Bramley (Chair)",
            "Officers: M Hale (Director - Children's Services)",
            "Apologies: Councillor Marsh",
            "Also Present: Councillor Norton and two young people",
            "CPP20 DECLARATIONS OF INTEREST",
            "Councillor M Bramley declared an interest",
            "CPP21 MINUTES",
            "CPP22 CARE LEAVERS' WEEK",
            "CPP27 CHAMPION MODEL",
            "CPP28 DATE OF NEXT MEETING",
            "It was noted that the next meeting of the Corporate Parenting Panel would be held "
            "on Tuesday 16 March 2021 at 6.30 pm.",
            "THE CHAIR CLOSED THE MEETING AT 8:45 PM",
        )
    ]
    assert positions == sorted(positions)
    assert re.findall(r"CPP(\d+) ", flat) == [str(n) for n in range(20, 29)]
    assert flat.count("RESOLVED -") == 7
    assert "1. That the update be noted. 2. That the Director" in flat


def test_public_can_read_approved_minutes_only(seed, client):
    # December's minutes are a draft: not public. September's are approved, and the public see
    # a meeting once its agenda is published.
    if not seed.september.agenda_is_published:
        services.agenda_publish(
            actor=seed.clerk, meeting=seed.september, today=datetime.date(2020, 8, 26)
        )
    assert client.get(f"/panels/meetings/{seed.december.pk}/minutes.pdf").status_code == 404
    assert client.get(f"/panels/meetings/{seed.september.pk}/minutes.pdf").status_code == 200
    page = client.get(f"/panels/public/meetings/{seed.december.pk}/")
    assert page.status_code == 200
    assert b"The minutes will be published here once they are approved" in page.content


# Exempt business: the public's copy and the members' copy


@pytest.fixture
def exempt_meeting(officer):
    """A held meeting of a public body with one exempt item (paragraph 3), its discussion,
    resolution and a declaration about it, and one open item."""
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    member = core.councillor(full_name="Councillor Amy Brown")
    MembershipFactory(body=body, user=member)
    meeting = services.meeting_create(
        actor=officer, body=body, date=datetime.date(2026, 2, 24), start_time=datetime.time(18)
    )
    open_item = services.agenda_item_add(actor=officer, meeting=meeting, title="Open business")
    exempt = services.agenda_item_add(
        actor=officer,
        meeting=meeting,
        title="Residential placement contract",
        is_exempt=True,
        exempt_paragraph="3",
    )
    services.agenda_publish(actor=officer, meeting=meeting, today=datetime.date(2026, 2, 1))
    services.attendance_record(actor=officer, meeting=meeting, present=[member], apologies=[])
    services.declaration_add(
        actor=officer,
        meeting=meeting,
        member=member,
        item=exempt,
        kind="pecuniary",
        text="Her sister owns the provider.",
    )
    services.minutes_item_save(
        actor=officer, item=exempt, discussion="The provider's bid was 12% under the others."
    )
    services.resolution_add(actor=officer, item=exempt, text="That the contract be awarded.")
    services.minutes_item_save(actor=officer, item=open_item, discussion="An open discussion.")
    meeting.refresh_from_db()
    return meeting, exempt


NOTICE = (
    "This item was considered in private because it involved the likely disclosure of exempt "
    "information as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government "
    "Act 1972."
)
PRIVATE = ("12% under the others", "That the contract be awarded", "sister owns the provider")


def test_public_minutes_of_an_exempt_item_say_only_that_it_was_taken_in_private(exempt_meeting):
    meeting, exempt = exempt_meeting
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk), public=True)
    entry = next(e for e in minutes.items if e.item.pk == exempt.pk)
    assert (entry.number, entry.title) == (exempt.minute_number, "Residential placement contract")
    assert [p.text for p in entry.paragraphs] == [NOTICE]
    assert entry.resolutions == [] and entry.exempt_label == ""
    declarations = minutes.items[0].declarations
    assert declarations == [
        "Councillor Amy Brown declared an interest in item Residential placement contract, "
        "which was considered in private."
    ]
    open_entry = next(e for e in minutes.items if e.title == "Open business")
    assert [p.text for p in open_entry.paragraphs] == ["An open discussion."]


def test_members_minutes_show_the_exempt_item_marked_exempt(exempt_meeting, client_for):
    meeting, exempt = exempt_meeting
    minutes = build_minutes(Meeting.objects.for_minutes().get(pk=meeting.pk))
    entry = next(e for e in minutes.items if e.item.pk == exempt.pk)
    assert entry.exempt_label == "Exempt: paragraph 3"
    assert [p.text for p in entry.paragraphs] == ["The provider's bid was 12% under the others."]
    assert [r.text for r in entry.resolutions] == ["That the contract be awarded."]
    assert "sister owns the provider" in minutes.items[0].declarations[0]

    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/")
    assert "Exempt: paragraph 3" in page.text
    assert "That the contract be awarded." in page.text
    flat = re.sub(r"\s+", " ", _pdf_text(client_for("officer"), meeting))
    assert "RESIDENTIAL PLACEMENT CONTRACT (Exempt: paragraph 3)" in flat
    assert "That the contract be awarded." in flat


def test_public_page_and_pdf_of_approved_minutes_leave_out_exempt_business(exempt_meeting, client):
    meeting, exempt = exempt_meeting
    services.minutes_approve(actor=None, meeting=meeting)
    page = client.get(f"/panels/public/meetings/{meeting.pk}/")
    assert page.status_code == 200
    assert NOTICE in page.text
    assert "An open discussion." in page.text
    for secret in PRIVATE:
        assert secret not in page.text
    flat = re.sub(r"\s+", " ", _pdf_text(client, meeting))
    assert "RESIDENTIAL PLACEMENT CONTRACT" in flat
    assert "paragraph 3 of Part 1 of Schedule 12A" in flat
    for secret in PRIVATE:
        assert secret not in flat


# Draft minutes say so on every page


def _pdf_pages(client, meeting) -> list[str]:
    response = client.get(f"/panels/meetings/{meeting.pk}/minutes.pdf")
    assert response.status_code == 200
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def test_draft_minutes_pdf_is_marked_draft_on_every_page_and_approved_is_not(officer, client_for):
    body = BodyFactory(minute_prefix="CPP")
    meeting = services.meeting_create(
        actor=officer, body=body, date=datetime.date(2026, 2, 24), start_time=datetime.time(18)
    )
    services.attendance_record(actor=officer, meeting=meeting, present=[], apologies=[])
    long_minute = "\n\n".join(
        f"Paragraph {n}: the Panel discussed placement sufficiency at some length. " * 6
        for n in range(30)
    )
    for item in meeting.items.all():
        services.minutes_item_save(actor=officer, item=item, discussion=long_minute)
    client = client_for("officer")

    pages = _pdf_pages(client, meeting)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert "DRAFT" in text, f"page {number} is not marked DRAFT"
    assert "Draft minutes: not yet approved" in re.sub(r"\s+", " ", pages[0])

    services.minutes_approve(actor=officer, meeting=meeting)
    pages = _pdf_pages(client, meeting)
    assert len(pages) >= 3
    assert not any("DRAFT" in text or "not yet approved" in text for text in pages)
