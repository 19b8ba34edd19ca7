"""What the scorecard shows, the same in its page, PDF and spreadsheet: measures with figures
unless asked for every one; the direction of travel in words (better, worse) beside its arrow;
figures as numbers a spreadsheet can add, with their unit beside them; no target for a context
measure."""

import csv
import io
from decimal import Decimal as D

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from offer.models import Polarity
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def pdf_text(content: bytes) -> str:
    """The words of a PDF read back, with line breaks as spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def spreadsheet(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/offer/kpis/?export=csv{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def three_views(client, query: str = "") -> tuple[str, str, str]:
    page = client.get(f"/offer/kpis/?{query.lstrip('&')}").content.decode()
    pdf = client.get(f"/offer/kpis/scorecard.pdf?{query.lstrip('&')}")
    assert pdf.status_code == 200
    rows = client.get(f"/offer/kpis/?export=csv{query}").content.decode("utf-8-sig")
    return page, pdf_text(pdf.content), rows


# ---------------------------------------------------------------- measures with no figures


def test_measures_with_no_figures_are_left_out_unless_asked(client_for):
    reported = IndicatorFactory(code="REPORTED", name="Placement stability reported")
    MeasurementFactory(indicator=reported, period="2024", value=D(70))
    for n in range(3):
        IndicatorFactory(code=f"NATIONAL-{n}", name=f"National measure not reported {n}")
    client = client_for("councillor")

    page, pdf, rows = three_views(client)
    for shown in (page, pdf, rows):
        assert "Placement stability reported" in shown
        assert "National measure not reported" not in shown
    assert "3 measures with no figures yet are not shown" in page
    assert "3 measures with no figures yet are not shown" in pdf

    page, pdf, rows = three_views(client, "&all=1")
    for shown in (page, pdf, rows):
        assert "Placement stability reported" in shown
        assert "National measure not reported 2" in shown
    assert "not shown" not in page and "checked" in page
    # The downloads keep what the page shows.
    assert "?export=csv&amp;all=1" in page and "scorecard.pdf?all=1" in page


@pytest.mark.parametrize("value", ["yes", "0\x00", "a\r\nb", "1" * 10_000, "true"])
def test_a_bad_show_all_value_is_said_never_guessed(client_for, value):
    IndicatorFactory(code="NATIONAL", name="National measure not reported")
    client = client_for("councillor")
    page = client.get("/offer/kpis/", {"all": value})
    assert page.status_code == 200
    text = page.content.decode()
    assert "There is a problem" in text and "the address takes all=1, or nothing" in text
    assert "National measure not reported" not in text
    for url, query in (
        ("/offer/kpis/", {"export": "csv", "all": value}),
        ("/offer/kpis/scorecard.pdf", {"all": value}),
    ):
        response = client.get(url, query)
        assert response.status_code == 400
        assert "the address takes all=1, or nothing" in response.content.decode()


# ---------------------------------------------------------------- the direction of travel


def test_a_falling_rate_where_lower_is_better_says_better_beside_its_arrow(client_for):
    neet = IndicatorFactory(
        code="NEET", name="Care leavers not in education", polarity=Polarity.LOWER, target=None
    )
    MeasurementFactory(indicator=neet, period="2023", value=D(14))
    MeasurementFactory(indicator=neet, period="2024", value=D(11))
    rising = IndicatorFactory(code="RISING", name="Missing incidents", polarity=Polarity.LOWER)
    MeasurementFactory(indicator=rising, period="2023", value=D(5))
    MeasurementFactory(indicator=rising, period="2024", value=D(6))
    page, pdf, _ = three_views(client_for("councillor"))
    assert '<span aria-hidden="true">▲</span> Better' in page
    assert '<span aria-hidden="true">▼</span> Worse' in page
    assert "▲ Better" in pdf and "▼ Worse" in pdf
    rows = {row["Code"]: row for row in spreadsheet(client_for("councillor"))}
    assert rows["NEET"]["Direction of travel"] == "Better"
    assert rows["RISING"]["Direction of travel"] == "Worse"


def test_a_context_measure_says_it_is_neither_better_nor_worse_and_has_no_arrow(client_for):
    cla = IndicatorFactory(
        code="CLA", name="Children looked after", polarity=Polarity.CONTEXT, target=None
    )
    MeasurementFactory(indicator=cla, period="2023", value=D(70))
    MeasurementFactory(indicator=cla, period="2024", value=D(75))
    page, pdf, _ = three_views(client_for("councillor"))
    words = "Up (context measure: no better or worse)"
    assert f'<span aria-hidden="true"></span> {words}' in page
    assert words in pdf
    assert "▲" not in pdf.split("Children looked after", 1)[1]
    [row] = spreadsheet(client_for("councillor"))
    assert row["Direction of travel"] == words
    history = client_for("councillor").get("/offer/kpis/CLA/?export=csv")
    assert words in history.content.decode("utf-8-sig")


# ---------------------------------------------------------------- the spreadsheet


def test_the_spreadsheet_has_numbers_in_their_own_column_and_the_unit_beside(client_for):
    rate = IndicatorFactory(
        code="CLA-RATE", name="Children looked after per 10,000", unit="rate",
        polarity=Polarity.CONTEXT, target=None,
    )  # fmt: skip
    MeasurementFactory(
        indicator=rate, period="2024", value=D("78.00"), england=D("71.50"),
        statistical_neighbours=D("1234.50"),
    )  # fmt: skip
    [row] = spreadsheet(client_for("councillor"))
    assert row["Value"] == "78" and row["Unit"] == "Rate per 10,000"
    assert (row["England"], row["Statistical neighbours"], row["Region"]) == ("71.5", "1234.5", "")
    assert row["Target"] == ""
    assert D(row["Value"]) + D(row["England"]) == D("149.5")  # a spreadsheet can add them
    history = client_for("councillor").get("/offer/kpis/CLA-RATE/?export=csv")
    [line] = list(csv.DictReader(io.StringIO(history.content.decode("utf-8-sig"))))
    assert (line["Value"], line["Unit"], line["England"]) == ("78", "Rate per 10,000", "71.5")
