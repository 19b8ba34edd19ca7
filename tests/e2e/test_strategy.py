"""Browser journey for the strategy, on a phone: an admin starts a priority and an objective,
links a KPI and sees the objective's progress; anyone reads the public summary. Every page
visited passes the axe check."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)
    assert_accessible(page)


def test_admin_builds_an_objective_and_the_public_sees_its_progress(demo, new_page):
    page = new_page(viewport="phone")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/strategy/")
    assert_accessible(page)
    page.get_by_role("link", name="Add a priority").click()
    assert_accessible(page)

    # A priority with no name is refused on that field.
    page.get_by_label("Name", exact=True).fill("")
    page.get_by_role("button", name="Save the priority").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name of the priority")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Staying healthy")
    page.get_by_role("button", name="Save the priority").click()
    _banner(page, "Priority ‘Staying healthy’ saved")

    page.get_by_role("link", name="Add an objective").click()
    assert_accessible(page)
    page.get_by_label("Objective").fill("Care leavers have a home that suits them")
    page.get_by_role("button", name="Save the objective").click()
    _banner(page, "Objective ‘Care leavers have a home that suits them’ saved")

    page.get_by_role("link", name="Change what serves it").click()
    assert_accessible(page)
    page.get_by_label("ACCOM-CL: Care leavers aged 19 to 21 in suitable accommodation").check()
    page.get_by_role("button", name="Save the links").click()
    _banner(page, "What serves this objective is saved")
    expect(page.locator(".govuk-summary-list")).to_contain_text("1 of 1 on target")

    public = new_page(viewport="phone")
    public.goto(f"{demo}/strategy/public/")
    expect(public.get_by_role("heading", name="Staying healthy")).to_be_visible()
    expect(public.locator("body")).to_contain_text("Care leavers have a home that suits them")
    assert_accessible(public)
