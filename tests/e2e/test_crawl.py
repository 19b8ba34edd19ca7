"""Every page each role can reach by following links from /, at phone and desktop widths.

The crawl knows no URL list: a page is covered the day something links to it. Each page must
answer below 500 and pass the axe check; HTML pages must not scroll sideways at 390 px.
"""

from collections import Counter, deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Page

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SKIP_PREFIXES = ("/django-admin/", "/static/", "/media/", "/sign-out/")
MAX_PAGES = 600
# Pages of one URL pattern share a template: a few of each (say, two engagements of hundreds)
# cover it, and keep the crawl's length independent of how much demo data there is.
MAX_PER_PATTERN = 3
MAX_QUERY_VARIANTS = 3  # of one path: enough to cover filters and page 2, not every combination


def pattern_of(path: str) -> str:
    try:
        return resolve(path).view_name
    except Resolver404:
        return path  # a broken link: keep it, so the crawl reports its 404


def same_site_links(page: Page, base_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    links = []
    for href in hrefs:
        url = urldefrag(href).url
        if url.startswith(base_url) and not urlsplit(url).path.startswith(SKIP_PREFIXES):
            links.append(url)
    return links


def crawl(
    page: Page, base_url: str, *, check=assert_accessible, per_pattern_bound: int = MAX_PER_PATTERN
) -> list[str]:
    queue: deque[str] = deque([f"{base_url}/"])
    seen = {f"{base_url}/"}
    variants: Counter[str] = Counter()
    per_pattern: Counter[str] = Counter()
    visited = []
    while queue:
        url = queue.popleft()
        visited.append(url)
        assert len(visited) <= MAX_PAGES, "the crawl found more pages than it should"
        # Ask first, so that PDFs, CSVs and calendar files are checked without a download.
        response = page.request.get(url, max_redirects=5)
        assert response.status < 500, f"{url} answered {response.status}"
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(url)
        check(page)
        for link in same_site_links(page, base_url):
            if link in seen:
                continue
            path = urlsplit(link).path
            if urlsplit(link).query:
                if variants[path] >= MAX_QUERY_VARIANTS:
                    continue
                variants[path] += 1
            else:
                pattern = pattern_of(path)
                if per_pattern[pattern] >= per_pattern_bound:
                    continue
                per_pattern[pattern] += 1
            seen.add(link)
            queue.append(link)
    return visited


# Every role at phone width (the narrowest the portal promises, where a page most often breaks);
# at desktop width the public's pages and the admin's, who reaches the most pages. The phone
# crawls axe-check every page each role reaches, up to MAX_PER_PATTERN of each URL pattern; the
# desktop crawls one page of each pattern, as a page's template decides its layout (the admin's
# desktop crawl took as long as its phone crawl, 142 s, when it read three of each).
CRAWLS = [
    *((role, "phone") for role in ("anonymous", "councillor", "officer", "admin", "partner")),
    ("anonymous", "desktop"),
    ("admin", "desktop"),
]
DESKTOP_PER_PATTERN = 1


@pytest.mark.timeout(600)  # a crawl takes a minute or two; a busy machine can take five
@pytest.mark.parametrize(("role", "viewport"), CRAWLS)
def test_crawl_every_page_for_each_role(demo, new_page, role, viewport):
    page = new_page(viewport)
    if role != "anonymous":
        sign_in(page, demo, role)
    bound = DESKTOP_PER_PATTERN if viewport == "desktop" else MAX_PER_PATTERN
    visited = crawl(page, demo, per_pattern_bound=bound)
    assert f"{demo}/accessibility/" in visited
    assert f"{demo}/privacy/" in visited


def works_without_javascript(page: Page) -> None:
    """The page has its heading and content, and its navigation is plain visible links.

    axe itself cannot run with JavaScript off (it needs timers); the same HTML is axe-checked
    by the crawls above.
    """
    assert page.get_by_role("heading", level=1).first.is_visible(), f"no heading on {page.url}"
    for link in page.locator(".govuk-service-navigation__list a").all():
        assert link.is_visible(), f"navigation link hidden without JavaScript on {page.url}"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_crawl_without_javascript_for_anonymous_visitors(demo, new_page):
    page = new_page("phone", javascript=False)
    visited = crawl(page, demo, check=works_without_javascript)
    assert f"{demo}/sign-in/" in visited
    # Without JavaScript the navigation is a plain list of links, all visible.
    page.goto(f"{demo}/")
    assert page.get_by_role("link", name="Sign in").first.is_visible()
