"""What the figures and definitions imports refuse, all at once: a column they do not know (its
figures would be lost unseen), a cell under no column, a formula in a text cell; and the
financial and academic years councils write their figures in."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offer.indicators.services import indicators_import
from offer.models import Indicator, Measurement
from offer.services import ImportRefused, measurements_import
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

FIGURE_COLUMNS = "code, period, value, england, statistical_neighbours, region, note"


@pytest.fixture
def neet(db):
    return IndicatorFactory(code="NEET-CL", unit="percent", polarity="lower", priority=None)


def refused(data: bytes) -> list[tuple[int, str]]:
    with pytest.raises(ImportRefused) as caught:
        measurements_import(data=data, actor=None)
    return [(e.line, e.reason) for e in caught.value.errors]


# ---------------------------------------------------------------- columns


def test_a_misspelt_column_refuses_the_file_naming_it_and_the_columns_expected(neet):
    data = b"code,period,value,englnd,statistical neighbours\nNEET-CL,2024,12,13,14\n"
    assert refused(data) == [
        (
            1,
            "the header row has columns this import does not know: 'englnd' (did you mean "
            "england?), 'statistical neighbours' (did you mean statistical_neighbours?). The "
            f"columns are {FIGURE_COLUMNS} (definitions go in the indicator definitions import)",
        )
    ]
    assert not Measurement.objects.exists()


def test_every_problem_of_a_file_is_listed_in_one_pass(neet):
    data = b"code,value,englnd,note,note\nNEET-CL,140,1,,\nNOPE,12,1,,\n"
    assert refused(data) == [
        (1, "the header row has no period column"),
        (
            1,
            "the header row has a column this import does not know: 'englnd' (did you mean "
            f"england?). The columns are {FIGURE_COLUMNS} (definitions go in the indicator "
            "definitions import)",
        ),
        (1, "the header row names note more than once"),
        (2, "value 140 is out of range for percent (0 to 100)"),
        (3, "unknown indicator code 'NOPE'"),
    ]


def test_a_cell_past_the_last_column_is_refused_not_dropped(neet):
    assert refused(b"code,period,value\nNEET-CL,2024,12,13\nNEET-CL,2023,12,,\n") == [
        (
            2,
            "the row has '13' in a column with no name in the header row: name the column or "
            "remove what is in it",
        )
    ]  # the empty cells Excel leaves after the last column are no problem


def test_the_import_page_names_the_unknown_column(client_for, neet):
    data = b"code,period,value,englnd\nNEET-CL,2024,12,13\n"
    response = client_for("officer").post(
        reverse("offer:kpi_import"), {"file": SimpleUploadedFile("kpis.csv", data)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Line 1: the header row has a column this import does not know" in page
    assert "did you mean england?" in page
    assert not Measurement.objects.exists()


def test_the_definitions_import_lists_every_unknown_column_not_only_the_first(portal_admin):
    data = b"code,name,unit,polarity,targt,ownr\nX1,Name,percent,higher,5,\n"
    with pytest.raises(ImportRefused) as caught:
        indicators_import(data=data, actor=portal_admin)
    [header] = [e.reason for e in caught.value.errors]
    assert "'targt' (did you mean target?), 'ownr' (did you mean owner?)" in header
    assert not Indicator.objects.exists()


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize("note", ['=HYPERLINK("https://example.org","x")', "+1", "@SUM(A1)"])
def test_a_formula_in_a_note_is_refused_as_the_members_import_refuses_it(neet, note):
    data = f'code,period,value,note\nNEET-CL,2024,12,"{note.replace(chr(34), chr(34) * 2)}"\n'
    [(line, reason)] = refused(data.encode())
    assert line == 2
    assert reason == (
        f"note starts with '{note[0]}', which a spreadsheet would run as a formula: remove it"
    )
    assert not Measurement.objects.exists()


def test_a_formula_code_is_said_once_and_numbers_are_read_as_numbers(neet):
    # The code is not looked up as well ("unknown code"); -5 is a number, not a formula.
    assert refused(b"code,period,value\n=NEET-CL,2024,-5\n") == [
        (2, "code starts with '=', which a spreadsheet would run as a formula: remove it")
    ]


def test_a_formula_in_a_definition_is_refused(portal_admin):
    data = b'code,name,unit,polarity,definition\nX1,Name,percent,higher,"=HYPERLINK(""x"")"\n'
    with pytest.raises(ImportRefused) as caught:
        indicators_import(data=data, actor=portal_admin)
    assert [(e.line, e.reason) for e in caught.value.errors] == [
        (
            2,
            "definition starts with '=', which a spreadsheet would run as a formula: remove it",
        )
    ]
    assert not Indicator.objects.exists()


# ---------------------------------------------------------------- financial and academic years


@pytest.mark.parametrize(
    ("written", "stored", "start"),
    [
        ("FY 2023-24", "FY 2023-24", datetime.date(2023, 4, 1)),
        ("fy2023/24", "FY 2023-24", datetime.date(2023, 4, 1)),
        ("Financial year 2023-2024", "FY 2023-24", datetime.date(2023, 4, 1)),
        ("AY 2023/24", "AY 2023-24", datetime.date(2023, 9, 1)),
        ("AY 2023-2024", "AY 2023-24", datetime.date(2023, 9, 1)),
    ],
)
def test_a_financial_or_academic_year_is_imported(neet, written, stored, start):
    measurements_import(data=f"code,period,value\nNEET-CL,{written},12\n".encode(), actor=None)
    figure = Measurement.objects.get()
    assert (figure.period, figure.period_kind, figure.period_start) == (stored, "year", start)


def test_2023_24_alone_is_refused_saying_which_forms_are_read(neet):
    assert refused(b"code,period,value\nNEET-CL,2023-24,12\n") == [
        (
            2,
            "period '2023-24' could be a financial year (April to March) or an academic year "
            "(September to August): write FY 2023-24 or AY 2023-24",
        )
    ]


def test_2023_24_alone_is_the_kind_of_year_the_indicators_figures_are_in(neet):
    MeasurementFactory(
        indicator=neet,
        period="AY 2022-23",
        period_start=datetime.date(2022, 9, 1),
        value=Decimal(14),
    )
    other = IndicatorFactory(code="CLA-RATE", unit="rate", polarity="context", priority=None)
    data = b"code,period,value\nNEET-CL,2023-24,12\nCLA-RATE,2023/24,70\nCLA-RATE,FY 2022-23,71\n"
    measurements_import(data=data, actor=None)
    assert neet.measurements.get(value=12).period == "AY 2023-24"
    # A row of the same file that says FY decides for the others of its indicator.
    assert other.measurements.get(value=70).period == "FY 2023-24"
    assert other.measurements.get(value=70).period_start == datetime.date(2023, 4, 1)


def test_a_month_is_still_a_month(neet):
    measurements_import(data=b"code,period,value\nNEET-CL,2023-12,12\n", actor=None)
    assert Measurement.objects.get().period == "2023-12"
