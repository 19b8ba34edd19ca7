"""Invented (demonstration) figures are marked wherever they are shown, by one rule
(offer/demo_marking.py); a council's real figures never are."""

import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from pypdf import PdfReader

from offer.demo_marking import figures_are_invented, shows_invented_figures
from offer.embed import embed_kpis
from offer.kpis import status_of
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

MARK = "These figures are invented for the demonstration"


@pytest.fixture(params=[True, False], ids=["demo", "real"])
def figure(request):
    indicator = IndicatorFactory(code="NEET-CL", name="Care leavers NEET", priority=None)
    for year, value in ((2023, 41), (2024, 39)):
        MeasurementFactory(
            indicator=indicator,
            period=str(year),
            value=Decimal(value),
            england=Decimal(38),
            is_demo=request.param,
        )
    return indicator, request.param


def _pdf_text(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_one_rule():
    real = MeasurementFactory.build(is_demo=False, indicator__priority=None)
    demo = MeasurementFactory.build(is_demo=True, indicator__priority=None)
    assert not figures_are_invented([real])
    assert figures_are_invented([real, demo])
    assert not figures_are_invented([])


def test_the_rule_reads_the_objects_pages_already_have(figure):
    indicator, invented = figure
    history = list(indicator.measurements.all())
    status = status_of(indicator, history)
    assert shows_invented_figures(status) is invented
    assert shows_invented_figures([("Stability", [status])]) is invented
    assert shows_invented_figures([{"m": m} for m in history]) is invented
    assert shows_invented_figures(None, "text") is False
    rows = [SimpleNamespace(measurement=m) for m in history]
    assert shows_invented_figures(rows) is invented
    assert shows_invented_figures(SimpleNamespace(status=status, rows=rows)) is invented


def test_scorecard_marks_invented_figures_only(figure, client_for):
    _, invented = figure
    page = client_for("councillor").get(reverse("offer:scorecard")).content.decode()
    assert "Care leavers NEET" in page
    assert (MARK in page) is invented
    assert ("Invented figures: demonstration only" in page) is invented


def test_indicator_page_marks_invented_figures_only(figure, client_for):
    indicator, invented = figure
    page = client_for("councillor").get(reverse("offer:indicator", args=[indicator.code]))
    assert (MARK in page.content.decode()) is invented


def test_scorecard_pdf_marks_invented_figures_only(figure, client_for):
    _, invented = figure
    text = " ".join(_pdf_text(client_for("councillor").get(reverse("offer:scorecard_pdf"))).split())
    assert "Care leavers NEET" in text
    assert (MARK in text) is invented


def test_a_report_kpi_table_marks_invented_figures_only(figure):
    indicator, invented = figure
    assert (MARK in embed_kpis([indicator.code])) is invented
