"""The KPI figures import keeps what a file does not speak about: a comparator column the file
leaves out keeps the stored comparators; a column it has with a blank cell clears one."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from corporate_parenting.models import AuditEvent
from offer.models import Measurement
from offer.services import ImportRefused, measurements_import
from tests.offer.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored():
    """NEET-CL 2024 with every comparator and a note, as a previous import left it."""
    return MeasurementFactory(
        indicator=IndicatorFactory(code="NEET-CL", unit="percent", polarity="lower", priority=None),
        period="2024",
        value=Decimal("40"),
        england=Decimal("38"),
        statistical_neighbours=Decimal("39"),
        region=Decimal("37.5"),
        note="Provisional",
    )


def _fresh(measurement: Measurement) -> Measurement:
    return Measurement.objects.get(pk=measurement.pk)


def test_a_file_without_comparator_columns_keeps_the_stored_comparators(stored):
    result = measurements_import(data=b"code,period,value\nNEET-CL,2024,42\n", actor=None)
    assert (result.created, result.updated) == (0, 1)
    figure = _fresh(stored)
    assert figure.value == Decimal("42")
    assert (figure.england, figure.statistical_neighbours, figure.region) == (
        Decimal("38"),
        Decimal("39"),
        Decimal("37.5"),
    )
    assert figure.note == "Provisional"


def test_a_blank_cell_in_a_column_the_file_has_clears_that_comparator_only(stored):
    measurements_import(data=b"code,period,value,england\nNEET-CL,2024,42,\n", actor=None)
    figure = _fresh(stored)
    assert figure.england is None
    assert figure.statistical_neighbours == Decimal("39")
    assert figure.region == Decimal("37.5")


def test_a_column_with_a_figure_replaces_the_stored_comparator(stored):
    measurements_import(
        data=b"code,period,value,region,note\nNEET-CL,2024,42,36,\n",
        actor=None,
    )
    figure = _fresh(stored)
    assert figure.region == Decimal("36")
    assert figure.note == ""  # the note column is there and blank: cleared
    assert figure.england == Decimal("38")


def test_a_new_period_from_a_file_without_comparators_has_none(stored):
    measurements_import(data=b"code,period,value\nNEET-CL,2025,41\n", actor=None)
    new = Measurement.objects.get(period="2025")
    assert (new.england, new.statistical_neighbours, new.region, new.note) == (
        None,
        None,
        None,
        "",
    )


def test_a_refused_file_saves_nothing_not_even_its_good_rows(stored):
    IndicatorFactory(code="CIC-RATE", unit="rate", polarity="context", priority=None)
    data = b"code,period,value,england\nNEET-CL,2024,42,\nCIC-RATE,2024,55,60\nNOPE,2024,1,\n"
    with pytest.raises(ImportRefused) as caught:
        measurements_import(data=data, actor=None)
    assert [(e.line, e.reason) for e in caught.value.errors] == [
        (4, "unknown indicator code 'NOPE'")
    ]
    assert Measurement.objects.count() == 1
    figure = _fresh(stored)
    assert (figure.value, figure.england) == (Decimal("40"), Decimal("38"))
    assert not AuditEvent.objects.filter(action="figures imported").exists()


def test_a_good_file_saves_every_row(stored):
    IndicatorFactory(code="CIC-RATE", unit="rate", polarity="context", priority=None)
    data = b"code,period,value\nNEET-CL,2024,42\nNEET-CL,2025,41\nCIC-RATE,2024-Q1,55\n"
    result = measurements_import(data=data, actor=None)
    assert (result.created, result.updated) == (2, 1)
    assert set(Measurement.objects.values_list("indicator__code", "period", "value")) == {
        ("NEET-CL", "2024", Decimal("42")),
        ("NEET-CL", "2025", Decimal("41")),
        ("CIC-RATE", "2024-Q1", Decimal("55")),
    }


def test_the_import_records_who_imported_for_each_indicator(stored, officer):
    IndicatorFactory(code="CIC-RATE", unit="rate", polarity="context", priority=None)
    measurements_import(
        data=b"code,period,value\nNEET-CL,2025,41\nCIC-RATE,2024,55\n", actor=officer
    )
    events = AuditEvent.objects.filter(action="figures imported")
    assert {e.object_repr.split(":")[0] for e in events} == {"NEET-CL", "CIC-RATE"}
    assert {e.actor for e in events} == {officer}
    neet = events.get(object_repr__startswith="NEET-CL")
    assert "2025" in neet.note and "england" in neet.note  # says the comparators were kept


def test_a_councillor_cannot_import_figures(stored, councillor):
    with pytest.raises(PermissionDenied):
        measurements_import(data=b"code,period,value\nNEET-CL,2024,1\n", actor=councillor)
    assert _fresh(stored).value == Decimal("40")


def test_the_import_page_says_what_a_missing_or_blank_comparator_does(client_for):
    page = client_for("officer").get("/offer/kpis/import/").content.decode()
    assert "leaves the comparators already stored as they are" in page
    assert "blank cell" in page and "clears" in page
    assert "Download a template CSV file" in page


def test_importing_through_the_page_records_the_officer(client_for, stored, officer):
    upload = SimpleUploadedFile("kpis.csv", b"code,period,value\nNEET-CL,2024,43\n")
    response = client_for("officer").post("/offer/kpis/import/", {"file": upload})
    assert response.status_code == 302
    assert _fresh(stored).england == Decimal("38")
    assert AuditEvent.objects.get(action="figures imported").actor == officer
