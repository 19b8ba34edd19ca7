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
    connection.queries_log.clear()  # it keeps 9,000: a full log counts wrong
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


@dataclass
class Attribution:
    """Where a page's server time goes, from a few requests measured apart from the timed ones
    (the measuring costs a little time of its own): SQL (time in the database driver, including
    queries a template sets off), templates (each template's own time, SQL and the templates it
    includes taken out: page, includes, form fields), and the rest (views, forms' Python,
    middleware). The template with the most time of its own is named, with how many times a
    request renders it."""

    total_ms: float
    sql_ms: float
    templates_ms: float
    top_template: str
    top_template_ms: float
    top_template_renders: int

    @property
    def rest_ms(self) -> float:
        return max(0.0, self.total_ms - self.sql_ms - self.templates_ms)

    def cause(self) -> str:
        parts = sorted(
            (("templates", self.templates_ms), ("SQL", self.sql_ms), ("Python", self.rest_ms)),
            key=lambda part: -part[1],
        )
        spent = ", ".join(f"{name} {_short_ms(ms)}" for name, ms in parts)
        top = ""
        if self.top_template:
            top = (
                f"; most of one template: {self.top_template} ×{self.top_template_renders}"
                f" {_short_ms(self.top_template_ms)}"
            )
        return f"{spent}{top}"


def _short_ms(ms: float) -> str:
    return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def attribute(client: Client, url: str, requests: int = 5) -> Attribution:
    """Median over `requests` of each share (after the timed requests, so warm)."""
    from django.template.base import Template
    from django.template.context import Context
    from django.utils.safestring import SafeString

    rendered = Template.render
    stack: list[list[float]] = []  # per template being rendered: time of its children and SQL
    own: dict[str, float] = {}
    renders: dict[str, int] = {}
    sql = [0.0]

    def render(template: Template, context: Context) -> SafeString:
        started = time.perf_counter()
        stack.append([0.0])
        try:
            return rendered(template, context)
        finally:
            elapsed = time.perf_counter() - started
            inner = stack.pop()[0]
            name = template.origin.template_name if template.origin else None
            key = str(name or "(a template from a string)")
            own[key] = own.get(key, 0.0) + elapsed - inner
            renders[key] = renders.get(key, 0) + 1
            if stack:
                stack[-1][0] += elapsed

    def timed_sql(execute, sql_text, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql_text, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            sql[0] += elapsed
            if stack:
                stack[-1][0] += elapsed  # not the template's own time

    samples: list[tuple[float, float, float, dict[str, float], dict[str, int]]] = []
    Template.render = render  # type: ignore[method-assign,assignment]  # undone below
    try:
        with connection.execute_wrapper(timed_sql):
            for _ in range(requests):
                own.clear()
                renders.clear()
                sql[0] = 0.0
                started = time.perf_counter()
                client.get(url)
                total = time.perf_counter() - started
                samples.append((total, sql[0], sum(own.values()), dict(own), dict(renders)))
    finally:
        Template.render = rendered  # type: ignore[method-assign]
    samples.sort(key=lambda sample: sample[0])
    total, sql_s, templates_s, own_times, counts = samples[len(samples) // 2]
    top = max(own_times, key=own_times.__getitem__, default="")
    return Attribution(
        total_ms=total * 1000,
        sql_ms=sql_s * 1000,
        templates_ms=templates_s * 1000,
        top_template=top,
        top_template_ms=own_times.get(top, 0.0) * 1000,
        top_template_renders=counts.get(top, 0),
    )
