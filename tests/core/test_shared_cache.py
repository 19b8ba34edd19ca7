"""With two web servers on one Redis (CACHE_URL), a limit reached through one holds on the
other: each server is a cache client of its own on the same Redis, as two containers are."""

import json
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client, RequestFactory
from django.urls import reverse

from corporate_parenting.client import email_over_limit
from corporate_parenting.open_data import PortalThrottle
from offer.services.feedback import FEEDBACK_LIMIT, RateLimited, _count_and_check
from tests import factories
from tests.core.test_compose import ROOT

ADDRESS = "198.51.100.42"


@pytest.fixture
def two_servers(redis_url):
    """Two cache clients on the same Redis; serve(n) makes the next request server n's."""
    servers = [RedisCache(redis_url, {}) for _ in range(2)]
    servers[0].clear()
    mine = caches["default"]

    def serve(n: int) -> None:
        caches["default"] = servers[n]  # this thread's default cache, which every counter uses

    yield serve
    caches["default"] = mine
    servers[0].clear()


@pytest.mark.redis
@pytest.mark.django_db
def test_failed_sign_ins_through_both_servers_add_up_to_the_limit(two_servers, settings):
    settings.SIGN_IN_ADDRESS_LIMIT = 4
    people = [factories.councillor() for _ in range(5)]  # one try each: never axes' own limit

    def sign_in(person):
        return Client().post(
            reverse("login"),
            {"username": person.email, "password": "Summer2025!"},
            REMOTE_ADDR=ADDRESS,
        )

    for n, person in enumerate(people[:4]):
        two_servers(n % 2)
        assert "too many failed sign-ins" not in sign_in(person).text
    two_servers(0)
    assert "too many failed sign-ins from your network" in sign_in(people[4]).text


@pytest.mark.redis
def test_the_e_mail_feedback_and_api_limits_count_across_both_servers(two_servers):
    def ask_about_email(n: int) -> bool:
        two_servers(n % 2)
        return not email_over_limit(
            purpose="password-reset", email="jo@example.org", limit=3, window_minutes=60
        )

    assert [ask_about_email(n) for n in range(4)] == [True, True, True, False]

    def give_feedback(n: int) -> bool:
        two_servers(n % 2)
        try:
            _count_and_check(ADDRESS)
        except RateLimited:
            return False
        return True

    sent = [give_feedback(n) for n in range(FEEDBACK_LIMIT + 1)]
    assert sent == [True] * FEEDBACK_LIMIT + [False]

    # Each server has its own throttle object, as each process has.
    throttles = [PortalThrottle("3/m"), PortalThrottle("3/m")]
    request = RequestFactory().get("/api/v1/", REMOTE_ADDR=ADDRESS)

    def call_api(n: int) -> bool:
        two_servers(n % 2)
        return throttles[n % 2].allow_request(request)

    assert [call_api(n) for n in range(4)] == [True, True, True, False]
    assert 0 < throttles[1].wait() <= 60


def test_settings_share_cache_and_files_when_told_and_keep_them_local_otherwise():
    """docker-compose's CACHE_URL (rediscache://) is Django's own Redis cache, and its bucket
    the file storage; `make run`, with neither, keeps working on memory and MEDIA_ROOT."""
    script = (
        "import json, corporate_parenting.settings_test as s; "
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.STORAGES['default']], default=str))"
    )

    def settings_given(**env: str) -> list:
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={"DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal", **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    cache, files = settings_given(
        CACHE_URL="rediscache://redis:6379/1",
        AWS_STORAGE_BUCKET_NAME="portal",
        AWS_S3_ENDPOINT_URL="http://minio:9000",
    )
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert files["BACKEND"] == "corporate_parenting.object_storage.ObjectStorage"
    assert files["OPTIONS"]["bucket_name"] == "portal"
    assert files["OPTIONS"]["endpoint_url"] == "http://minio:9000"
    assert files["OPTIONS"]["addressing_style"] == "path"
    assert files["OPTIONS"]["file_overwrite"] is False  # a second upload never replaces the first

    cache, files = settings_given()
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert files == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
