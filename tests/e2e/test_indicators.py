"""Browser journey on a phone: an officer who holds the KPI owner duty adds an indicator, imports
its figures and finds it on the scorecard. Every page is axe-checked at 390 px."""

import re

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIGURES = b"""code,period,value
PEP-TERM,2025-Q1,88
PEP-TERM,2025-Q2,91.5
"""


def test_kpi_owner_adds_an_indicator_imports_its_figures_and_sees_it_on_the_scorecard(
    demo, new_page
):
    from corporate_parenting.models import Duty, DutyKind, User

    officer = User.objects.get(email="officer@example.org")
    Duty.objects.get_or_create(user=officer, kind=DutyKind.KPI_OWNER)

    page = new_page(viewport="phone")
    sign_in(page, demo, "officer")
    page.goto(f"{demo}/offer/kpis/import/")
    page.get_by_role("link", name="Add or change indicators").click()
    page.wait_for_url(f"{demo}/offer/indicators/")
    assert_accessible(page)

    page.get_by_role("link", name="Add an indicator").click()
    assert_accessible(page)
    # A code already taken: the error is on the code, and what was typed stays.
    page.get_by_label("Code", exact=True).fill("NEET-CL")
    page.get_by_label("Name", exact=True).fill("Personal education plans reviewed this term")
    page.get_by_label("Percent").check()
    page.get_by_label("Higher is better").check()
    page.get_by_label("Target").fill("90")
    page.get_by_role("button", name="Save indicator").click()
    assert "already used by" in page.locator("#div_id_code .govuk-error-message").inner_text()
    assert (
        page.get_by_label("Name", exact=True).input_value()
        == "Personal education plans reviewed this term"
    )
    assert_accessible(page)

    page.get_by_label("Code", exact=True).fill("PEP-TERM")
    page.get_by_label("KPI owner").select_option(label=officer.full_name)
    page.get_by_role("button", name="Save indicator").click()
    page.wait_for_url(f"{demo}/offer/indicators/")
    assert page.get_by_text("Saved PEP-TERM").is_visible()
    assert_accessible(page)

    page.goto(f"{demo}/offer/kpis/import/")
    page.get_by_label("CSV file of figures").set_input_files(
        files=[{"name": "figures.csv", "mimeType": "text/csv", "buffer": FIGURES}]
    )
    page.get_by_role("button", name="Import figures").click()
    page.wait_for_url(f"{demo}/offer/kpis/")
    assert page.get_by_text("Imported 2 new figures and updated 0").is_visible()
    assert_accessible(page)

    card = page.locator(".portal-card", has_text="Personal education plans reviewed this term")
    assert card.count() == 1
    assert "91.5%" in card.inner_text()
    # Real figures carry no "invented" mark, though the demo's indicators around it do.
    assert "Invented figures" not in card.inner_text()
    assert page.get_by_text("These figures are invented for the demonstration").count() == 1

    # Retiring it keeps its figures: the pages say so before and after.
    page.goto(f"{demo}/offer/indicators/")
    page.get_by_role("link", name=re.compile(r"^PEP-TERM\b")).click()
    assert page.get_by_text("2 figures entered").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Retire this indicator").click()
    assert page.get_by_text("keeps its 2 figures").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Retire this indicator").click()
    page.wait_for_url(f"{demo}/offer/indicators/")
    assert page.get_by_text("Retired PEP-TERM. Its figures and history are kept").is_visible()
    assert page.get_by_role("link", name=re.compile(r"^PEP-TERM\b")).count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Import definitions from a CSV file").click()
    assert_accessible(page)


def test_an_admin_picks_national_measures_and_the_scorecard_shows_them_when_asked(demo, new_page):
    page = new_page(viewport="phone")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/offer/indicators/")
    page.get_by_role("link", name="Add national measures").click()
    page.wait_for_url(f"{demo}/offer/indicators/national/")
    assert_accessible(page)
    # Nothing ticked: the error is on the checklist.
    page.get_by_role("button", name="Add the measures ticked").click()
    assert page.get_by_text("Tick at least one national measure to add").first.is_visible()
    assert_accessible(page)
    page.get_by_label("Children who had their teeth checked by a dentist (DENTAL-CHECK)").check()
    page.get_by_role("button", name="Add the measures ticked").click()
    page.wait_for_url(f"{demo}/offer/indicators/")
    assert page.get_by_text("Added 1 national measure: DENTAL-CHECK").is_visible()

    # It has no figures yet: the scorecard leaves it out until asked.
    page.goto(f"{demo}/offer/kpis/")
    assert page.get_by_text("with no figures yet is not shown").is_visible()
    assert page.locator(".portal-card", has_text="teeth checked").count() == 0
    page.get_by_label("Show measures with no figures").check()
    page.get_by_role("button", name="Update the scorecard").click()
    page.wait_for_url(re.compile(r".*/offer/kpis/\?all=1"))
    assert page.locator(".portal-card", has_text="teeth checked").count() == 1
    assert_accessible(page)
