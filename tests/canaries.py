"""Canaries and the walk that looks for them (tests/test_canaries.py).

A canary is a unique string planted in something the public must not see. The walk knows no list
of pages: it starts from the home page and every URL pattern of the project (parameters filled
with the ids and slugs of what was planted, and with values seen in links), follows every
same-site link, redirect, feed link, open data `web_url` and page of results breadth first,
submits every GET form once with its defaults and once with the word "canary" in each text box,
and reads every answer as what it is: HTML, JSON, CSV, RSS or Atom, iCalendar or PDF (its text
extracted), gzip undone. Each answer is searched for every canary, and its figures (numbers in
tables, counts, dates) are kept so two walks can be compared.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import logging
import re
import secrets
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import product
from math import prod
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit

from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern
from pypdf import PdfReader
from weasyprint import HTML

# Namespaces walked as one page (their index), as the permission matrix does: the Django admin
# site answers every address inside it with its own sign-in page to anyone who is not staff.
WHOLE_NAMESPACES = {"admin": "/django-admin/"}
SKIP_PREFIXES = ("/static/", "/media/", "/django-admin/")
# Links of one path that differ only in their query (sorting, filters, sign-in's ?next=).
MAX_QUERY_VARIANTS = 12
# Parameters whose link is always followed: a table's download.
DOWNLOAD_PARAMETERS = {"export", "format"}
SEARCH_WORD = "canary"  # every canary has it as a word; no canary's secret part is in it
TEXT_INPUTS = {"", "text", "search"}
SITE = "testserver"
MAX_COMBINATIONS = 100  # addresses made from one pattern


# ---------------------------------------------------------------- canaries


@dataclass(frozen=True)
class Canary:
    kind: str
    text: str
    secret: str  # the random part, searched for in whatever shape the answer takes
    private_body: bool = False  # of a body the walking councillor does not sit on
    withheld_from_members: bool = False  # papers not published: not even members read them


@dataclass
class Canaries:
    """Every canary planted; each kind once, so a leak names what leaked."""

    planted: list[Canary] = field(default_factory=list)

    def _add(self, kind: str, text: str, secret: str, **flags: bool) -> Canary:
        canary = Canary(kind=kind, text=text, secret=secret, **flags)
        assert all(c.kind != kind for c in self.planted), f"two canaries of kind {kind}"
        self.planted.append(canary)
        return canary

    def text(self, kind: str, **flags: bool) -> str:
        secret = secrets.token_hex(6)
        return self._add(kind, f"CANARY-{kind}-{secret}", secret, **flags).text

    def email(self, kind: str, **flags: bool) -> str:
        secret = secrets.token_hex(6)
        return self._add(kind, f"canary-{secret}@example.org", secret, **flags).text

    def found_in(self, text: str) -> list[Canary]:
        """The canaries in an answer's text, however it is escaped, cased or wrapped."""
        if not self.planted:
            return []
        lowered = html.unescape(text).lower()
        # PDF text comes with line breaks (or spaces) wherever a line was wrapped.
        squeezed = re.sub(r"\s+", "", lowered)
        return [c for c in self.planted if c.secret in lowered or c.secret in squeezed]


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose text is extractable (WeasyPrint, as the portal's own documents)."""
    return HTML(
        string=f"<html><body><h1>Paper</h1><p>{html.escape(text)}</p></body></html>"
    ).write_pdf()


# ---------------------------------------------------------------- reading an answer


@dataclass
class Answer:
    url: str
    status: int
    kind: str  # html, json, csv, feed, ical, pdf, text, empty
    text: str
    links: list[str] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)  # GET forms filled in
    figures: Counter[str] = field(default_factory=Counter)


