"""Progress of the strategy: one rule, in strategy/progress.py, that agrees with the RAG rule of
the scorecard, in a fixed number of queries."""

import datetime
import itertools
from decimal import Decimal

import pytest

from offer import kpis
from offer.models import Indicator, Measurement, OfferEntry, Polarity
from panels.models import ActionStatus
from strategy.models import Priority
from strategy.progress import csv_rows, is_on_target, progress_of
from tests.offer.factories import IndicatorFactory, MeasurementFactory, OfferEntryFactory
from tests.panels.factories import ActionFactory
from tests.strategy.factories import ObjectiveFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def _indicator(value, *, target="80", polarity=Polarity.HIGHER):
    indicator = IndicatorFactory(target=Decimal(target) if target else None, polarity=polarity)
    if value is not None:
        MeasurementFactory(indicator=indicator, period="2024", value=Decimal(value))
    return indicator


def _linked_objective():
    objective = ObjectiveFactory(priority=PriorityFactory(name="Stability", slug="stability"))
    objective.actions.set(
        [ActionFactory(status=ActionStatus.DONE), ActionFactory(status=ActionStatus.OPEN)]
    )
    objective.indicators.set(
        [
            _indicator("85"),  # green
            _indicator("50"),  # red
            _indicator("50", polarity=Polarity.CONTEXT),  # no RAG
            _indicator(None),  # no figure
        ]
    )
    objective.offer_entries.set(
        [OfferEntryFactory(), OfferEntryFactory(status=OfferEntry.Status.DRAFT)]
    )
    return objective


def test_progress_counts_done_actions_green_kpis_and_entries():
    _linked_objective()
    [priority] = progress_of(Priority.objects.all())
    counts = priority.objectives[0].counts
    assert (counts.actions, counts.actions_done) == (2, 1)
    assert (counts.indicators, counts.indicators_rated, counts.indicators_on_target) == (4, 2, 1)
    assert counts.offer_entries == 2
    assert counts.actions_text == "1 of 2 done"
    assert counts.indicators_text == "1 of 2 on target"
    assert priority.counts == counts


def test_public_progress_counts_only_published_offer_entries():
    _linked_objective()
    [priority] = progress_of(Priority.objects.all(), public=True)
    assert priority.objectives[0].counts.offer_entries == 1


def test_a_priority_sums_its_objectives():
    objective = _linked_objective()
    second = ObjectiveFactory(priority=objective.priority)
    second.actions.set([ActionFactory(status=ActionStatus.DONE)])
    [priority] = progress_of(Priority.objects.all())
    assert (priority.counts.actions, priority.counts.actions_done) == (3, 2)


@pytest.mark.parametrize(
    ("value", "target", "tolerance", "polarity"),
    list(
        itertools.product(
            ["40", "79", "80", "81", "120", None],
            ["80", None],
            ["0", "2"],
            [Polarity.HIGHER, Polarity.LOWER, Polarity.CONTEXT],
        )
    ),
)
def test_on_target_is_the_scorecards_green(value, target, tolerance, polarity):
    indicator = Indicator(
        code="X",
        name="X",
        unit="percent",
        polarity=polarity,
        target=Decimal(target) if target else None,
        tolerance=Decimal(tolerance),
    )
    history = (
        [
            Measurement(
                indicator=indicator,
                period="2024",
                period_start=datetime.date(2024, 1, 1),
                value=Decimal(value),
            )
        ]
        if value is not None
        else []
    )
    status = kpis.status_of(indicator, history)
    expected = (
        kpis.rag(
            value=Decimal(value) if value else None,
            target=Decimal(target) if target else None,
            tolerance=Decimal(tolerance),
            polarity=polarity,
        )
        == kpis.Rag.GREEN
    )
    assert is_on_target(status) is expected


def test_progress_takes_the_same_queries_for_many_objectives(django_assert_max_num_queries):
    _linked_objective()
    with django_assert_max_num_queries(6):
        progress_of(Priority.objects.all())
    for _ in range(8):
        objective = _linked_objective()
        ObjectiveFactory(priority=objective.priority)
    PriorityFactory()
    with django_assert_max_num_queries(6):
        progress = progress_of(Priority.objects.all())
    assert sum(len(p.objectives) for p in progress) == 17


def test_csv_has_a_row_per_objective():
    _linked_objective()
    rows = csv_rows(progress_of(Priority.objects.all()))
    assert rows[0][:2] == ("Priority", "Objective")
    assert rows[1][0] == "Stability" and rows[1][2:] == (1, 2, 1, 2, 4, 2)
