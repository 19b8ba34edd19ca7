"""Tests that purge or stop Redis use a database of their own, never the one REDIS_URL names
for the portal (a developer's queue in database 0 is not emptied by a test run)."""

import os

import pytest

from tests.conftest import REDIS_TEST_DATABASE, redis_url_for_tests


def database_of(url: str) -> int:
    from redis.connection import parse_url

    return int(parse_url(url).get("db", 0))


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/{db}"),
        ("redis://127.0.0.1:6379", "redis://127.0.0.1:6379/{db}"),
        (
            "redis://:secret@cache.internal:6380/2",
            "redis://:secret@cache.internal:6380/{db}",
        ),
        (
            "rediss://cache.internal/0?ssl_cert_reqs=none",
            "rediss://cache.internal/{db}?ssl_cert_reqs=none",
        ),
        ("unix:///run/redis.sock?db=0", "unix:///run/redis.sock?db={db}"),
    ],
)
def test_the_tests_redis_url_names_their_own_database(app, expected):
    # The database is filled in here, not in the parameters: each pytest-xdist worker has its
    # own, and every worker must collect the same test names.
    assert redis_url_for_tests(app) == expected.format(db=REDIS_TEST_DATABASE)


def test_the_tests_refuse_a_redis_url_that_names_their_database():
    with pytest.raises(ValueError, match="database"):
        redis_url_for_tests(f"redis://127.0.0.1:6379/{REDIS_TEST_DATABASE}")


@pytest.mark.redis
def test_the_redis_fixture_is_not_the_portals_database(redis_url):
    app_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    assert database_of(redis_url) == REDIS_TEST_DATABASE
    assert database_of(redis_url) != database_of(app_url)
