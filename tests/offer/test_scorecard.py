"""The scorecard and an indicator's history as the pages and spreadsheets show them."""

import io
from decimal import Decimal as D
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from offer.models import Indicator, Polarity
from offer.scorecard import (
    HISTORY_CSV_HEADER,
    NO_PRIORITY,
    SCORECARD_CSV_HEADER,
    history_csv_rows,
    indicator_history,
    scorecard_csv_rows,
    scorecard_groups,
)
from tests.offer.factories import IndicatorFactory, MeasurementFactory
from tests.strategy.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def test_groups_follow_the_strategy_order_and_indicators_with_no_priority_come_last():
    health = PriorityFactory(name="Health", position=2)
    stability = PriorityFactory(name="Stability", position=1)
    IndicatorFactory(code="B", priority=health)
    IndicatorFactory(code="A", priority=health)
    IndicatorFactory(code="C", priority=stability)
    IndicatorFactory(code="D", priority=None)
    groups = scorecard_groups(Indicator.objects.for_scorecard())
    assert [(g.priority, [s.indicator.code for s in g.statuses]) for g in groups] == [
        ("Stability", ["C"]),
        ("Health", ["A", "B"]),
        (NO_PRIORITY, ["D"]),
    ]


def test_scorecard_spreadsheet_has_the_words_the_page_shows():
    indicator = IndicatorFactory(
        code="NEET", name="NEET care leavers", target=D(80), tolerance=D(5)
    )
    MeasurementFactory(indicator=indicator, period="2023", value=D(70))
    MeasurementFactory(indicator=indicator, period="2024", value=D(76), england=D(60))
    [header, row] = scorecard_csv_rows(scorecard_groups(Indicator.objects.for_scorecard()))
    assert header == SCORECARD_CSV_HEADER
    assert row[1:] == (
        "NEET",
        "NEET care leavers",
        "2024",
        "76",
        "Percent",
        "80",
        "Amber: near target",
        "Better",
        "60",
        "",
        "",
    )


def test_history_judges_each_period_against_the_target_and_the_period_before():
    indicator = IndicatorFactory(polarity=Polarity.LOWER, target=D(20), tolerance=D(2))
    for period, value in (("2022", "25"), ("2023", "21"), ("2024", "21")):
        MeasurementFactory(indicator=indicator, period=period, value=D(value), note="n" + period)
    history = indicator_history(indicator, reversed(list(indicator.measurements.all())))
    assert [(r.period, r.rag, r.trend) for r in history.rows] == [
        ("2024", "Amber: near target", "No change"),
        ("2023", "Amber: near target", "Better"),
        ("2022", "Red: off target", "No earlier figure"),
    ]
    assert history.status.latest is not None
    assert history.status.latest.period == "2024"
    assert history_csv_rows(history)[0] == HISTORY_CSV_HEADER
    assert history_csv_rows(history)[1] == (
        "2024", "21", "Percent", "Amber: near target", "No change", "", "", "", "n2024",
    )  # fmt: skip


def test_history_charts_the_latest_twelve_periods_only():
    indicator = IndicatorFactory()
    for year in range(2000, 2015):
        MeasurementFactory(indicator=indicator, period=str(year), value=D(50))
    history = indicator_history(indicator, indicator.measurements.all())
    assert len(history.rows) == 15
    assert [m.period for m in history.chart_status.history][0] == "2003"


@pytest.mark.parametrize(
    ("polarity", "target", "expected"),
    [
        (Polarity.CONTEXT, D(1), "No RAG: context only"),
        (Polarity.HIGHER, None, "No RAG: no target"),
    ],
)
def test_a_figure_with_no_rag_says_why(polarity, target, expected):
    indicator = IndicatorFactory(polarity=polarity, target=target)
    MeasurementFactory(indicator=indicator, value=D(3))
    history = indicator_history(indicator, indicator.measurements.all())
    assert history.rows[0].rag == history.status.rag_label == expected


