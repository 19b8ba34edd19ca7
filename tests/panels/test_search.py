"""The papers search finds what each person may read, and nothing else: the public only public
papers (never exempt business, never minutes before approval), councillors their bodies' papers
and public ones, officers everything."""

import datetime

import pytest
from django.utils import timezone

from corporate_parenting.models import User
from panels.models import DecisionStatus
from panels.reports.models import Report
from panels.search import papers_search
from tests.panels.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db
WORD = "sufficiency"


def _meeting(*, public: bool, published: bool = True, approved: bool = True, member=None):
    body = BodyFactory(is_public=public)
    if member is not None:
        MembershipFactory(body=body, user=member)
    return MeetingFactory(
        body=body,
        date=timezone.localdate() - datetime.timedelta(days=300),
        status="minutes_approved" if approved else "minutes_draft",
        agenda_published_at=timezone.now() if published else None,
    )


def _papers(meeting, label: str, *, exempt: bool = False):
    """An item, its minutes, a decision, an action and a report, all with WORD and a label."""
    item = AgendaItemFactory(
        meeting=meeting,
        title=f"{WORD} {label} item",
        discussion=f"The panel discussed {WORD} {label}.",
        is_exempt=exempt,
        exempt_paragraph="3" if exempt else "",
    )
    ActionFactory(
        item=item,
        position=1,
        text=f"That {WORD} {label} be noted",
        is_action=False,
        owner=None,
        due_date=None,
        status="",
        decision_status=DecisionStatus.objects.get_or_create(name="Noted")[0],
    )
    ActionFactory(item=item, position=2, text=f"That officers review {WORD} {label}")
    Report.objects.create(
        item=item,
        title=f"{WORD} {label} report",
        summary=f"About {WORD}.",
        author=User.objects.get(email="officer@example.org"),
        sponsor=User.objects.get(email="admin@example.org"),
        status="published" if meeting.agenda_published_at else "draft",
        published_at=meeting.agenda_published_at,
    )
    return item


def _labels(user, **filters) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in papers_search(user=user, text=WORD, **filters):
        text = f"{row['heading']} {row['snippet']}"
        for label in ("open", "secret", "private", "draft", "unpublished", "other"):
            if label in text:
                found.setdefault(label, set()).add(row["paper_kind"])
    return found


@pytest.fixture
def papers(councillor, officer, portal_admin):
    public = _meeting(public=True)
    _papers(public, "open")
    _papers(public, "secret", exempt=True)
    _papers(_meeting(public=True, approved=False), "draft")
    _papers(_meeting(public=True, published=False, approved=False), "unpublished")
    _papers(_meeting(public=False, member=councillor), "private")
    _papers(_meeting(public=False), "other")


ALL_KINDS = {"item", "minutes", "decision", "action", "report"}


def test_the_public_finds_only_public_papers(papers):
    from django.contrib.auth.models import AnonymousUser

    found = _labels(AnonymousUser())
    assert found["open"] == ALL_KINDS
    # An agenda published before the minutes are approved: the item and report, nothing more.
    assert found["draft"] == {"item", "report"}
    assert set(found) == {"open", "draft"}


def test_a_councillor_finds_their_bodies_papers_and_public_ones(papers, councillor):
    found = _labels(councillor)
    assert found["open"] == ALL_KINDS
    assert found["private"] == ALL_KINDS
    assert "secret" not in found  # exempt business of a body they do not sit on
    assert "other" not in found
    assert "unpublished" not in found


def test_an_officer_finds_everything(papers, officer):
    found = _labels(officer)
    assert set(found) == {"open", "secret", "draft", "unpublished", "private", "other"}


def test_filters_by_kind_body_and_year(papers, officer):
    meeting = MeetingFactory(
        body=BodyFactory(name="Care Leavers Board"), date=datetime.date(2021, 6, 1)
    )
    AgendaItemFactory(meeting=meeting, title=f"{WORD} lastyear")
    rows = list(papers_search(user=officer, text=WORD, kinds=["item"], year=2021))
    assert [row["heading"] for row in rows] == [f"{WORD} lastyear"]
    rows = list(papers_search(user=officer, text=WORD, body=meeting.body))
    assert [row["heading"] for row in rows] == [f"{WORD} lastyear"]


def test_search_page_for_the_public_links_public_pages_only(client, papers):
    response = client.get("/panels/search/", {"q": WORD})
    assert response.status_code == 200
    body = response.content.decode()
    assert "secret" not in body and "private" not in body and "unpublished" not in body
    assert "/panels/public/meetings/" in body
    assert "/panels/meetings/" not in body


def test_search_page_answers_any_address(client_for, papers):
    for query in (
        {"q": WORD, "year": "99999999999"},
        {"q": WORD, "body": "nope", "kind": "x"},
        {"q": "!!! & | <->", "page": "-3"},
        {"q": "a" * 500},
        {"q": WORD, "page": "999"},
    ):
        assert client_for("councillor").get("/panels/search/", query).status_code == 200


def test_search_page_counts_and_pages_every_result(client_for):
    meeting = MeetingFactory(body=BodyFactory(), date=datetime.date(2024, 5, 1))
    for number in range(25):
        AgendaItemFactory(meeting=meeting, title=f"{WORD} item {number:02}")
    client = client_for("officer")
    first = client.get("/panels/search/", {"q": WORD, "kind": "item"}).content.decode()
    assert "25 results" in first and "Page 1 of 2" in first
    second = client.get("/panels/search/", {"q": WORD, "kind": "item", "page": 2})
    headings = second.content.decode().count(f"{WORD} item ")
    assert headings == 5
