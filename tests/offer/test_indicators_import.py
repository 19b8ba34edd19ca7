"""The definitions-only CSV import: many indicators at once, all or nothing, every bad line
listed; a code already there changes only the columns the file has; never a figure."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corporate_parenting.models import Duty, DutyKind
from offer.indicators.services import indicators_import
from offer.models import Indicator, Measurement
from offer.services import ImportRefused
from strategy.models import Priority
from tests import factories
from tests.offer.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

GOOD = b"""code,name,definition,unit,polarity,target,tolerance,source,priority,owner
CL-EET-19-21,Care leavers in EET,Aged 19 to 21.,percent,higher,60,5,DfE,Stability,kpi.owner@example.org
CLA-RATE,Children looked after per 10000,,"Rate per 10,000",context,,,DfE,,
MISSING,Children who went missing,,percent,Lower is better,10%,,,,
"""


@pytest.fixture
def kpi_owner(db):
    person = factories.officer(email="kpi.owner@example.org", full_name="Kim Owens")
    Duty.objects.create(user=person, kind=DutyKind.KPI_OWNER)
    return person


@pytest.fixture
def stability(db):
    return Priority.objects.create(name="Stability", slug="stability")


def refused(data: bytes, actor) -> list[tuple[int, str]]:
    with pytest.raises(ImportRefused) as caught:
        indicators_import(data=data, actor=actor)
    return [(e.line, e.reason) for e in caught.value.errors]


def test_a_good_file_creates_every_indicator_and_no_figure(kpi_owner, stability):
    result = indicators_import(data=GOOD, actor=kpi_owner)
    assert (result.created, result.updated) == (3, 0)
    eet = Indicator.objects.get(code="CL-EET-19-21")
    assert (eet.unit, eet.polarity, eet.target, eet.priority, eet.owner) == (
        "percent",
        "higher",
        Decimal("60"),
        stability,
        kpi_owner,
    )
    assert Indicator.objects.get(code="CLA-RATE").unit == "rate"
    missing = Indicator.objects.get(code="MISSING")
    assert (missing.polarity, missing.target, missing.tolerance) == ("lower", 10, 0)
    assert not Measurement.objects.exists()


def test_importing_the_same_file_again_changes_nothing(kpi_owner, stability):
    indicators_import(data=GOOD, actor=kpi_owner)
    stamps = dict(Indicator.objects.values_list("code", "updated_at"))
    result = indicators_import(data=GOOD, actor=kpi_owner)
    assert (result.created, result.updated) == (0, 0)
    assert dict(Indicator.objects.values_list("code", "updated_at")) == stamps


def test_a_code_already_there_changes_only_the_columns_the_file_has(kpi_owner):
    IndicatorFactory(
        code="NEET-CL", name="Old name", priority=None, target=Decimal(35), source="Kept"
    )
    result = indicators_import(data=b"code,name,target\nneet-cl,New name,\n", actor=kpi_owner)
    assert (result.created, result.updated) == (0, 1)
    neet = Indicator.objects.get(code="NEET-CL")
    assert (neet.name, neet.target, neet.source) == ("New name", None, "Kept")


def test_a_bad_file_imports_nothing_and_lists_every_bad_line(kpi_owner):
    IndicatorFactory(code="OLD", priority=None, retired_at=timezone.now())
    data = b"""code,name,unit,polarity,target,owner
GOOD-ONE,A good one,percent,higher,50,
,No code,percent,higher,,
NEW-ONE,,percent,higher,,
BAD-UNIT,Bad unit,furlongs,higher,,
BIG,Too big,percent,higher,140,
OLD,Changed,percent,higher,,
GOOD-ONE,Again,percent,higher,,
NOT A CODE,Spaces,percent,higher,,
WHO,Owner,percent,higher,,someone@example.org
"""
    assert refused(data, kpi_owner) == [
        (3, "code is missing"),
        (4, "name is missing (a new indicator needs one)"),
        (5, "unit 'furlongs' is not one of percent, rate, count, days"),
        (6, "target: Enter a target from 0 to 100 (percent)"),
        (7, "indicator 'OLD' is retired: reinstate it before changing it"),
        (8, "duplicate of line 2 (GOOD-ONE)"),
        (
            9,
            "code: Enter a code of letters, numbers, hyphens or underscores, 30 characters or fewer",
        ),
        (10, "owner 'someone@example.org' is not a person with the KPI owner duty"),
    ]
    assert list(Indicator.objects.values_list("code", flat=True)) == ["OLD"]


def test_a_file_with_figures_columns_is_refused(kpi_owner):
    assert refused(b"code,period,value\nNEET-CL,2024,40\n", kpi_owner) == [
        (
            1,
            "the header row has columns this import does not know: 'period', 'value'. The "
            "columns are code, name, definition, unit, polarity, priority, target, tolerance, "
            "source, owner (figures go in the figures import)",
        ),
        # The rows are checked in the same pass, with the columns the import knows.
        (
            2,
            "name is missing (a new indicator needs one); unit is missing (a new indicator "
            "needs one); polarity is missing (a new indicator needs one)",
        ),
    ]


def test_an_officer_without_the_duty_cannot_import(officer):
    with pytest.raises(PermissionDenied):
        indicators_import(data=GOOD, actor=officer)


def test_the_template_downloads_and_imports_as_it_is(client_for, kpi_owner, portal_admin):
    client = client_for("admin")
    response = client.get(reverse("offer:indicator_import_template"))
    assert response["Content-Disposition"].startswith("attachment")
    result = indicators_import(data=response.content, actor=portal_admin)
    assert result.created == 1


def test_the_import_page_lists_bad_lines_then_imports_a_good_file(client_for, stability):
    client = client_for("admin")
    url = reverse("offer:indicator_import")
    bad = SimpleUploadedFile("defs.csv", b"code,name,unit,polarity\nX1,Name,percent,sideways\n")
    response = client.post(url, {"file": bad})
    assert response.status_code == 200
    assert "Line 2: polarity &#x27;sideways&#x27; is not one of" in response.content.decode()
    assert not Indicator.objects.exists()
    good = SimpleUploadedFile("defs.csv", b"code,name,unit,polarity\nX1,Name,percent,higher\n")
    assert client.post(url, {"file": good}).status_code == 302
    assert Indicator.objects.get(code="X1").name == "Name"


cells = st.one_of(
    st.sampled_from(
        ["NEW-1", "new-1", "percent", "rate", "higher", "context", "", "50", "-1", "1e400", "NaN"]
    ),
    st.text(max_size=12),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=6), max_size=6))
def test_fuzzed_files_never_crash_and_never_import_part(kpi_owner, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["code", "name", "unit", "polarity", "target", "tolerance"])
    writer.writerows(rows)
    try:
        result = indicators_import(data=buffer.getvalue().encode(), actor=kpi_owner)
    except ImportRefused as refusal:
        assert refusal.errors, "a refusal always says why"
        assert not Indicator.objects.exists()
    else:
        assert result.created == Indicator.objects.count()
    assert not Measurement.objects.exists()
    Indicator.objects.all().delete()
