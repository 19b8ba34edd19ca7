import pytest

from offer.models import Measurement, OfferEntry
from tests.bench.build_offer import BUILDERS
from tests.bench.data import build_people
from tests.helpers import query_count

pytestmark = pytest.mark.django_db


def test_benchmark_builders_make_searchable_entries_and_indicator_history():
    build_people(1)
    rows = {}
    for builder in BUILDERS:
        rows.update(builder(1))
    assert rows["offer_entries"] == 100 and rows["indicators"] == 10
    assert Measurement.objects.count() == 10 * 12
    assert OfferEntry.objects.published().search("council tax").exists()


def test_scorecard_queries_do_not_grow_with_periods(client_for):
    from tests.bench.build_offer import build_kpis

    client = client_for("councillor")
    build_kpis(1)
    client.get("/offer/kpis/")
    small = query_count(client, "/offer/kpis/")
    Measurement.objects.all().delete()
    from offer.models import Indicator

    Indicator.objects.all().delete()
    build_kpis(3)
    assert query_count(client, "/offer/kpis/") == small
