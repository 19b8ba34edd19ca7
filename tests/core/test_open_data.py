"""The open data API holds what the public pages show and nothing else: each item it lists opens
on the public web page it names, and nothing private, exempt, unpublished or unapproved is in
any dataset, JSON or CSV."""

import datetime
import itertools
import json

import pytest
from django.test import RequestFactory
from django.utils import timezone

from corporate_parenting.models import User
from corporate_parenting.open_data import DATASETS, PortalThrottle
from offer.models import OfferEntry
from panels.models import DecisionStatus
from panels.reports.models import Report
from tests.events.factories import EventFactory
from tests.offer.factories import OfferEntryFactory
from tests.panels.factories import ActionFactory, AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db
SECRET = "zanzibar"  # in everything that must never be published
_numbers = itertools.count(1)


def _meeting(*, public: bool, published: bool = True, approved: bool = True):
    return MeetingFactory(
        body=BodyFactory(is_public=public, name=f"Board {next(_numbers)}"),
        date=timezone.localdate() - datetime.timedelta(days=60),
        status="minutes_approved" if approved else "minutes_draft",
        agenda_published_at=timezone.now() if published else None,
    )


def _item(meeting, title: str, *, exempt: bool = False, minutes: str = ""):
    item = AgendaItemFactory(
        meeting=meeting,
        title=title,
        discussion=f"Minutes of {minutes or title}.",
        is_exempt=exempt,
        exempt_paragraph="3" if exempt else "",
    )
    ActionFactory(
        item=item,
        position=1,
        text=f"That {title} be noted",
        is_action=False,
        owner=None,
        due_date=None,
        status="",
        # A decision is a resolution with a decision status, on the page, feed and API alike.
        decision_status=DecisionStatus.objects.get_or_create(name="Noted")[0],
    )
    ActionFactory(  # not a decision: no status recorded, so no dataset lists it
        item=item,
        position=2,
        text=f"Undecided {SECRET} {title}",
        is_action=False,
        owner=None,
        due_date=None,
        status="",
    )
    return item


@pytest.fixture
def published(officer, portal_admin):
    open_meeting = _meeting(public=True)
    _item(open_meeting, "Housing sufficiency")
    _item(open_meeting, f"{SECRET} contract", exempt=True)
    # Its agenda is public; its minutes and decisions are not, until approved.
    _item(_meeting(public=True, approved=False), "Agenda only", minutes=f"draft {SECRET}")
    _item(_meeting(public=True, published=False, approved=False), f"Unpublished {SECRET}")
    _item(_meeting(public=False), f"Private {SECRET}")
    Report.objects.create(
        item=open_meeting.items.get(title=f"{SECRET} contract"),
        title=f"{SECRET} report",
        author=User.objects.get(email="officer@example.org"),
        sponsor=User.objects.get(email="admin@example.org"),
        status="published",
        published_at=timezone.now(),
    )
    EventFactory(title="Fun day", is_public=True)
    EventFactory(title=f"Members {SECRET} training", is_public=False)
    OfferEntryFactory(title="Council Tax exemption")
    OfferEntryFactory(title=f"Draft {SECRET} entry", status=OfferEntry.Status.DRAFT)


# The field of each dataset that its web page prints (a meeting's page is found by its id).
SHOWN = {
    "bodies": "name",
    "agenda-items": "title",
    "minutes": "minutes",
    "decisions": "text",
    "events": "title",
    "offer": "title",
}


def _all_items(client, name: str) -> list[dict]:
    items, page = [], 1
    while True:
        body = client.get(f"/api/v1/{name}/", {"page": page, "page_size": 2}).json()
        items += body["items"]
        if len(items) >= body["count"]:
            return items
        page += 1


def test_index_lists_every_dataset_and_links_the_description(client):
    index = client.get("/api/v1/").json()
    assert [d["name"] for d in index["datasets"]] == list(DATASETS)
    assert index["description"].endswith("/api/v1/openapi.json")
    description = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/offer/" in description["paths"]


def test_nothing_in_the_api_that_the_public_pages_do_not_show(client, published):
    for name in DATASETS:
        items = _all_items(client, name)
        assert items, name
        raw = json.dumps(items)
        assert SECRET not in raw, name
        csv = client.get(f"/api/v1/{name}.csv").content.decode()
        assert SECRET not in csv, name
        assert len(csv.strip().splitlines()) == len(items) + 1, name
        for item in items:
            page = client.get(item["web_url"])
            assert page.status_code == 200, (name, item["web_url"])
            shown = item[SHOWN[name]] if SHOWN.get(name) else None
            assert shown is None or shown in page.content.decode(), (name, shown)


def test_the_public_datasets_hold_what_is_public(client, published):
    titles = {i["title"] for i in _all_items(client, "agenda-items")}
    assert "Housing sufficiency" in titles
    assert {i["title"] for i in _all_items(client, "events")} == {"Fun day"}
    assert [i["title"] for i in _all_items(client, "offer")] == ["Council Tax exemption"]
    assert [i["text"] for i in _all_items(client, "decisions")] == [
        "That Housing sufficiency be noted"
    ]


def test_open_to_any_origin_paged_and_cached(client, published):
    response = client.get("/api/v1/events/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    assert response.json()["count"] == 1
    assert client.get("/api/v1/events/", {"page": "99999999999999"}).status_code == 422
    assert client.get("/api/v1/events/", {"page_size": "1000"}).status_code == 422
    assert client.get("/api/v1/events/", {"page": "x"}).status_code == 422


def test_an_address_asking_too_often_is_refused_for_a_while():
    throttle = PortalThrottle("2/m")
    request = RequestFactory().get("/api/v1/", REMOTE_ADDR="203.0.113.9")
    assert [throttle.allow_request(request) for _ in range(3)] == [True, True, False]
