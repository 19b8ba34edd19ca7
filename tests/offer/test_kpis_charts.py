"""Trend charts: drawn from an autoescaping template, and drawn once per change of their data."""

import threading
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest
from django.core.cache import cache

from offer.kpis import charts
from offer.models import Measurement
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Care leavers "in touch" <script>alert(1)</script> & \'NEET\' <b x="1">'


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def draws(monkeypatch):
    """How many charts were drawn (rendered from the template) since the test began."""
    drawn: list[str] = []
    draw = charts.draw

    def counting(chart):
        drawn.append(chart.uid)
        return draw(chart)

    monkeypatch.setattr(charts, "draw", counting)
    return drawn


def _parse(markup: str) -> ET.Element:
    # An XML parser, not an HTML one: it refuses anything that is not well formed.
    return ET.fromstring(markup)  # noqa: S314 - markup the test itself made, no entities


def _history(indicator, *values):
    return [
        MeasurementFactory(indicator=indicator, period=str(2020 + n), value=D(v), england=D(60))
        for n, v in enumerate(values)
    ]


def test_a_name_with_quotes_and_angle_brackets_is_text_in_the_chart():
    indicator = IndicatorFactory(name=HOSTILE)
    svg = str(charts.trend_chart(indicator, _history(indicator, "70", "72")))
    root = _parse(svg)  # well formed: nothing in the name opened or closed an element
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == f"{HOSTILE}: trend over 2 periods"
    assert (root.findtext(f"{SVG}desc") or "").startswith("2020: 70% (England 60%); 2021: 72%")
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}b"))
    assert "<script>" not in svg and '"in touch"' not in svg
    # Every attribute is one of ours, with a value the page can trust.
    for element in root.iter():
        assert set(element.attrib) <= {
            "class", "viewBox", "width", "height", "role", "aria-labelledby", "focusable", "id",
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points", "fill", "stroke",
            "stroke-width", "stroke-dasharray", "text-anchor", "font-size",
        }  # fmt: skip


def test_a_chart_with_no_figures_escapes_the_name_too():
    indicator = IndicatorFactory(name=HOSTILE)
    html = str(charts.trend_chart(indicator, []))
    paragraph = _parse(html)
    assert paragraph.tag == "p" and paragraph.text == f"No figures yet for {HOSTILE}."


def test_chart_marks_are_where_the_figures_are():
    indicator = IndicatorFactory(target=D(50), tolerance=D(0))
    chart = charts.chart_geometry(indicator, _history(indicator, "40", "60"))
    ours = chart.ours
    assert ours[0].x == chart.left and ours[1].x == chart.plot_right
    assert chart.target_y is not None
    assert ours[1].y < chart.target_y < ours[0].y  # higher figures are higher up
    root = _parse(charts.draw(chart))
    line = root.find(f"{SVG}polyline[@stroke='#1d70b8']")
    assert line is not None
    assert line.get("points") == f"{ours[0].x},{ours[0].y} {ours[1].x},{ours[1].y}"
    assert len(root.findall(f"{SVG}circle")) == 2 and len(root.findall(f"{SVG}rect")) == 2


def test_a_chart_is_drawn_once_until_its_figures_change(draws):
    indicator = IndicatorFactory()
    history = _history(indicator, "70", "72")
    first = charts.trend_chart(indicator, history)
    assert charts.trend_chart(indicator, history) == first
    assert len(draws) == 1

    Measurement.objects.filter(pk=history[1].pk).update(value=D("90"))
    history[1].refresh_from_db()
    changed = charts.trend_chart(indicator, history)
    assert len(draws) == 2 and changed != first and "90%" in changed


def test_a_new_target_or_a_new_period_draws_the_chart_again(draws):
    indicator = IndicatorFactory(target=D(80))
    history = _history(indicator, "70", "72")
    charts.trend_chart(indicator, history)
    indicator.target = D(60)
    charts.trend_chart(indicator, history)
    history.append(MeasurementFactory(indicator=indicator, period="2030", value=D(1)))
    charts.trend_chart(indicator, history)
    assert len(draws) == 3


def test_the_scorecard_draws_its_charts_on_the_first_visit_only(client_for, draws):
    for n in range(3):
        indicator = IndicatorFactory(code=f"C{n}")
        _history(indicator, "70", "72")
    client = client_for("councillor")
    client.get("/offer/kpis/")
    assert len(draws) == 3
    assert 'role="img"' in client.get("/offer/kpis/").content.decode()
    assert len(draws) == 3

    changed = Measurement.objects.filter(indicator__code="C1").latest("period_start")
    changed.value = D("99")
    changed.save()
    content = client.get("/offer/kpis/").content.decode()
    assert draws[3:] == ["chart-C1"]
    assert "2021: 99% (England 60%)" in content


def test_charts_drawn_in_several_threads_at_once_are_each_whole():
    indicator = IndicatorFactory(name="Stable homes")
    history = _history(indicator, *[str(50 + n) for n in range(12)])
    expected = str(charts.draw(charts.chart_geometry(indicator, history)))
    results: list[str] = []

    def draw_many():
        for _ in range(20):
            cache.clear()
            results.append(str(charts.trend_chart(indicator, history)))

    threads = [threading.Thread(target=draw_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80 and set(results) == {expected}
