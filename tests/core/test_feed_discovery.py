"""Every feed the portal serves can be found: a visitor who follows links from the home page
reaches a page that announces it in <head> (<link rel="alternate">, which browsers and feed
readers look for) and shows it as a link, and the announced address answers with the type the
page says it has."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from panels.views.feeds import FEED_KINDS
from tests.events.factories import EventFactory
from tests.offer.factories import OfferEntryFactory
from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db
MAX_PAGES = 400  # far more than the public pages of this data; reaching it fails
NOT_PAGES = (".pdf", ".ics", ".csv", ".rss", ".atom", ".json")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: list[dict[str, str]] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "link" and found.get("rel") == "alternate":
            self.alternates.append(found)
        elif tag == "a" and found.get("href"):
            self.hrefs.append(found["href"])


def _patterns(
    resolver: URLResolver, namespace: str = "", route: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from _patterns(entry, inner, route + str(entry.pattern))
        else:
            yield namespace, route + str(entry.pattern), entry


def feed_view_names() -> set[str]:
    """Every feed in the URL maps: an RSS or Atom feed (a syndication Feed), or a calendar
    address taking nothing (one event's file and a member's secret calendar are not feeds to
    announce)."""
    names = set()
    for namespace, route, pattern in _patterns(get_resolver()):
        is_feed = isinstance(pattern.callback, Feed)
        is_calendar = route.endswith(".ics") and "<" not in route
        if is_feed or is_calendar:
            names.add(f"{namespace}:{pattern.name}" if namespace else str(pattern.name))
    return names


def crawl(client) -> dict[str, _Page]:
    """Every page an anonymous visitor reaches by links from the home page."""
    pages: dict[str, _Page] = {}
    queue = ["/"]
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        page = _Page()
        page.feed(response.content.decode())
        pages[url] = page
        assert len(pages) < MAX_PAGES
        for href in page.hrefs:
            parts = urlsplit(urljoin(url, href))
            if parts.netloc or not parts.path.startswith("/") or parts.path in seen:
                continue
            if parts.path.endswith(NOT_PAGES) or parts.path.startswith("/api/"):
                continue
            seen.add(parts.path)
            queue.append(parts.path)
    return pages


@pytest.fixture
def published():
    body = BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)
    meeting = MeetingFactory(
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=10),
        agenda_published_at=timezone.now(),
    )
    AgendaItemFactory(meeting=meeting, title="Housing update")
    OfferEntryFactory(title="Council Tax exemption")
    EventFactory(title="Fun day", is_public=True)
    return body


def test_every_feed_is_announced_on_a_page_shown_there_and_answers_as_announced(client, published):
    pages = crawl(client)
    announced: dict[str, str] = {}  # feed address -> its announced type
    for url, page in pages.items():
        for link in page.alternates:
            href = urljoin(url, link["href"])
            assert link.get("title"), (url, href)
            assert link.get("type"), (url, href)
            # What the page announces to feed readers, it also shows to the people reading it.
            assert href in {urljoin(url, a) for a in page.hrefs}, (url, href)
            announced[href] = link["type"]

    found = {resolve(urlsplit(href).path) for href in announced}
    assert {match.view_name for match in found} >= feed_view_names()
    body_feeds = {
        (match.url_name, match.kwargs["feed"]) for match in found if "feed" in match.kwargs
    }
    assert body_feeds == {
        (f"body_feed_{fmt}", kind) for kind in FEED_KINDS for fmt in ("rss", "atom")
    }

    for href, announced_type in announced.items():
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].partition(";")[0] == announced_type, href
        if announced_type != "text/calendar":
            parsed = feedparser.parse(response.content)
            assert not parsed.bozo, (href, parsed.bozo_exception)


def test_the_offer_page_announces_its_feeds_and_shows_them(client, published):
    response = client.get("/offer/")
    page = _Page()
    page.feed(response.content.decode())
    assert {(link["type"], link["href"]) for link in page.alternates} == {
        ("application/rss+xml", "/offer/updates.rss"),
        ("application/atom+xml", "/offer/updates.atom"),
    }
    assert {"/offer/updates.rss", "/offer/updates.atom"} <= set(page.hrefs)
    assert "Get updates by RSS or Atom" in response.content.decode()
