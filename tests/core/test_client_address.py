"""Whose address a request is: X-Forwarded-For is believed only from the configured proxy, and
the sign-in lockout, the sign-in throttle and the feedback limit all count against it."""

import pytest
from django.test import Client
from django.urls import reverse

from corporate_parenting.client import client_address
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def _request(rf, remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(_request(rf, "203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_the_header_is_believed_from_the_trusted_proxy(rf, behind_proxy):
    assert client_address(_request(rf, PROXY, "198.51.100.1")) == "198.51.100.1"


def test_the_header_is_ignored_from_anyone_else(rf, behind_proxy):
    assert client_address(_request(rf, "203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_an_address_forged_at_the_left_of_the_header_is_not_believed(rf, behind_proxy):
    # The visitor sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
    request = _request(rf, PROXY, "1.2.3.4, 198.51.100.1")
    assert client_address(request) == "198.51.100.1"


def test_chained_trusted_proxies_are_skipped(rf, behind_proxy):
    assert client_address(_request(rf, PROXY, "198.51.100.1, 10.0.0.7")) == "198.51.100.1"


def test_garbage_in_the_header_stops_at_the_last_trusted_hop(rf, behind_proxy):
    assert client_address(_request(rf, PROXY, "not-an-address")) == PROXY


def _sign_in(client: Client, email: str, password: str, address: str):
    return client.post(
        reverse("login"),
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_lockout_behind_the_proxy_locks_only_the_attackers_address(behind_proxy, officer, settings):
    """Before: every request came from the proxy, so five wrong passwords locked the officer
    out for everyone."""
    attacker, officer_address = "198.51.100.66", "198.51.100.10"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(Client(), officer.email, "wrong", attacker)
    locked = _sign_in(Client(), officer.email, PASSWORD, attacker)
    assert locked.status_code == 429
    response = _sign_in(Client(), officer.email, PASSWORD, officer_address)
    assert response.status_code == 302


def test_password_spraying_from_one_address_is_throttled_across_accounts(
    behind_proxy, officer, settings
):
    from tests import factories

    settings.SIGN_IN_ADDRESS_LIMIT = 6
    sprayer = "198.51.100.77"
    people = [factories.councillor() for _ in range(6)]
    for person in people:  # one try each: never near axes' per-account limit
        assert _sign_in(Client(), person.email, "Summer2025!", sprayer).status_code == 200
    refused = _sign_in(Client(), officer.email, PASSWORD, sprayer)
    assert refused.status_code == 200
    assert "too many failed sign-ins from your network" in refused.text
    # Someone else, at another address, signs in as usual.
    assert _sign_in(Client(), officer.email, PASSWORD, "198.51.100.10").status_code == 302


def test_a_few_mistakes_in_a_shared_office_are_not_throttled(behind_proxy, officer):
    office = "198.51.100.20"
    for _ in range(3):
        _sign_in(Client(), officer.email, "typo", office)
    assert _sign_in(Client(), officer.email, PASSWORD, office).status_code == 302


def test_young_people_behind_the_proxy_each_have_their_own_feedback_limit(behind_proxy):
    def send(address: str):
        return Client().post(
            reverse("offer:missing"),
            {"text": "More about housing"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(5):
        assert send("198.51.100.1").status_code == 302
    assert send("198.51.100.1").status_code == 200  # limited: the page says so
    assert send("198.51.100.2").status_code == 302  # someone else is not
