"""Helpers the tests share: counting the queries a page makes."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def query_count(client: Client, url: str) -> int:
    """How many SQL queries one GET of the page makes (asserting it answers 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured.captured_queries)


def assert_constant_queries(client: Client, url: str, grow: Callable[[], object]) -> int:
    """A list page makes the same number of queries before and after grow() adds more rows."""
    client.get(url)  # warm per-process caches (site settings, content types)
    before = query_count(client, url)
    grow()
    after = query_count(client, url)
    assert before == after, f"{url}: {before} queries with less data, {after} with more"
    return after


def assert_constant_queries_of(call: Callable[[], object], grow: Callable[[], object]) -> int:
    """The same for a function that reads the records (the annual report's sections): the same
    number of queries before and after grow() adds more rows."""
    call()  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        call()
    before = len(captured.captured_queries)
    grow()
    with CaptureQueriesContext(connection) as captured:
        call()
    after = len(captured.captured_queries)
    assert before == after, f"{before} queries with less data, {after} with more"
    return after
