import time

import pytest

from tests.bench.build_panels import build_panels
from tests.bench.data import build_people, first_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factor", [1, 10])
def test_benchmark_builder_makes_the_sizes_of_the_issue_quickly(factor, client):
    build_people(factor)
    started = time.monotonic()
    counts = build_panels(factor)
    elapsed = time.monotonic() - started
    assert counts["agenda_items"] == 200 * factor
    assert counts["panel_actions"] > 0
    assert elapsed < 30, f"building panels at factor {factor} took {elapsed:.1f}s"
    client.force_login(first_user("councillor"))
    for url in ("/panels/", "/panels/actions/", "/panels/bodies/bench-cpp/attendance/"):
        assert client.get(url).status_code == 200
