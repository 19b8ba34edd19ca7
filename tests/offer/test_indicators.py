"""KPI owners and admins keep the indicators' definitions in the browser: create, change,
retire (figures kept), reinstate, and delete only a definition with no figures."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.models import AuditEvent, Duty, DutyKind
from offer.indicators import services
from offer.models import Indicator, Measurement
from offer.services import ImportRefused, measurements_import
from strategy.models import Priority
from tests import factories
from tests.helpers import assert_constant_queries
from tests.offer.factories import IndicatorFactory, MeasurementFactory
from tests.second_factor import sign_in_verified

pytestmark = pytest.mark.django_db

FIELDS: dict[str, Any] = {
    "code": "CL-EET-19-21",
    "name": "Care leavers aged 19 to 21 in education, employment or training",
    "definition": "Care leavers aged 19, 20 and 21 in education, employment or training.",
    "unit": "percent",
    "polarity": "higher",
    "priority": None,
    "target": Decimal("60"),
    "tolerance": Decimal("5"),
    "source": "Children looked after in England including adoption",
    "owner": None,
}


@pytest.fixture
def kpi_owner(db):
    person = factories.officer(email="kpi.owner@example.org", full_name="Kim Owens")
    Duty.objects.create(user=person, kind=DutyKind.KPI_OWNER)
    return person


@pytest.fixture
def owner_client(client, kpi_owner):
    return sign_in_verified(client, kpi_owner)


def _indicator(**fields):
    return IndicatorFactory(**{"priority": None, **fields})


def _form(**changes) -> dict[str, str]:
    data = {k: "" if v is None else str(v) for k, v in FIELDS.items()}
    return data | {k: str(v) for k, v in changes.items()}


# ---------------------------------------------------------------- who may


def test_a_kpi_owner_and_an_admin_may_manage_indicators_others_may_not(
    kpi_owner, portal_admin, officer, councillor
):
    assert services.can_manage_indicators(kpi_owner)
    assert services.can_manage_indicators(portal_admin)
    assert not services.can_manage_indicators(officer)
    assert not services.can_manage_indicators(councillor)
    assert not services.can_manage_indicators(None)


def test_an_officer_without_the_duty_cannot_create_an_indicator(officer):
    with pytest.raises(PermissionDenied):
        services.indicator_save(actor=officer, **FIELDS)
    assert not Indicator.objects.exists()


def test_a_kpi_owner_is_let_in_to_every_indicator_page(owner_client):
    indicator = _indicator(code="OWNER-KPI")
    retired = _indicator(code="OWNER-OLD", retired_at=timezone.now())
    for name, kwargs in [
        ("offer:indicator_list", None),
        ("offer:indicator_create", None),
        ("offer:indicator_import", None),
        ("offer:indicator_import_template", None),
        ("offer:figures_template", None),
        ("offer:indicator_edit", {"pk": indicator.pk}),
        ("offer:indicator_retire", {"pk": indicator.pk}),
        ("offer:indicator_delete", {"pk": indicator.pk}),
        ("offer:indicator_reinstate", {"pk": retired.pk}),
    ]:
        assert owner_client.get(reverse(name, kwargs=kwargs)).status_code == 200, name


# ---------------------------------------------------------------- create and change


def test_a_kpi_owner_creates_an_indicator_and_it_is_recorded(kpi_owner):
    made = services.indicator_save(actor=kpi_owner, **FIELDS | {"owner": kpi_owner})
    assert made.code == "CL-EET-19-21" and made.owner == kpi_owner
    assert made.retired_at is None and not made.measurements.exists()
    event = AuditEvent.objects.for_object(made).get()
    assert (event.action, event.actor) == ("created", kpi_owner)


def test_a_code_already_taken_is_an_error_on_the_code_whatever_its_case(kpi_owner):
    _indicator(code="CL-EET-19-21", name="The first one")
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **FIELDS | {"code": "cl-eet-19-21"})
    assert "already used by 'The first one'" in caught.value.message_dict["code"][0]
    assert Indicator.objects.count() == 1


def test_a_code_taken_by_a_retired_indicator_says_to_reinstate_it(kpi_owner):
    _indicator(code="CL-EET-19-21", retired_at=timezone.now())
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **FIELDS)
    assert "reinstate it instead" in caught.value.message_dict["code"][0]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "not a slug!"}, "code", "letters, numbers, hyphens"),
        ({"name": ""}, "name", "Enter a name"),
        ({"target": Decimal("140")}, "target", "from 0 to 100"),
        ({"tolerance": Decimal("-1")}, "tolerance", "tolerance"),
        ({"unit": "furlongs"}, "unit", "Choose a unit"),
        ({"name": "Bad\x07name"}, "name", "control characters"),
    ],
)
def test_bad_fields_are_errors_on_their_field_and_nothing_is_saved(
    kpi_owner, changes, field, message
):
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **FIELDS | changes)
    assert message in caught.value.message_dict[field][0]
    assert not Indicator.objects.exists()


def test_the_owner_must_hold_the_kpi_owner_duty_but_a_stored_one_may_stay(
    kpi_owner, officer, portal_admin
):
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **FIELDS | {"owner": officer})
    assert "KPI owner duty" in caught.value.message_dict["owner"][0]
    made = services.indicator_save(actor=kpi_owner, **FIELDS | {"owner": kpi_owner})
    Duty.objects.filter(user=kpi_owner).delete()  # the owner moved on
    changed = services.indicator_save(
        actor=portal_admin, indicator=made, **FIELDS | {"owner": kpi_owner, "name": "Renamed"}
    )
    assert changed.name == "Renamed" and changed.owner == kpi_owner


def test_a_retired_priority_cannot_be_chosen(kpi_owner):
    old = Priority.objects.create(name="Old priority", slug="old", retired_at=timezone.now())
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **FIELDS | {"priority": old})
    assert "not retired" in caught.value.message_dict["priority"][0]


def test_a_change_records_what_changed(kpi_owner):
    made = services.indicator_save(actor=kpi_owner, **FIELDS)
    services.indicator_save(actor=kpi_owner, indicator=made, **FIELDS | {"target": Decimal(65)})
    event = AuditEvent.objects.for_object(made).filter(action="changed").get()
    assert list(event.changes) == ["target"]


# ---------------------------------------------------------------- retire, reinstate, delete


def test_retiring_keeps_every_figure_and_the_figures_import_refuses_it(kpi_owner):
    figure = MeasurementFactory(indicator=_indicator(code="NEET-CL"), period="2024")
    indicator = figure.indicator
    services.indicator_retire(actor=kpi_owner, indicator=indicator)
    indicator.refresh_from_db()
    assert indicator.retired_at is not None
    assert Measurement.objects.filter(pk=figure.pk).exists()
    assert indicator not in Indicator.objects.current()
    assert AuditEvent.objects.for_object(indicator).filter(action="retired").get().note == (
        "1 figure kept"
    )
    with pytest.raises(ImportRefused) as caught:
        measurements_import(data=b"code,period,value\nNEET-CL,2025,40\n", actor=None)
    assert [(e.line, e.reason) for e in caught.value.errors] == [
        (2, "indicator 'NEET-CL' is retired: reinstate it before importing figures")
    ]
    services.indicator_reinstate(actor=kpi_owner, indicator=indicator)
    assert measurements_import(data=b"code,period,value\nNEET-CL,2025,40\n", actor=None).created
    assert indicator.measurements.count() == 2


def test_retiring_twice_or_reinstating_a_current_one_is_an_error(kpi_owner):
    indicator = _indicator()
    with pytest.raises(ValidationError):
        services.indicator_reinstate(actor=kpi_owner, indicator=indicator)
    services.indicator_retire(actor=kpi_owner, indicator=indicator)
    with pytest.raises(ValidationError):
        services.indicator_retire(actor=kpi_owner, indicator=indicator)


def test_an_indicator_is_retired_exactly_when_current_leaves_it_out(kpi_owner):
    indicator = _indicator()
    assert not indicator.is_retired and indicator in Indicator.objects.current()
    retired = services.indicator_retire(actor=kpi_owner, indicator=indicator)
    assert retired.is_retired and retired not in Indicator.objects.current()
    back = services.indicator_reinstate(actor=kpi_owner, indicator=retired)
    assert not back.is_retired and back in Indicator.objects.current()


def test_deleting_an_indicator_with_figures_is_refused_and_deletes_nothing(kpi_owner):
    figure = MeasurementFactory(indicator=_indicator(code="NEET-CL"))
    with pytest.raises(ValidationError) as caught:
        services.indicator_delete(actor=kpi_owner, indicator=figure.indicator)
    assert "has 1 figure, so it cannot be deleted. Retire it instead" in str(caught.value)
    assert Indicator.objects.filter(code="NEET-CL").exists()
    assert Measurement.objects.count() == 1


def test_a_definition_with_no_figures_can_be_deleted(kpi_owner):
    indicator = _indicator(code="MISTAKE")
    services.indicator_delete(actor=kpi_owner, indicator=indicator)
    assert not Indicator.objects.filter(code="MISTAKE").exists()
    assert AuditEvent.objects.filter(action="deleted", object_repr__startswith="MISTAKE").exists()


# ---------------------------------------------------------------- the pages


def test_creating_through_the_page(owner_client, kpi_owner):
    response = owner_client.post(reverse("offer:indicator_create"), _form(owner=kpi_owner.pk))
    assert response.status_code == 302
    assert Indicator.objects.get(code="CL-EET-19-21").owner == kpi_owner


def test_a_taken_code_shows_on_the_code_field_and_keeps_what_was_typed(owner_client):
    _indicator(code="CL-EET-19-21")
    response = owner_client.post(reverse("offer:indicator_create"), _form(name="Typed name kept"))
    assert response.status_code == 200
    assert "already used by" in response.context["form"].errors["code"][0]
    assert b"Typed name kept" in response.content
    assert Indicator.objects.count() == 1


def test_the_owner_list_offers_only_people_with_the_duty(owner_client, kpi_owner, officer):
    form = owner_client.get(reverse("offer:indicator_create")).context["form"]
    assert list(form.fields["owner"].queryset) == [kpi_owner]


def test_the_list_shows_current_indicators_and_filters_retired_ones(owner_client):
    _indicator(code="NOW-KPI", name="Still watched")
    _indicator(code="OLD-KPI", name="No longer watched", retired_at=timezone.now())
    url = reverse("offer:indicator_list")
    page = owner_client.get(url).content.decode()
    assert "Still watched" in page and "No longer watched" not in page
    page = owner_client.get(url, {"status": "retired"}).content.decode()
    assert "No longer watched" in page and "Still watched" not in page
    page = owner_client.get(url, {"status": "all"}).content.decode()
    assert "No longer watched" in page and "Still watched" in page


def test_the_list_exports_csv_and_pages(owner_client):
    for number in range(30):
        MeasurementFactory(indicator=_indicator(code=f"KPI-{number:02d}"))
    url = reverse("offer:indicator_list")
    response = owner_client.get(url, {"export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Code,Indicator,Strategic priority,KPI owner,Figures,Status"
    assert len(text.splitlines()) == 31 and "KPI-29,Indicator" in text
    first = owner_client.get(url).content.decode()
    assert "KPI-00" in first and "KPI-29" not in first
    assert "KPI-29" in owner_client.get(url, {"page": 2}).content.decode()


def test_the_retire_page_says_the_figures_are_kept_and_retires(owner_client):
    indicator = MeasurementFactory(indicator=_indicator(code="NEET-CL")).indicator
    url = reverse("offer:indicator_retire", args=[indicator.pk])
    page = owner_client.get(url).content.decode()
    assert "keeps its 1 figure" in page
    assert owner_client.post(url, {"confirm": "yes"}).status_code == 302
    indicator.refresh_from_db()
    assert indicator.retired_at is not None and indicator.measurements.count() == 1


def test_the_delete_page_refuses_an_indicator_with_figures(owner_client):
    indicator = MeasurementFactory(indicator=_indicator(code="NEET-CL")).indicator
    url = reverse("offer:indicator_delete", args=[indicator.pk])
    page = owner_client.get(url).content.decode()
    assert "cannot be deleted. Retire it instead" in page
    assert 'name="submit"' not in page  # no delete button
    response = owner_client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_reinstating_through_the_page(owner_client):
    indicator = _indicator(retired_at=timezone.now())
    url = reverse("offer:indicator_reinstate", args=[indicator.pk])
    assert owner_client.post(url, {"confirm": "yes"}).status_code == 302
    indicator.refresh_from_db()
    assert indicator.retired_at is None


def test_a_retired_indicators_pages_say_when_and_offer_only_to_reinstate_it(owner_client):
    indicator = MeasurementFactory(
        indicator=_indicator(code="NEET-CL", retired_at=timezone.now())
    ).indicator
    retired_on = f"{timezone.localtime(indicator.retired_at):%-d %B %Y}"

    def page(name: str) -> str:
        return owner_client.get(reverse(name, args=[indicator.pk])).content.decode()

    retire = page("offer:indicator_retire")
    assert f"This indicator was retired on {retired_on}" in retire and 'name="submit"' not in retire
    change = page("offer:indicator_edit")
    assert f"Retired on {retired_on}" in change and "Reinstate this indicator" in change
    assert "Retire this indicator" not in change
    assert f"Retired on {retired_on}" in page("offer:indicator_reinstate")
    assert "Retire it instead</a>" not in page("offer:indicator_delete")
    indicator.retired_at = None
    indicator.save()
    assert "This indicator is not retired" in page("offer:indicator_reinstate")
    assert "Retire it instead</a>" in page("offer:indicator_delete")
    assert "Retire this indicator" in page("offer:indicator_edit")


def test_the_list_makes_the_same_number_of_queries_for_more_indicators(owner_client, kpi_owner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("offer:indicator_list")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert owner_client.get(url).status_code == 200
        return len(captured)

    stability = Priority.objects.create(name="Stability", slug="stability")
    for number in range(3):
        MeasurementFactory(indicator=_indicator(code=f"SMALL-{number}", priority=stability))
    queries()  # the first request of a session reads what later ones have cached
    few = queries()
    for number in range(20):
        MeasurementFactory(
            indicator=_indicator(code=f"LARGE-{number}", priority=stability, owner=kpi_owner)
        )
    assert queries() == few


def test_the_indicator_form_makes_the_same_queries_however_long_its_history(owner_client):
    indicator = _indicator(code="NEET-CL")

    def grow():
        for n in range(3):
            MeasurementFactory(
                indicator=indicator, period=str(2040 + indicator.measurements.count() + n)
            )
        factories.officer()  # one more person the owner list could offer

    grow()
    for url in (
        reverse("offer:indicator_create"),
        reverse("offer:indicator_edit", args=[indicator.pk]),
    ):
        assert_constant_queries(owner_client, url, grow)


# ---------------------------------------------------------------- a context measure


def test_a_context_measure_refuses_a_target_on_the_target_field(owner_client):
    response = owner_client.post(
        reverse("offer:indicator_create"),
        _form(polarity="context", target="50", name="Typed name kept", tolerance=""),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["target"] == [services.CONTEXT_HAS_NO_TARGET]
    assert "tolerance" in form.errors  # said together with the other errors, not after them
    assert b"Typed name kept" in response.content
    assert not Indicator.objects.exists()


def test_the_service_and_the_definitions_import_refuse_a_target_for_a_context_measure(kpi_owner):
    with pytest.raises(ValidationError) as caught:
        services.indicator_save(actor=kpi_owner, **(FIELDS | {"polarity": "context"}))
    assert caught.value.message_dict["target"] == [services.CONTEXT_HAS_NO_TARGET]
    with pytest.raises(ImportRefused) as refused:
        services.indicators_import(
            actor=kpi_owner,
            data=b"code,name,unit,polarity,target\nCLA,Children looked after,count,context,5\n",
        )
    assert [(e.line, e.reason) for e in refused.value.errors] == [
        (2, f"target: {services.CONTEXT_HAS_NO_TARGET}")
    ]
    assert not Indicator.objects.exists()


def test_a_context_measure_with_a_target_stored_before_draws_no_target_line(client_for):
    from offer.kpis import status_of

    indicator = _indicator(code="CLA", polarity="context", target=Decimal(40))
    for period in ("2023", "2024"):
        MeasurementFactory(indicator=indicator, period=period, value=Decimal(50))
    svg = str(status_of(indicator, list(indicator.measurements.all())).chart)
    assert 'stroke-dasharray="1 3"' not in svg and "Target" not in svg
    page = client_for("councillor").get("/offer/kpis/CLA/").content.decode()
    assert "No target: context measure" in page
