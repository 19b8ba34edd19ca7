"""load_reference: the national measures as definitions only, never figures, and a second run
changes nothing, least of all a council's own edits."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from offer.models import UNIT_RANGES, Indicator, Measurement, Polarity, Unit
from offer.reference import REFERENCE_INDICATORS

pytestmark = pytest.mark.django_db


def load(*options: str) -> str:
    out = io.StringIO()
    call_command("load_reference", *(options or ("--all",)), stdout=out)
    return out.getvalue()


def test_every_reference_row_is_valid_under_the_models_rules():
    codes = [r.code.lower() for r in REFERENCE_INDICATORS]
    assert len(codes) == len(set(codes)), "a code appears twice (in any case)"
    assert len(REFERENCE_INDICATORS) >= 30
    for reference in REFERENCE_INDICATORS:
        assert reference.unit in Unit.values and reference.unit in UNIT_RANGES
        assert reference.polarity in Polarity.values
        assert reference.source and reference.definition
        Indicator(
            code=reference.code,
            name=reference.name,
            definition=reference.definition,
            unit=reference.unit,
            polarity=reference.polarity,
            source=reference.source,
        ).full_clean()


def test_the_standard_national_measures_are_there():
    codes = {r.code for r in REFERENCE_INDICATORS}
    assert {
        "PLACEMENTS-3-PLUS",
        "PLACEMENT-LONG-TERM",
        "PLACED-OVER-20-MILES",
        "HEALTH-ASSESSMENT",
        "DENTAL-CHECK",
        "SDQ-COMPLETED",
        "SDQ-MEAN",
        "CL-EET-19-21",
        "CL-ACCOMMODATION-19-21",
        "CL-IN-TOUCH-19-21",
        "MISSING",
        "PEP-UP-TO-DATE",
    } <= codes


def test_load_reference_creates_definitions_only_and_no_figures():
    output = load()
    assert Indicator.objects.count() == len(REFERENCE_INDICATORS)
    assert not Measurement.objects.exists()
    assert not Indicator.objects.filter(target__isnull=False).exists()
    assert not Indicator.objects.filter(priority__isnull=False).exists()
    assert not Indicator.objects.filter(owner__isnull=False).exists()
    assert not Indicator.objects.filter(retired_at__isnull=False).exists()
    assert f"Added {len(REFERENCE_INDICATORS)} national indicator definitions" in output
    assert "No figures were loaded" in output


def test_a_second_run_changes_nothing_and_says_so():
    load()
    before = {i.code: (i.updated_at, i.name) for i in Indicator.objects.all()}
    output = load()
    assert output.startswith("Nothing changed")
    assert {i.code: (i.updated_at, i.name) for i in Indicator.objects.all()} == before
    assert not Measurement.objects.exists()


def test_a_councils_edits_and_retirements_survive_another_run():
    load()
    Indicator.objects.filter(code="CL-EET-19-21").update(
        name="Our own name", target=Decimal("60"), tolerance=Decimal("5")
    )
    Indicator.objects.filter(code="MISSING").update(retired_at=timezone.now())
    Indicator.objects.filter(code="SDQ-MEAN").delete()  # a council removed one it does not use
    output = load()
    eet = Indicator.objects.get(code="CL-EET-19-21")
    assert (eet.name, eet.target) == ("Our own name", Decimal("60"))
    assert Indicator.objects.get(code="MISSING").retired_at is not None
    # A deleted one comes back: the reference list is the starting set.
    assert "Added 1 national indicator definition: SDQ-MEAN." in output


def test_a_code_already_there_in_another_case_is_left_alone():
    Indicator.objects.create(
        code="cla-rate", name="Ours", unit=Unit.COUNT, polarity=Polarity.CONTEXT
    )
    load()
    assert Indicator.objects.filter(code__iexact="CLA-RATE").count() == 1
    assert Indicator.objects.get(code__iexact="CLA-RATE").name == "Ours"


# ---------------------------------------------------------------- the council picks


def test_without_a_choice_the_command_lists_the_measures_and_adds_nothing():
    output = load("--list")
    assert "CL-EET-19-21" in output and "(not added)" in output
    assert not Indicator.objects.exists()
    output = call_plain()
    assert "Nothing was added" in output and "--only CODE,CODE" in output
    assert not Indicator.objects.exists()


def call_plain() -> str:
    out = io.StringIO()
    call_command("load_reference", stdout=out)
    return out.getvalue()


def test_only_the_measures_named_are_added_in_any_case():
    output = load("--only", "cl-eet-19-21, MISSING")
    assert sorted(Indicator.objects.values_list("code", flat=True)) == ["CL-EET-19-21", "MISSING"]
    assert "Added 2 national indicator definitions: MISSING, CL-EET-19-21." in output
    assert "CL-EET-19-21" in load("--list") and "(already there)" in load("--list")


def test_a_code_not_in_the_national_list_adds_nothing_and_says_which():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Not in the national list: NEET-TYPO"):
        load("--only", "CL-EET-19-21,NEET-TYPO")
    assert not Indicator.objects.exists()


def test_the_checklist_page_adds_the_measures_ticked_and_offers_only_those_not_there(
    client_for,
):
    Indicator.objects.create(code="MISSING", name="Ours", unit=Unit.PERCENT, polarity="lower")
    client = client_for("admin")
    page = client.get("/offer/indicators/national/")
    offered = [value for value, _ in page.context["form"].fields["codes"].choices]
    assert "MISSING" not in offered and "CL-EET-19-21" in offered
    assert "Already in the portal" in page.content.decode()
    response = client.post(
        "/offer/indicators/national/", {"codes": ["CL-EET-19-21", "DENTAL-CHECK"]}
    )
    assert response.status_code == 302
    assert sorted(Indicator.objects.values_list("code", flat=True)) == [
        "CL-EET-19-21", "DENTAL-CHECK", "MISSING",
    ]  # fmt: skip
    assert not Measurement.objects.exists()


def test_the_checklist_refuses_nothing_ticked_or_a_code_not_offered(client_for):
    client = client_for("admin")
    nothing = client.post("/offer/indicators/national/", {})
    assert nothing.context["form"].errors["codes"] == ["Tick at least one national measure to add"]
    for hostile in ("NOT-A-MEASURE", "a\x00b", "x" * 10_000):
        response = client.post("/offer/indicators/national/", {"codes": [hostile]})
        assert response.status_code == 200
        assert "Tick measures from the list" in response.context["form"].errors["codes"][0]
    assert not Indicator.objects.exists()


def test_an_officer_without_the_kpi_owner_duty_cannot_add_national_measures(client_for):
    response = client_for("officer").post(
        "/offer/indicators/national/", {"codes": ["CL-EET-19-21"]}
    )
    assert response.status_code == 403
    assert not Indicator.objects.exists()