def body_of(response: Any) -> bytes:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding", "") == "gzip" or data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def read(url: str, response: Any) -> Answer:
    data = body_of(response)
    status = response.status_code
    content_type = response.get("Content-Type", "").lower()
    links: list[str] = []
    if 300 <= status < 400 and response.get("Location"):
        links.append(response["Location"])
    if not data:
        return Answer(url, status, "empty", "", links, figures=Counter({f"status {status}": 1}))
    if data.lstrip()[:5] == b"%PDF-":
        answer = _read_pdf(url, status, data)
    elif "html" in content_type:
        answer = _read_html(url, status, _decode(data))
    elif "json" in content_type:
        answer = _read_json(url, status, _decode(data))
    elif "csv" in content_type:
        text = _decode(data)
        answer = Answer(url, status, "csv", text, figures=_csv_figures(text))
    elif "calendar" in content_type:
        answer = _read_ical(url, status, _decode(data))
    elif "xml" in content_type or "rss" in content_type or "atom" in content_type:
        answer = _read_feed(url, status, _decode(data))
    else:
        text = _decode(data)
        answer = Answer(url, status, "text", text, figures=_line_figures(text.splitlines()))
    answer.links = links + answer.links
    answer.figures[f"status {status}"] += 1
    return answer


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _line_figures(lines: Iterable[str]) -> Counter[str]:
    figures: Counter[str] = Counter()
    for line in lines:
        line = " ".join(line.split())
        if line and _has_digit(line):
            figures[line] += 1
    return figures


def _csv_figures(text: str) -> Counter[str]:
    rows = [row for row in text.splitlines() if row.strip()]
    figures = _line_figures(rows)
    figures[f"rows: {len(rows)}"] += 1
    return figures


