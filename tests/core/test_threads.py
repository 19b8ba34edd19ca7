"""Pages render correctly when many threads render them at once (the server is threaded).

govuk-frontend-django's template nodes kept per-render state on the compiled template, which
every thread shares: under 50 clients, half the responses were 500s
(`list.remove(x): x not in list` from the phase banner). The base layout now renders its GOV.UK
components as plain includes, which keep no state between renders.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from tests.events.factories import EventFactory
from tests.second_factor import sign_in_verified

THREADS = 16
REQUESTS_PER_THREAD = 12
PUBLIC_PAGES = ["/", "/offer/", "/offer/?q=council+tax", "/events/public/"]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(120)]


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Threads read committed rows only, so these tests commit; a database another such test
    flushed has lost the role groups the migration made."""
    from corporate_parenting.services import roles_ensure

    roles_ensure()


def _hammer(pages: list[str], login=None) -> tuple[Counter, list[BaseException], set[bytes]]:
    statuses: Counter = Counter()
    errors: list[BaseException] = []
    banners: set[bytes] = set()
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker(number: int) -> None:
        client = Client(raise_request_exception=True)
        if login is not None:
            with lock:
                sign_in_verified(client, login)
        start.wait()
        try:
            for i in range(REQUESTS_PER_THREAD):
                response = client.get(pages[(number + i) % len(pages)])
                with lock:
                    statuses[response.status_code] += 1
                if response.status_code == 200:
                    banner = response.content.split(b'class="govuk-phase-banner__content"')[1]
                    with lock:
                        banners.add(banner.split(b"</p>")[0])
        except BaseException as error:  # reported below, with its kind
            with lock:
                errors.append(error)
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(worker, range(THREADS)))
    return statuses, errors, banners


def test_public_pages_render_from_many_threads_at_once():
    EventFactory(is_public=True)
    statuses, errors, banners = _hammer(PUBLIC_PAGES)
    assert not errors, errors[:3]
    assert statuses == Counter({200: THREADS * REQUESTS_PER_THREAD})
    # Every response has the same, whole phase banner: no thread saw another's half-render.
    assert len(banners) == 1
    assert b"Beta" in next(iter(banners))


def test_signed_in_pages_render_from_many_threads_at_once(officer):
    statuses, errors, _ = _hammer(["/", "/events/", "/panels/", "/panels/actions/"], login=officer)
    assert not errors, errors[:3]
    assert set(statuses) == {200}, statuses


def test_the_threaded_server_answers_many_clients_at_once(live_server):
    """The issue's case: clients at once against the threaded server, public pages."""
    import urllib.error
    import urllib.request

    EventFactory(is_public=True)
    statuses: Counter = Counter()
    lock = threading.Lock()

    def fetch(number: int) -> None:
        for i in range(REQUESTS_PER_THREAD):
            url = live_server.url + PUBLIC_PAGES[(number + i) % len(PUBLIC_PAGES)]
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                statuses[status] += 1

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(fetch, range(THREADS)))
    assert statuses == Counter({200: THREADS * REQUESTS_PER_THREAD})
