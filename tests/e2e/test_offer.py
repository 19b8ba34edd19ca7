"""Browser journeys for the care leaver offer and the KPIs."""

import re

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BAD_CSV = b"""code,period,value,england
NEET-CL,2026,37,38
NEET-CLX,2026,12,
ACCOM-CL,2026,104,88
"""
FIXED_CSV = b"""code,period,value,england
NEET-CL,2026,37,38
MOVES-3,2026,8.1,10
ACCOM-CL,2026,94,88
"""


def check(page, javascript: bool) -> None:
    """axe with JavaScript on; without it (axe cannot run) a heading and no sideways scrolling."""
    if javascript:
        assert_accessible(page)
        return
    assert page.get_by_role("heading", level=1).first.is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_young_person_on_a_phone_finds_council_tax_help_in_one_search(demo, new_page, javascript):
    page = new_page(viewport="phone", javascript=javascript)
    page.goto(f"{demo}/")
    page.get_by_role("link", name="Find out what help you can get from us").click()
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Help you can get when you leave care"
    )
    check(page, javascript)

    page.get_by_label("Search for help").fill("council tax")
    page.get_by_role("button", name="Search").click()
    check(page, javascript)
    first = page.locator("main h3 a").first
    assert first.inner_text() == "Council Tax exemption"

    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Council Tax exemption"
    assert page.get_by_text("You do not pay Council Tax until you are 25").is_visible()
    assert page.get_by_role("heading", name="How to get it").is_visible()
    check(page, javascript)

    page.get_by_role("button", name=re.compile(r"^Yes")).click()
    assert page.get_by_text("Thank you. Your answer helps us improve the offer.").is_visible()
    check(page, javascript)


def test_officer_imports_a_csv_with_two_bad_rows_then_the_fixed_file(demo, new_page):
    page = new_page()
    sign_in(page, demo, "officer")
    page.goto(f"{demo}/offer/kpis/")
    page.get_by_role("link", name="Import figures from a CSV file").click()
    assert_accessible(page)

    page.get_by_label("CSV file of figures").set_input_files(
        files=[{"name": "figures.csv", "mimeType": "text/csv", "buffer": BAD_CSV}]
    )
    page.get_by_role("button", name="Import figures").click()
    problems = page.locator("#row-errors li").all_inner_texts()
    assert problems == [
        "Line 3: unknown indicator code 'NEET-CLX'",
        "Line 4: value 104 is out of range for percent (0 to 100)",
    ]
    assert page.get_by_text("Nothing was imported").first.is_visible()
    assert_accessible(page)

    page.get_by_label("CSV file of figures").set_input_files(
        files=[{"name": "figures.csv", "mimeType": "text/csv", "buffer": FIXED_CSV}]
    )
    page.get_by_role("button", name="Import figures").click()
    page.wait_for_url(f"{demo}/offer/kpis/")
    assert page.get_by_text("Imported 3 new figures and updated 0").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Care leavers aged 19 to 21 in suitable accommodation").click()
    assert page.locator("tbody th", has_text="2026").count() == 1
    assert page.get_by_role("cell", name="94%", exact=True).count() == 1
    assert_accessible(page)