def test_a_card_is_drawn_once_until_what_it_shows_changes(client_for, monkeypatch):
    from django.core.cache import cache

    from offer import scorecard

    cache.clear()
    drawn: list[str] = []
    render = scorecard.render_to_string

    def counted(*args: Any, **kwargs: Any) -> str:
        drawn.append(args[0])
        return render(*args, **kwargs)

    monkeypatch.setattr(scorecard, "render_to_string", counted)
    indicator = IndicatorFactory(code="CARD", name="Stable homes")
    MeasurementFactory(indicator=indicator, period="2024", value=D(70))
    client = client_for("councillor")
    client.get("/offer/kpis/")
    client.get("/offer/kpis/")
    assert drawn == ["offer/_scorecard_groups.html", "offer/_kpi_card.html"]

    # A bulk change that leaves updated_at alone still shows: the key is what the card shows.
    indicator.measurements.update(is_demo=True)
    content = client.get("/offer/kpis/").content.decode()
    assert "Invented figures" in content and drawn.count("offer/_kpi_card.html") == 2
    Indicator.objects.filter(pk=indicator.pk).update(name="Stable homes for everyone")
    assert "Stable homes for everyone" in client.get("/offer/kpis/").content.decode()
    cache.clear()


def test_an_import_shows_on_the_scorecard_at_once(client_for):
    """The import saves with bulk_update, which leaves updated_at alone: the page still changes."""
    from django.core.cache import cache

    from offer import services

    cache.clear()
    indicator = IndicatorFactory(code="NEET", name="NEET care leavers", target=D(80))
    MeasurementFactory(indicator=indicator, period="2024", value=D(70))
    client = client_for("councillor")
    assert "70%" in client.get("/offer/kpis/").content.decode()
    services.measurements_import(data=b"code,period,value\nNEET,2024,77\n", actor=None)
    content = client.get("/offer/kpis/").content.decode()
    assert "77%" in content and "70%" not in content
    cache.clear()


def test_the_page_shows_what_the_scorecard_rows_show():
    """The page's one-query loader and for_scorecard give the same cards, limits and marks."""
    from django.core.cache import cache
    from django.template.loader import render_to_string

    from offer.scorecard import PAGE_TEMPLATE, scorecard_page

    cache.clear()
    health = PriorityFactory(name="Health", position=2)
    long_run = IndicatorFactory(code="LONG", priority=health, target=D("12.5"), tolerance=D(1))
    for year in range(2000, 2016):
        MeasurementFactory(
            indicator=long_run, period=str(year), value=D(year - 1990) / 3, england=D("10.10")
        )
    demo = IndicatorFactory(code="DEMO", priority=None, target=None)
    MeasurementFactory(indicator=demo, period="2024-Q1", value=D(3), is_demo=True)
    IndicatorFactory(code="EMPTY", priority=PriorityFactory(name="Stability", position=1))
    page = scorecard_page(with_empty=True)
    cache.clear()
    groups = scorecard_groups(Indicator.objects.for_scorecard())
    assert page.groups_html == render_to_string(PAGE_TEMPLATE, {"groups": groups})
    assert page.invented is True
    assert "2003" not in page.groups_html and "2004" in page.groups_html  # the latest twelve
    cache.clear()


def test_a_retired_indicator_leaves_the_scorecard_page_spreadsheet_and_pdf(client_for):
    kept = IndicatorFactory(code="KEPT", name="Placement stability kept")
    gone = IndicatorFactory(code="GONE", name="Measure no longer watched")
    for indicator in (kept, gone):
        MeasurementFactory(indicator=indicator, period="2025", value=D("50"))
    gone.retired_at = timezone.now()
    gone.save()
    client = client_for("councillor")
    page = client.get("/offer/kpis/").text
    spreadsheet = client.get("/offer/kpis/?export=csv").text
    pdf = client.get("/offer/kpis/scorecard.pdf").content
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for shown in (page, spreadsheet, pdf_text):
        assert kept.name in shown
        assert gone.name not in shown
    # Its history is kept and still opens.
    assert gone.name in client.get(f"/offer/kpis/{gone.code}/").text
