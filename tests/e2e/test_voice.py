"""Browser journeys for young people's voice, on a phone: an admin keeps the themes, a champion
ticks themes on an engagement, an officer reads what children and young people told us, and
anyone reads the public summary. Every page visited passes the axe check (and does not scroll
sideways at 390 px); the champion's journey runs without JavaScript."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)
    assert_accessible(page)


def test_admin_keeps_the_themes_on_a_phone(demo, new_page):
    page = new_page(viewport="phone")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/voice/themes/")
    assert_accessible(page)
    page.get_by_role("button", name="Move up Money").click()
    _banner(page, "‘Money’ moved up")
    page.get_by_role("link", name="Add a theme").click()
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Housing")
    page.get_by_role("button", name="Save the theme").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("already a theme called")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Leisure and fun")
    page.get_by_role("button", name="Save the theme").click()
    _banner(page, "Theme ‘Leisure and fun’ saved")
    page.get_by_role("link", name="Retire Identity").click()
    assert_accessible(page)
    page.get_by_role("button", name="Retire the theme").click()
    _banner(page, "‘Identity’ retired")


def test_champion_ticks_themes_without_javascript_and_everyone_reads_the_summary(demo, new_page):
    # Without JavaScript (the crawl checks these pages with axe where JavaScript runs).
    page = new_page(viewport="phone", javascript=False)
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/champions/engagements/new/")
    page.get_by_label("What you did").fill("Visited the care leavers' drop-in")
    page.get_by_label("What children and young people said").fill("Rent is hard to manage")
    page.get_by_label("Housing").check()
    page.get_by_label("Money").check()
    page.get_by_label("Number of young people").fill("6")
    page.get_by_role("button", name="Submit engagement").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Engagement submitted")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Housing, Money")

    champion = new_page(viewport="phone")
    sign_in(champion, demo, "councillor")
    champion.goto(f"{demo}/champions/engagements/new/")
    assert_accessible(champion)

    officer = new_page(viewport="phone")
    sign_in(officer, demo, "officer")
    officer.goto(f"{demo}/voice/")
    expect(officer.locator("h1")).to_have_text("What children and young people told us")
    # Counted, but its words are not shown: only what an officer chose to show is.
    expect(officer.locator("main")).not_to_contain_text("Rent is hard")
    assert_accessible(officer)
    officer.get_by_label("Quarter").select_option("1")
    officer.get_by_role("button", name="Show").click()
    assert_accessible(officer)
    officer.goto(f"{demo}/voice/principles/")
    assert_accessible(officer)

    public = new_page(viewport="phone")
    public.goto(f"{demo}/offer/you-said-we-did/")
    public.get_by_role("link", name="What children and young people told us this year").click()
    expect(public.locator("body")).to_contain_text("fewer than 5")
    assert_accessible(public)
