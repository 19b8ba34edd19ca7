"""Finding every page a role can reach, and timing each through the full middleware stack."""

import gc
import math
import statistics
import time
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import connection
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

TEST_HOST = "testserver"
# Enough to reach every page of every app; a bound so a link bug cannot make the crawl endless.
MAX_PAGES_PER_ROLE = 300
WARMUP_REQUESTS = 3


@dataclass
class Timing:
    median_ms: float
    p95_ms: float
    requests: int


@dataclass
class Crawl:
    pages: dict[str, str] = field(default_factory=dict)  # page (URL pattern) -> URL measured
    skipped: list[dict[str, object]] = field(default_factory=list)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _skipped_prefixes() -> tuple[str, ...]:
    # The Django admin is for support staff, not a portal page; static and media are not HTML.
    return ("/django-admin/", settings.STATIC_URL, settings.MEDIA_URL)


def same_site_url(href: str, from_url: str) -> str | None:
    """The path (and query) an <a href> leads to on this site, or None when it leads elsewhere."""
    href = href.strip()
    if href.startswith("#"):
        return None
    parts = urlsplit(urljoin(f"http://{TEST_HOST}{from_url}", href))
    if parts.scheme not in {"http", "https"} or parts.netloc != TEST_HOST:
        return None  # mailto:, tel:, javascript: and other sites
    path = parts.path or "/"
    if path.startswith(_skipped_prefixes()):
        return None
    return f"{path}?{parts.query}" if parts.query else path


def page_of(url: str) -> str:
    """The URL pattern a URL belongs to, e.g. "/events/<int:pk>/".

    A page is a URL pattern, not a URL: a list at factor 10 links to thousands of records, and
    measuring one of them says as much as measuring all. Keying by pattern also lets factor 1 and
    factor 10 be compared page by page although their record ids differ.
    """
    path = urlsplit(url).path
    try:
        return "/" + resolve(path).route
    except Resolver404:
        return path


def _is_html(response: HttpResponseBase) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def crawl(client: Client) -> Crawl:
    """Every page reachable from "/" by following links, GET only; 200 HTML answers are pages."""
    result = Crawl()
    seen: set[str] = set()
    queue: deque[str] = deque(["/"])
    while queue and len(seen) < MAX_PAGES_PER_ROLE:
        url = queue.popleft()
        page = page_of(url)
        if page in seen:
            continue
        seen.add(page)
        response = client.get(url)
        if response.status_code != 200 or not _is_html(response):
            result.skipped.append(
                {"url": url, "status": response.status_code, "type": response.get("Content-Type")}
            )
            continue
        result.pages[page] = url
        parser = _LinkParser()
        parser.feed(response.content.decode(response.charset or "utf-8", errors="replace"))
        for href in parser.hrefs:
            target = same_site_url(href, url)
            if target is not None and page_of(target) not in seen:
                queue.append(target)
    return result


def p95(samples: list[float]) -> float:
    # Nearest rank: an observed time, not an interpolation between two.
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def time_get(client: Client, url: str, requests: int) -> Timing:
    """Server time of GET url: median and p95 of `requests` requests after a warm-up."""
    for _ in range(WARMUP_REQUESTS):  # templates compiled, caches filled, as in a running server
        client.get(url)
    # A collection from the build or the previous page should not land in this page's samples.
    gc.collect()
    samples: list[float] = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code} while being timed")
    return Timing(median_ms=statistics.median(samples), p95_ms=p95(samples), requests=requests)


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)
