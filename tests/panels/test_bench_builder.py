import pytest

from tests.bench.build_panels import build_panels
from tests.bench.data import build_people, first_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factor", [1, 10])
def test_benchmark_builder_makes_the_sizes_of_the_issue(factor, client):
    build_people(factor)
    counts = build_panels(factor)
    assert counts["agenda_items"] == 200 * factor
    assert counts["panel_actions"] > 0
    client.force_login(first_user("councillor"))
    for url in ("/panels/", "/panels/actions/", "/panels/bodies/bench-cpp/attendance/"):
        assert client.get(url).status_code == 200
