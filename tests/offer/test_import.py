import contextlib
import csv
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offer.models import Measurement
from offer.services import ImportRefused, measurements_import
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

GOOD = b"""code,period,value,england,statistical_neighbours,region,note
NEET-CL,2023,41,38,39,37.5,
NEET-CL,2024,39.5,38,,,Provisional
CIC-RATE,2024-Q1,58.7,71,,,
"""


@pytest.fixture
def indicators():
    IndicatorFactory(code="NEET-CL", unit="percent", polarity="lower", priority=None)
    IndicatorFactory(code="CIC-RATE", unit="rate", polarity="context", priority=None)


def refused(data: bytes) -> list[tuple[int, str]]:
    with pytest.raises(ImportRefused) as caught:
        measurements_import(data=data, actor=None)
    return [(e.line, e.reason) for e in caught.value.errors]


def test_good_file_imports_every_row(indicators):
    result = measurements_import(data=GOOD, actor=None)
    assert (result.created, result.updated) == (3, 0)
    neet = Measurement.objects.get(indicator__code="NEET-CL", period="2024")
    assert neet.value == Decimal("39.50") and neet.note == "Provisional"
    assert Measurement.objects.get(indicator__code="CIC-RATE").period_kind == "quarter"


def test_reimporting_a_good_file_makes_no_duplicates(indicators):
    measurements_import(data=GOOD, actor=None)
    result = measurements_import(data=GOOD.replace(b"39.5", b"40"), actor=None)
    assert (result.created, result.updated) == (0, 3)
    assert Measurement.objects.count() == 3
    assert Measurement.objects.get(period="2024").value == Decimal("40.00")


def test_bad_file_imports_nothing_and_lists_every_bad_row(indicators):
    MeasurementFactory(
        indicator__code="NEET-CL", indicator__priority=None, period="2020", value=Decimal(50)
    )
    data = b"""code,period,value
NEET-CL,2021,40
NOPE,2022,40
NEET-CL,2022,140
NEET-CL,22,40
NEET-CL,2021,41
CIC-RATE,2023,abc
"""
    assert refused(data) == [
        (3, "unknown indicator code 'NOPE'"),
        (4, "value 140 is out of range for percent (0 to 100)"),
        (
            5,
            "period '22' is not a year (2024), a quarter (2024-Q1), a month (2024-03), a "
            "financial year (FY 2023-24) or an academic year (AY 2023-24)",
        ),
        (6, "duplicate of line 2 (NEET-CL 2021)"),
        (7, "value 'abc' is not a number"),
    ]
    assert Measurement.objects.count() == 1  # only the one made before


def test_missing_columns_are_reported(indicators):
    assert refused(b"code,value\nNEET-CL,4\n") == [(1, "the header row has no period column")]


def test_empty_and_non_utf8_files_are_refused(indicators):
    assert refused(b"code,period,value\n") == [(0, "the file has no rows of figures")]
    assert refused("code,period,value\nNEET-CL,2024,4\n".encode("utf-16"))[0][1].startswith(
        "the file is not UTF-8"
    )


def test_excel_bom_and_capitalised_header_are_accepted(indicators):
    result = measurements_import(
        data="\ufeffCode,Period,Value\nneet-cl,2024,40\n".encode(), actor=None
    )
    assert result.created == 1


cells = st.one_of(
    st.sampled_from(
        [
            "NEET-CL",
            "CIC-RATE",
            "nope",
            "2024",
            "2024-Q2",
            "2024-13",
            "-1",
            "1e400",
            "NaN",
            "100.5",
            "",
            "50",
        ]
    ),
    st.text(max_size=12),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=8), max_size=8), header=st.booleans())
def test_fuzzed_files_never_crash_and_never_import_part(indicators, rows, header):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(["code", "period", "value", "england"])
    writer.writerows(rows)
    before = set(Measurement.objects.values_list("indicator__code", "period", "value"))
    try:
        result = measurements_import(data=buffer.getvalue().encode(), actor=None)
    except ImportRefused as refusal:
        assert refusal.errors, "a refusal always says why"
        assert set(Measurement.objects.values_list("indicator__code", "period", "value")) == before
    else:
        # Every line was taken, and every figure it made is stored (a line repeating a period
        # in the same file updates that figure rather than adding one).
        assert result.created + result.updated == len(rows)
        assert Measurement.objects.count() == len(before) + result.created
    Measurement.objects.all().delete()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_fuzzed_bytes_never_crash(indicators, data):
    with contextlib.suppress(ImportRefused):
        measurements_import(data=data, actor=None)
    Measurement.objects.all().delete()


def test_import_page_lists_reasons_and_keeps_nothing(client_for, indicators):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for("officer")
    bad = SimpleUploadedFile("kpis.csv", b"code,period,value\nNOPE,2024,1\nNEET-CL,2024,101\n")
    response = client.post("/offer/kpis/import/", {"file": bad})
    assert response.status_code == 200
    assert b"Line 2: unknown indicator code" in response.content
    assert b"Line 3: value 101" in response.content
    assert Measurement.objects.count() == 0
    good = SimpleUploadedFile("kpis.csv", GOOD)
    response = client.post("/offer/kpis/import/", {"file": good})
    assert response.status_code == 302
    assert Measurement.objects.count() == 3
