"""The open data API holds what the public pages show and nothing else: each item it lists opens
on the public web page it names, and nothing private, exempt, unpublished or unapproved is in
any dataset, JSON or CSV."""

import datetime
import itertools
import json

import pytest
from django.conf import settings
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


def _path(url: str) -> str:
    """The path of an absolute address on the portal's public address."""
    assert url.startswith(settings.PORTAL_BASE_URL + "/"), url
    return url.removeprefix(settings.PORTAL_BASE_URL)


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
            page = client.get(_path(item["web_url"]))
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
    assert client.get("/api/v1/events/", {"page": "99999999999999"}).status_code == 400
    assert client.get("/api/v1/events/", {"page_size": "1000"}).status_code == 400
    assert client.get("/api/v1/events/", {"page": "x"}).status_code == 400


def test_an_address_asking_too_often_is_refused_for_a_while():
    throttle = PortalThrottle("2/m")
    request = RequestFactory().get("/api/v1/", REMOTE_ADDR="203.0.113.9")
    assert [throttle.allow_request(request) for _ in range(3)] == [True, True, False]


# Addresses and paging ----------------------------------------------------------------------------

PUBLIC_ADDRESS = "https://corporate-parenting.anytown.gov.uk"


def test_every_web_url_is_absolute_on_the_public_address_whoever_the_request_came_through(
    client, published, settings
):
    settings.PORTAL_BASE_URL = PUBLIC_ADDRESS
    settings.ALLOWED_HOSTS = ["app-1.internal"]
    for name in DATASETS:
        body = client.get(f"/api/v1/{name}/", HTTP_HOST="app-1.internal").json()
        assert body["items"], name
        for item in body["items"]:
            assert item["web_url"].startswith(PUBLIC_ADDRESS + "/"), item["web_url"]
            assert "internal" not in item["web_url"]
        csv = client.get(f"/api/v1/{name}.csv", HTTP_HOST="app-1.internal").content.decode()
        assert f",{PUBLIC_ADDRESS}/" in csv and "internal" not in csv, name
    index = client.get("/api/v1/", HTTP_HOST="app-1.internal").json()
    assert index["description"] == f"{PUBLIC_ADDRESS}/api/v1/openapi.json"
    assert {d["url"] for d in index["datasets"]} == {
        f"{PUBLIC_ADDRESS}/api/v1/{name}/" for name in DATASETS
    }


@pytest.fixture
def five_events():
    for day in range(5):
        EventFactory(
            title=f"Fun day {day}",
            is_public=True,
            start_date=datetime.date(2026, 7, 1 + day),
            end_date=datetime.date(2026, 7, 1 + day),
        )


def test_each_page_links_the_pages_either_side_in_the_body_and_the_link_header(client, five_events):
    events = f"{settings.PORTAL_BASE_URL}/api/v1/events/"
    first = client.get("/api/v1/events/", {"page_size": 2})
    assert first.json()["count"] == 5 and len(first.json()["items"]) == 2
    assert first.json()["next"] == f"{events}?page=2&page_size=2"
    assert first.json()["previous"] is None
    assert first["Link"] == f'<{events}?page=2&page_size=2>; rel="next"'
    middle = client.get("/api/v1/events/", {"page": 2, "page_size": 2})
    assert middle.json()["next"] == f"{events}?page=3&page_size=2"
    assert middle.json()["previous"] == f"{events}?page=1&page_size=2"
    assert middle["Link"] == (
        f'<{events}?page=3&page_size=2>; rel="next", <{events}?page=1&page_size=2>; rel="prev"'
    )
    last = client.get("/api/v1/events/", {"page": 3, "page_size": 2}).json()
    assert last["next"] is None and last["previous"] == f"{events}?page=2&page_size=2"
    # Past the end, the way back is to the last page there is.
    beyond = client.get("/api/v1/events/", {"page": 40, "page_size": 2}).json()
    assert beyond["items"] == [] and beyond["next"] is None
    assert beyond["previous"] == f"{events}?page=3&page_size=2"
    # The default page size is not written into the links.
    only = client.get("/api/v1/events/")
    assert only.json()["next"] is None and only.json()["previous"] is None
    assert "Link" not in only


def test_following_next_reads_every_item_once(client, five_events):
    titles, url, pages = [], "/api/v1/events/?page_size=2", 0
    while url:
        body = client.get(_path(url) if url.startswith("http") else url).json()
        titles += [item["title"] for item in body["items"]]
        url, pages = body["next"], pages + 1
    assert pages == 3
    assert sorted(titles) == [f"Fun day {day}" for day in range(5)]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("page", "0"),
        ("page", "-1"),
        ("page", "x"),
        ("page", "1.5"),
        ("page", "100001"),
        ("page", "9" * 10_000),
        ("page", "1\x00"),
        ("page", "1\r\nSet-Cookie: a=b"),
        ("page_size", "0"),
        ("page_size", "201"),
        ("page_size", "x" * 10_000),
        ("page_size", "\x00"),
    ],
)
def test_a_page_parameter_out_of_bounds_is_a_clear_400_never_a_500(client, parameter, value):
    response = client.get("/api/v1/decisions/", {parameter: value})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["query", parameter]
    assert problem["msg"]
    assert len(response.content) < 1000  # what was sent is not echoed back


def test_the_description_documents_the_paging_and_the_400(client):
    description = client.get("/api/v1/openapi.json").json()
    listing = description["paths"]["/api/v1/events/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"page", "page_size"}
    assert "400" in listing["responses"]
    ok = listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    paged = description["components"]["schemas"][ok.rpartition("/")[2]]
    assert {"items", "count", "next", "previous"} <= set(paged["properties"])
    assert "next" in description["info"]["description"]