class _Page(HTMLParser):
    """Links, GET forms and figures of an HTML page.

    Figures are the page's text blocks (a paragraph, a list item, a heading...) that hold a
    digit, and each table cell that holds one, named by its table's caption, its row's header and
    its column's header ("Attendance of members | Ada Fenwick | Apologies: 1")."""

    BLOCKS = {
        "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "tr", "td",
        "th", "caption", "table", "ul", "ol", "dl", "br", "title", "option", "label", "legend",
        "summary", "details", "header", "footer", "main", "nav", "article", "aside", "form",
        "fieldset", "button", "pre", "blockquote", "figcaption",
    }  # fmt: skip
    SILENT = {"script", "style", "noscript", "template"}
    LINKS = {
        "a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
        "iframe": "src", "source": "src", "embed": "src", "object": "data", "track": "src",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict[str, Any]] = []
        self.figures: Counter[str] = Counter()
        self.text_parts: list[str] = []
        self._silent = 0
        self._buffer: list[str] = []
        self._tables: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self._select_value: str | None = None
        self._textarea: str | None = None

    # -- text and figures

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if not text:
            return
        if self._tables:
            table = self._tables[-1]
            if table["cell"] is not None:
                table["cell"].append(text)
            elif table["in_caption"]:
                table["caption"].append(text)
            return
        if _has_digit(text):
            self.figures[text] += 1

    def handle_data(self, data: str) -> None:
        if self._silent:
            return
        self.text_parts.append(data)
        self._buffer.append(data)
        if self._textarea is not None and self._form is not None:
            self._form["fields"].append((self._textarea, data, "textarea"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in self.SILENT:
            self._silent += 1
        if tag in self.BLOCKS:
            self._flush()
        if tag in self.LINKS and attributes.get(self.LINKS[tag]):
            self.links.append(attributes[self.LINKS[tag]])
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"url=(.+)", attributes.get("content", ""), re.IGNORECASE)
            if match:
                self.links.append(match.group(1).strip("'\" "))
        self._table_start(tag, attributes)
        self._form_start(tag, attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._flush()
        if tag in self.SILENT and self._silent:
            self._silent -= 1
        self._table_end(tag)
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        if tag == "select" and self._select is not None and self._form is not None:
            self._form["fields"].append((self._select, self._select_value or "", "select"))
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def close(self) -> None:
        super().close()
        self._flush()

    # -- tables

    def _table_start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "table":
            self._tables.append(
                {"caption": [], "in_caption": False, "headers": [], "row": [], "cell": None}
            )
        if not self._tables:
            return
        table = self._tables[-1]
        if tag == "caption":
            table["in_caption"] = True
        elif tag in ("td", "th"):
            table["cell"] = []
            table["cell_tag"] = tag
        elif tag == "tr":
            table["row"] = []

    def _table_end(self, tag: str) -> None:
        if not self._tables:
            return
        table = self._tables[-1]
        if tag == "caption":
            table["in_caption"] = False
        elif tag in ("td", "th") and table["cell"] is not None:
            table["row"].append((table["cell_tag"], " ".join(table["cell"])))
            table["cell"] = None
        elif tag == "tr":
            self._table_row(table)
        elif tag == "table":
            self._tables.pop()

    def _table_row(self, table: dict[str, Any]) -> None:
        row: list[tuple[str, str]] = table["row"]
        table["row"] = []
        if not row:
            return
        if all(kind == "th" for kind, _ in row) and not table["headers"]:
            table["headers"] = [text for _, text in row]
            return
        caption = " ".join(table["caption"])
        label = row[0][1]
        for index, (_, text) in enumerate(row):
            if not _has_digit(text):
                continue
            header = table["headers"][index] if index < len(table["headers"]) else str(index)
            self.figures[f"{caption} | {label} | {header}: {text}"] += 1

    # -- forms

    def _form_start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "form":
            self._form = {
                "method": attributes.get("method", "get").lower(),
                "action": attributes.get("action", ""),
                "fields": [],
            }
        if self._form is None:
            return
        name = attributes.get("name", "")
        if tag == "input" and name:
            kind = attributes.get("type", "").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self._form["fields"].append((name, attributes.get("value", ""), kind))
        elif tag == "select" and name:
            self._select, self._select_value = name, None
        elif tag == "option" and self._select is not None:
            if self._select_value is None or "selected" in attributes:
                self._select_value = attributes.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name


def _read_html(url: str, status: int, text: str) -> Answer:
    page = _Page()
    page.feed(text)
    page.close()
    searches = []
    for form in page.forms:
        if form["method"] != "get":
            continue
        action = form["action"] or urlsplit(url).path
        defaults = [(name, value) for name, value, _ in form["fields"]]
        searches.append(_with_query(action, defaults))
        for name, _, kind in form["fields"]:
            if kind in TEXT_INPUTS:
                filled = [(n, SEARCH_WORD if n == name else v) for n, v in defaults]
                searches.append(_with_query(action, filled))
    # The whole source is searched (attributes too: a value, an alt text, a data- attribute).
    return Answer(url, status, "html", text, page.links, searches, page.figures)


def _with_query(action: str, pairs: list[tuple[str, str]]) -> str:
    path = action.split("?", 1)[0]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _json_figures(value: object, path: str, figures: Counter[str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _json_figures(inner, f"{path}.{key}", figures)
    elif isinstance(value, list):
        figures[f"{path} length: {len(value)}"] += 1
        for inner in value:
            _json_figures(inner, f"{path}[]", figures)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float) or (isinstance(value, str) and _has_digit(value)):
        figures[f"{path}: {value}"] += 1


def _json_links(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _json_links(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _json_links(inner)
    elif isinstance(value, str) and (value.startswith("/") or value.startswith("http")):
        yield value


def _read_json(url: str, status: int, text: str) -> Answer:
    try:
        data = json.loads(text)
    except ValueError:
        return Answer(url, status, "json", text, figures=_line_figures(text.splitlines()))
    figures: Counter[str] = Counter()
    _json_figures(data, "$", figures)
    links = list(_json_links(data))
    # A page of a list: the next page, while the count says there are more.
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        count = data.get("count")
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        page = int(query.get("page", "1") or 1)
        if isinstance(count, int) and data["items"] and page * len(data["items"]) < count:
            query["page"] = str(page + 1)
            links.append(f"{parts.path}?{urlencode(query)}")
    return Answer(url, status, "json", text, links, figures=figures)


def _read_feed(url: str, status: int, text: str) -> Answer:
    links = re.findall(r"""href=["']([^"']+)["']""", text)
    links += re.findall(r"<link>([^<]+)</link>", text)
    entries = len(re.findall(r"<item[\s>]", text)) + len(re.findall(r"<entry[\s>]", text))
    # The feed's own date is its newest entry's, or the time it was made when it has none: the
    # entries' own dates are the figures.
    first = re.search(r"<item[\s>]|<entry[\s>]", text)
    start = first.start() if first else len(text)
    head = re.sub(r"<(lastBuildDate|updated)>[^<]*</\1>", "", text[:start])
    # Each element's text on its own line, so a count or a date is a figure of its own.
    plain = html.unescape(re.sub(r"<[^>]+>", "\n", head + text[start:]))
    figures = _line_figures(plain.splitlines())
    figures[f"entries: {entries}"] += 1
    return Answer(url, status, "feed", text, links, figures=figures)


def _read_ical(url: str, status: int, text: str) -> Answer:
    unfolded = re.sub(r"\r?\n[ \t]", "", text)  # RFC 5545 folds long lines
    lines = unfolded.splitlines()
    links = [line.split(":", 1)[1] for line in lines if line.upper().startswith("URL")]
    # DTSTAMP is when the file was made, not a figure of what it holds.
    kept = [line for line in lines if not line.upper().startswith("DTSTAMP")]
    figures = _line_figures(kept)
    figures[f"events: {sum(1 for line in lines if line.strip() == 'BEGIN:VEVENT')}"] += 1
    return Answer(url, status, "ical", unfolded, links, figures=figures)


def _read_pdf(url: str, status: int, data: bytes) -> Answer:
    reader = PdfReader(io.BytesIO(data))
    texts, links = [], []
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri:
                links.append(str(uri))
    text = "\n".join(texts)
    figures = _line_figures(text.splitlines())
    figures[f"pages: {len(reader.pages)}"] += 1
    return Answer(url, status, "pdf", text, links, figures=figures)


# ---------------------------------------------------------------- the URL patterns


@dataclass(frozen=True)
class Route:
    name: str
    route: str  # the whole route, e.g. "panels/meetings/<int:pk>/"
    converters: dict[str, Any]


def routes(resolver: URLResolver | None = None, prefix: str = "", name: str = "") -> list[Route]:
    """Every URL pattern of the project, with its whole route and its converters."""
    found: list[Route] = []
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = entry.pattern
        if not isinstance(pattern, RoutePattern):
            raise AssertionError(
                f"{prefix}{pattern}: a pattern that is not a path(); teach tests/canaries.py to "
                "fill it, so its pages are walked"
            )
        route = prefix + str(pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace in WHOLE_NAMESPACES:
                continue
            namespace = f"{name}{entry.namespace}:" if entry.namespace else name
            found += routes(entry, route, namespace)
        elif isinstance(entry, URLPattern):
            found.append(Route(f"{name}{entry.name or '?'}", route, dict(pattern.converters)))
    return found


PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>\w+)>")


@dataclass
class Candidates:
    """Values to put in a pattern's parameters: ids and slugs of what was planted; for a str
    parameter, by its name, the values seen in links and the choices of model fields of that
    name (a pack's edition: "public" is linked for anyone, "full" is tried too), else the
    slugs."""

    ints: set[int] = field(default_factory=set)
    slugs: set[str] = field(default_factory=set)
    seen: dict[str, set[str]] = field(default_factory=dict)
    choices: dict[str, set[str]] = field(default_factory=dict)

    def add_choices(self) -> None:
        for model in apps.get_models():
            for model_field in model._meta.get_fields():
                choices = getattr(model_field, "choices", None)
                if choices:
                    values = self.choices.setdefault(model_field.name, set())
                    values |= {str(value) for value, _ in choices if value}

    def values(self, converter: Any, parameter: str) -> list[str]:
        if isinstance(converter, IntConverter):
            return [str(value) for value in sorted(self.ints)]
        if isinstance(converter, SlugConverter):
            return sorted(self.slugs | self.seen.get(parameter, set()))
        if isinstance(converter, StringConverter | PathConverter):
            seen = self.seen.get(parameter, set())
            choices = self.choices.get(parameter, set()) - seen
            # What links showed first: it is kept when the choices are cut to the bound.
            return sorted(seen) + sorted(choices) if seen or choices else sorted(self.slugs)
        regex = str(getattr(converter, "regex", ""))
        if re.fullmatch(r"[\w-]+(\|[\w-]+)*", regex):
            return regex.split("|")  # a choice of words, like "agendas|minutes|decisions"
        pool = self.slugs | {v for values in self.seen.values() for v in values}
        return sorted(v for v in pool if re.fullmatch(regex, v))

    def urls(self, route: Route) -> list[str]:
        parameters = [m.group("parameter") for m in PARAMETER.finditer(route.route)]
        choices = [self.values(route.converters[p], p) for p in parameters]
        # Every id and slug is tried; a str parameter beside them (a duty's kind, a pack's
        # edition) is cut to its first values when the combinations would pass the bound.
        while prod(len(c) for c in choices) > MAX_COMBINATIONS:
            longest = max(
                (i for i, p in enumerate(parameters) if not _is_id(route.converters[p])),
                key=lambda i: len(choices[i]),
                default=None,
            )
            if longest is None or len(choices[longest]) <= 1:
                break
            choices[longest] = choices[longest][: max(1, len(choices[longest]) // 2)]
        return [_fill(route.route, combination) for combination in product(*choices)]


def _fill(route: str, values: Iterable[str]) -> str:
    """The route with its parameters replaced by the values, in the order they appear."""
    remaining = iter(values)
    return "/" + PARAMETER.sub(lambda _: next(remaining), route)


def _is_id(converter: Any) -> bool:
    return isinstance(converter, IntConverter | SlugConverter)


# ---------------------------------------------------------------- the walk


def same_site(url: str, base: str) -> str | None:
    """The address as the test client asks for it, or None for one elsewhere or not a page."""
    url = html.unescape(url.strip())
    url = urldefrag(url).url
    if not url or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(url)
    # The portal's public address (PORTAL_BASE_URL: open data's web_url, next and previous)
    # is this site too.
    public = urlsplit(settings.PORTAL_BASE_URL).netloc
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", SITE, public):
        return None
    path = parts.path
    if not path:
        path = urlsplit(base).path
    elif not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    return f"{path}?{parts.query}" if parts.query else path


@dataclass
class Leak:
    url: str
    canary: Canary


@contextmanager
def _refusals_unlogged() -> Iterator[None]:
    """Refusals (403, 404) are a walk's daily bread: their warnings, each with a traceback,
    would cost more than the pages. Errors (500) are still logged."""
    quiet = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(quiet, levels, strict=True):
            logger.setLevel(level)


@dataclass
class Walk:
    """A breadth-first walk as one visitor (the client), with a bound on its requests."""

    client: Client
    canaries: Canaries
    candidates: Candidates
    max_requests: int
    answers: dict[str, Answer] = field(default_factory=dict)
    leaks: list[Leak] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    _queue: deque[str] = field(default_factory=deque)
    _seen: set[str] = field(default_factory=set)
    _variants: Counter[str] = field(default_factory=Counter)
    _address: int = 0

    def add(self, url: str, *, bounded: bool = True) -> None:
        if url in self._seen or url.startswith(SKIP_PREFIXES):
            return
        path, _, query = url.partition("?")
        if query and bounded:
            keys = {key for key, _ in parse_qsl(query, keep_blank_values=True)}
            if not keys & DOWNLOAD_PARAMETERS:
                if self._variants[path] >= MAX_QUERY_VARIANTS:
                    return
                self._variants[path] += 1
        self._seen.add(url)
        self._queue.append(url)

    def run(self, seeds: Iterable[str] = ()) -> Walk:
        with _refusals_unlogged():
            return self._run(seeds)

    def read_each(self, urls: Iterable[str]) -> Walk:
        """Read these addresses, and only these."""
        with _refusals_unlogged():
            for url in urls:
                self._fetch(url)
        return self

    def _run(self, seeds: Iterable[str]) -> Walk:
        for seed in ["/", *WHOLE_NAMESPACES.values(), *seeds]:
            if seed not in self._seen:  # a seed may be under a skipped prefix: it is read
                self._seen.add(seed)
                self._queue.append(seed)
        all_routes = routes()
        # Pages without parameters first, then each round fills the patterns with the
        # candidates and with the values the links so far have shown, until nothing is new.
        for route in all_routes:
            if not PARAMETER.search(route.route):
                self.add("/" + route.route, bounded=False)
        for _ in range(4):
            self._drain()
            before = len(self._seen)
            for route in all_routes:
                for url in self.candidates.urls(route):
                    self.add(url, bounded=False)
            if len(self._seen) == before:
                break
        self._drain()
        return self

    def _drain(self) -> None:
        while self._queue:
            url = self._queue.popleft()
            if self.requests >= self.max_requests:
                self.errors.append(
                    f"the walk stopped at its bound of {self.max_requests} requests with "
                    f"{len(self._queue) + 1} addresses still to read, such as "
                    + ", ".join([url, *list(self._queue)[:8]])
                )
                self._queue.clear()
                return
            self._fetch(url)

    def _get(self, url: str) -> Any:
        self.requests += 1
        response = self.client.get(url)
        if response.status_code == 429:
            # The open data API limits each address: ask again from another one.
            self._address += 1
            self.requests += 1
            body_of(response)
            response = self.client.get(
                url, REMOTE_ADDR=f"10.9.{self._address // 250}.{self._address % 250 + 1}"
            )
        return response

    def _fetch(self, url: str) -> None:
        # Reading a streamed answer to its end closes it, as the test client does; closing it
        # again would close the test's database connection.
        response = self._get(url)
        try:
            answer = read(url, response)
        except Exception as error:  # an unreadable answer is reported, not fatal
            self.errors.append(f"{url}: could not read the answer: {error!r}")
            return
        if answer.status >= 500:
            self.errors.append(f"{url}: {answer.status}")
        self.answers[url] = answer
        for canary in self.canaries.found_in(answer.text):
            self.leaks.append(Leak(url, canary))
        for link in answer.links:
            target = same_site(link, url)
            if target is not None:
                self._learn(target)
                self.add(target)
        for search in answer.searches:
            target = same_site(search, url)
            if target is not None:
                self.add(target, bounded=SEARCH_WORD not in target)

    def _learn(self, url: str) -> None:
        """Values of the text parameters in a link (a slug, a pack's edition, a feed's kind), to
        fill the parameters of the same name elsewhere."""
        try:
            match = resolve(url.split("?", 1)[0])
        except Resolver404:
            return
        for parameter, value in match.kwargs.items():
            if isinstance(value, str):
                self.candidates.seen.setdefault(parameter, set()).add(value)


def figure_changes(before: dict[str, Answer], after: dict[str, Answer]) -> list[str]:
    """Each figure of a page read in both walks that is not the same in the second."""
    changes = []
    for url, old in sorted(before.items()):
        new = after.get(url)
        if new is None:
            continue
        gone = old.figures - new.figures
        added = new.figures - old.figures
        if gone or added:
            lines = [f"  - {line}" for line in sorted(gone)] + [
                f"  + {line}" for line in sorted(added)
            ]
            changes.append(f"{url}\n" + "\n".join(lines))
    return changes
