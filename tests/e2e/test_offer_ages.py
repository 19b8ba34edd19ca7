"""Browser journeys on a phone (390 px): a young person looks for help for ages 18 to 25 and reads
the law an entry rests on; an officer adds an entry, with no status ticked to start with and a
status that does not fit the ages refused on its box."""

import re

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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


def open_filters(page) -> None:
    details = page.locator("details", has_text="Only show help for your age or situation")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_young_person_looks_for_help_for_ages_18_to_25(demo, new_page, javascript):
    page = new_page(viewport="phone", javascript=javascript)
    page.goto(f"{demo}/offer/")
    open_filters(page)
    page.get_by_label("From age").fill("18")
    page.get_by_label("To age").fill("25")
    page.get_by_role("button", name="Search").click()
    assert re.fullmatch(r"\d+ results for ages 18 to 25", page.locator("#results").inner_text())
    assert page.get_by_label("From age").input_value() == "18"
    check(page, javascript)

    # The other way round: an error on the 'to' age, linked from the summary, nothing lost.
    open_filters(page)
    page.get_by_label("From age").fill("25")
    page.get_by_label("To age").fill("18")
    page.get_by_role("button", name="Search").click()
    assert page.title().startswith("Error: ")
    summary_link = page.locator(".govuk-error-summary a")
    assert summary_link.inner_text() == (
        "The ‘to’ age must be the same as or more than the ‘from’ age"
    )
    assert page.locator("#offer-age-to-error").is_visible()
    assert page.get_by_label("To age").input_value() == "18"
    check(page, javascript)
    summary_link.click()
    if javascript:
        assert page.evaluate("document.activeElement.id") == "offer-age-to"

    # Nothing found: the page says what was searched.
    page.get_by_label("Search for help").fill("council tax")
    page.get_by_label("From age").fill("26")
    page.get_by_label("To age").fill("30")
    page.get_by_role("button", name="Search").click()
    assert page.locator("#no-results").inner_text() == (
        "We could not find any help for ‘council tax’, for ages 26 to 30."
    )
    check(page, javascript)
    page.get_by_role("link", name="search for ‘council tax’ for any age and status").click()
    assert page.locator("main h3 a").first.inner_text() == "Council Tax exemption"

    # The law an entry rests on, under its own heading.
    page.goto(f"{demo}/offer/help/staying-put-with-your-foster-carers/")
    assert page.get_by_role("heading", name="Your right to this").is_visible()
    assert page.get_by_text("Staying Put: section 23CZA Children Act 1989").is_visible()
    check(page, javascript)


def test_officer_on_a_phone_adds_an_entry_for_18_to_25(demo, new_page):
    page = new_page(viewport="phone")
    sign_in(page, demo, "officer")
    page.goto(f"{demo}/offer/manage/new/")
    # The four care leaver statuses, none ticked (the principles' boxes are the other seven).
    statuses = page.locator("main input[type=checkbox][name^=for_]")
    assert statuses.count() == 4
    assert page.locator("main input[type=checkbox]:checked").count() == 0
    assert_accessible(page)

    page.get_by_label("Category").select_option(label="Money")
    page.get_by_label("Title").fill("Help with your first phone contract")
    page.get_by_label("Summary").fill("We help you choose a phone contract you can afford.")
    page.get_by_label("From age").fill("18")
    page.get_by_label("To age").fill("25")
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_label("Your right: the law says we must give you this").check()
    page.get_by_label("Legal basis").fill("Children (Leaving Care) Act 2000")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save entry").click()

    message = "Eligible care leavers are aged 16 or 17, so nobody aged 18 to 25 is eligible"
    assert page.locator(".govuk-error-summary").get_by_text(message).is_visible()
    assert page.get_by_label("Legal basis").input_value() == "Children (Leaving Care) Act 2000"
    assert_accessible(page)

    page.get_by_label("Eligible", exact=True).uncheck()
    page.get_by_label("Former relevant", exact=True).check()
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(f"{demo}/offer/manage/")
    assert page.get_by_text("Saved 'Help with your first phone contract'").is_visible()
    assert_accessible(page)

    page.goto(f"{demo}/offer/help/help-with-your-first-phone-contract/")
    assert page.get_by_role("heading", name="Your right to this").is_visible()
    assert page.get_by_text("Children (Leaving Care) Act 2000").is_visible()
    assert page.get_by_text("your care leaver status is: former relevant").is_visible()
    assert_accessible(page)
