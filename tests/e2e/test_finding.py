"""Browser journeys for finding things: a young person on a phone misspells a search and still
finds the entry; a councillor finds last year's decision on a topic in one search. Every page
visited passes the axe check."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_young_person_on_a_phone_misspells_a_search_and_still_finds_the_entry(demo, new_page):
    page = new_page(viewport="phone")
    page.goto(f"{demo}/offer/")
    assert_accessible(page)
    page.get_by_label("Search for help").fill("counsil tax help")
    page.get_by_role("button", name="Search").click()
    assert_accessible(page)
    expect(page.locator("main h3 a").first).to_have_text("Council Tax exemption")
    expect(page.locator("#did-you-mean")).to_contain_text("council tax help")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the results scroll sideways by {overflow}px"
    page.locator("main h3 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Council Tax exemption")
    assert_accessible(page)


def _last_years_decision() -> str:
    """A Corporate Parenting Panel meeting last year, minuted and approved, with a decision."""
    from corporate_parenting.models import User
    from panels.models import AgendaItem, Body, DecisionStatus, Meeting, Resolution

    body = Body.objects.get(name="Corporate Parenting Panel")
    last_year = timezone.localdate().year - 1
    meeting = Meeting.objects.create(
        body=body,
        date=datetime.date(last_year, 6, 10),
        start_time=datetime.time(18, 30),
        venue="Civic Offices, Room 2",
        status="minutes_approved",
        agenda_published_at=timezone.now(),
    )
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=5,
        title="Staying Put policy",
        discussion="The Panel considered the revised Staying Put policy for care leavers.",
    )
    status, _ = DecisionStatus.objects.get_or_create(name="Recommendations Approved")
    Resolution.objects.create(
        item=item,
        position=1,
        text="That the revised Staying Put policy be approved.",
        decision_status=status,
    )
    assert User.objects.filter(email="councillor@example.org").exists()
    return str(last_year)


def test_councillor_finds_last_years_decision_in_one_search(demo, new_page):
    year = _last_years_decision()
    page = new_page()
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/panels/")
    page.get_by_role("link", name="Search the papers").click()
    assert_accessible(page)
    page.get_by_label("Words to find").fill("staying put")
    page.get_by_label("Kind of paper").select_option("decision")
    page.get_by_label("Year of the meeting").select_option(year)
    page.get_by_role("button", name="Search").click()
    assert_accessible(page)
    expect(page.locator("#results")).to_have_text("1 result")
    result = page.locator("main h3 a").first
    expect(result).to_have_text("Staying Put policy")
    result.click()
    expect(page.get_by_text("That the revised Staying Put policy be approved.")).to_be_visible()
    assert_accessible(page)
