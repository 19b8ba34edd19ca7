"""The seed's December 2020 meeting, entered through the services, prints minutes of the same
shape as the council's: heading, attendance blocks, numbered items, RESOLVED lists, next meeting
and closing time."""

import io
import re

import pytest
from pypdf import PdfReader

from panels.minutes import build_minutes
from panels.models import Meeting
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
    # December's minutes are a draft: not public. September's are approved.
    assert client.get(f"/panels/meetings/{seed.december.pk}/minutes.pdf").status_code == 404
    assert client.get(f"/panels/meetings/{seed.september.pk}/minutes.pdf").status_code == 200
    page = client.get(f"/panels/public/meetings/{seed.december.pk}/")
    assert page.status_code == 200
    assert b"The minutes will be published here once they are approved" in page.content
