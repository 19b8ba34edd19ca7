"""Browser journeys for panel meetings: the clerk records a meeting; an officer completes an
action from "my actions". Every page visited passes the axe check."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_next_meeting(page: Page, base: str) -> None:
    page.goto(f"{base}/panels/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Corporate Parenting Panel, .* at 6\.30")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting on")
    assert_accessible(page)


def test_clerk_records_a_meeting(demo, new_page):
    page = new_page(viewport="phone")
    sign_in(page, demo, "officer")
    # A meeting is recorded on the day it is held: the clerk sets up today's meeting.
    page.goto(f"{demo}/panels/")
    assert_accessible(page)
    page.get_by_role("link", name="New meeting").click()
    assert_accessible(page)
    page.get_by_label("Body").select_option(label="Corporate Parenting Panel")
    page.get_by_label("Date").fill(datetime.date.today().isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Meeting created")
    page.get_by_role("link", name="Add an agenda item").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Care leavers' housing protocol")
    page.get_by_role("button", name="Add item").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Item added")
    meeting_url = page.url

    # Attendance: a member both present and giving apologies is refused, nothing lost.
    page.get_by_role("link", name="Record attendance").click()
    assert_accessible(page)
    page.locator("#id_present_1").check()
    page.locator("#id_present_2").check()
    page.locator("#id_present_3").check()
    page.locator("#id_apologies_3").check()
    page.get_by_label("Officers in attendance").fill(
        "Dana Whitfield (Director of Children's Services)\nDan Okafor (Democratic Services)"
    )
    page.get_by_label("Number of young people also present").fill("2")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "cannot be both present and giving apologies"
    )
    assert_accessible(page)
    expect(page.get_by_label("Officers in attendance")).to_have_value(re.compile("Dana Whitfield"))
    page.locator("#id_present_3").uncheck()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Attendance saved")
    expect(page.get_by_text("two young people")).to_be_visible()

    # A declaration of interest.
    page.get_by_role("link", name="Declare an interest").click()
    assert_accessible(page)
    page.get_by_label("Member").select_option(label="Councillor Helen Marsh")
    page.get_by_label("Other registerable interest").check()
    page.get_by_label("The interest").fill("Is a trustee of a local fostering charity.")
    page.get_by_role("button", name="Record the declaration").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Declaration of interest recorded"
    )

    # The minute of an item, then a resolution that is an action for an officer.
    page.get_by_role("link", name="Write the minute for Care leavers' housing protocol").click()
    assert_accessible(page)
    page.get_by_label("Minute of the discussion").fill(
        "Lee Carver updated the Panel on the joint housing protocol."
    )
    page.get_by_role("button", name="Save the minute").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Minute saved")
    page.get_by_role("link", name="Add a resolution to Care leavers' housing protocol").click()
    assert_accessible(page)
    page.get_by_label("Resolved: that...").fill(
        "That the Head of Corporate Parenting bring the final protocol to the next meeting."
    )
    page.get_by_label("This resolution is an action").check()
    page.get_by_role("button", name="Add the resolution").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose who owns this action")
    assert_accessible(page)
    page.get_by_label("Officer who owns the action").select_option(label="Dan Okafor")
    page.get_by_label("Due by the next meeting").check()
    page.get_by_role("button", name="Add the resolution").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Resolution added")
    assert page.url.startswith(meeting_url)
    expect(page.locator("h3", has_text="CARE LEAVERS' HOUSING PROTOCOL")).to_contain_text("CPP")
    expect(page.get_by_text("RESOLVED -").first).to_be_visible()
    assert_accessible(page)

    # The minutes print.
    href = page.get_by_role("link", name="Download the minutes (PDF)").get_attribute("href")
    response = page.request.get(f"{demo}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"


def test_officer_completes_an_action_from_my_actions(demo, new_page):
    page = new_page()
    sign_in(page, demo, "officer")
    expect(page.get_by_role("heading", name="Your open actions")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="All my actions").click()
    assert_accessible(page)
    action = page.get_by_role("link", name=re.compile("^That the Panel be sent the number"))
    action.click()
    assert_accessible(page)
    expect(page.get_by_text("Overdue")).to_be_visible()
    page.get_by_label("Done").check()
    page.get_by_label("Update").fill("Figures sent to the Panel by e-mail.")
    page.get_by_role("button", name="Save the update").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Action updated")
    assert_accessible(page)
    page.get_by_role("link", name="Back to my actions").click()
    expect(
        page.get_by_role("link", name=re.compile("^That the Panel be sent the number"))
    ).to_have_count(0)
    assert_accessible(page)
