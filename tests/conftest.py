"""Fixed users for each role, so every permission test reads the same, and service fixtures."""

import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from django.test import Client

from tests import factories
from tests.second_factor import verify_session

ROLES = ("anonymous", "councillor", "officer", "admin", "partner")


@pytest.fixture
def councillor(db):
    return factories.councillor(email="councillor@example.org", full_name="Ada Fenwick")


@pytest.fixture
def officer(db):
    return factories.officer(email="officer@example.org", full_name="Sam Patel")


@pytest.fixture
def portal_admin(db):
    return factories.admin(email="admin@example.org", full_name="Jo Whitaker")


@pytest.fixture
def partner_rep(db):
    """The fixed partner representative, of the NHS trust whose short name is "northfield-nhs"."""
    return factories.partner_rep(email="partner@example.org", full_name="Kit Morgan")


@pytest.fixture
def user_for_role(councillor, officer, portal_admin, partner_rep):
    return {
        "anonymous": None,
        "councillor": councillor,
        "officer": officer,
        "admin": portal_admin,
        "partner": partner_rep,
    }


@pytest.fixture
def client_for(user_for_role):
    """client_for("officer") is a test client signed in as the fixed officer."""

    def make(role: str) -> Client:
        client = Client()
        user = user_for_role[role]
        if user is not None:
            client.force_login(user)
            if user.is_officer or user.is_portal_admin or user.is_partner:
                # Staff and partners pass the second factor too, as a real sign-in would.
                verify_session(client, user)
        return client

    return make


def _services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES") == "1"


# Tests purge the queue and stop workers: they use a Redis database of their own, never the one
# REDIS_URL names (a developer's running portal may use it).
# Under pytest-xdist each worker has its own: 15 for the first, 14 for the second, and so on.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
REDIS_TEST_DATABASE = int(
    os.environ.get("REDIS_TEST_DATABASE", str(15 - int(_WORKER) if _WORKER.isdigit() else 15))
)


def redis_url_for_tests(url: str) -> str:
    """url with its database replaced by the tests' own (REDIS_TEST_DATABASE)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if parts.scheme == "unix":  # the database is a parameter: unix:///run/redis.sock?db=0
        current = query.get("db", "0")
        query["db"] = str(REDIS_TEST_DATABASE)
        test_url = f"{url.partition('?')[0]}?{urlencode(query)}"
    else:  # the database is the path: redis://host:6379/0
        current = query.pop("db", "") or parts.path.strip("/") or "0"
        test_url = urlunsplit(
            parts._replace(path=f"/{REDIS_TEST_DATABASE}", query=urlencode(query))
        )
    if current == str(REDIS_TEST_DATABASE):
        raise ValueError(
            f"REDIS_URL names database {REDIS_TEST_DATABASE}, the tests' own: point it at another "
            "database, or set REDIS_TEST_DATABASE to a number it does not use"
        )
    return test_url


@pytest.fixture
def redis_url() -> str:
    """A Redis that answers, in the tests' own database (REDIS_TEST_DATABASE), or a skip with
    the reason (a failure when REQUIRE_SERVICES=1)."""
    import redis

    url = redis_url_for_tests(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"no Redis answers at {url}: {error}"
        if _services_required():
            pytest.fail(message + " (REQUIRE_SERVICES=1)")
        pytest.skip(message)
    return url


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache outlives each test's database rollback; start every test without it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
