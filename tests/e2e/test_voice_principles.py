"""Browser journey on a phone: an officer names the corporate parenting principles a report and
an action serve, then opens the principles coverage for the year and sees them counted, with the
principle the year's work left untouched. Every page visited passes the axe check at 390 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from panels import services
from panels.models import Body
from panels.reports.models import Report
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ACTION = "That officers report on how care leavers reach health services"


def _meeting_held_today() -> int:
    """A panel meeting held today with an item to minute (the demo's own are approved or to
    come); returns the item's id."""
    body = Body.objects.get(name="Corporate Parenting Panel")
    meeting = services.meeting_create(
        actor=None, body=body, date=timezone.localdate(), start_time=datetime.time(9, 30)
    )
    # People who sit on the panel (its seats without an account are not "present" people).
    seated = body.memberships.filter(user__isnull=False).select_related("user")[:3]
    members = [membership.user for membership in seated if membership.user is not None]
    services.attendance_record(actor=None, meeting=meeting, present=members, apologies=[])
    item = services.agenda_item_add(actor=None, meeting=meeting, title="Health of care leavers")
    return item.pk


def _row(page: Page, letter_and_name: str):
    return page.locator("table tbody tr").filter(has_text=letter_and_name)


def test_officer_tags_a_report_and_an_action_and_reads_the_coverage(demo, new_page):
    item_pk = _meeting_held_today()
    report = Report.objects.get(title="Champion model: progress")  # the demo officer's draft

    page = new_page(viewport="phone")
    sign_in(page, demo, "officer")

    page.goto(f"{demo}/panels/reports/{report.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("(d) Access to services").check()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved")
    expect(page.locator(".govuk-summary-list")).to_contain_text("(d) Access to services")
    assert_accessible(page)

    page.goto(f"{demo}/panels/items/{item_pk}/resolutions/new/")
    assert_accessible(page)
    page.get_by_label("Resolved: that...").fill(ACTION)
    page.get_by_label("This resolution is an action").check()
    page.get_by_label("Officer who owns the action").select_option(label="Dan Okafor")
    page.get_by_label("Due by the next meeting").check()
    page.get_by_label("(d) Access to services").check()
    page.get_by_role("button", name="Add the resolution").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Resolution added")

    page.goto(f"{demo}/voice/principles/")
    page.get_by_role("link", name="principles coverage").click()
    expect(page.locator("h1")).to_contain_text("Principles coverage")
    assert_accessible(page)
    # Reports, Decisions, Actions, Engagements, Offer entries, Total.
    cells = _row(page, "(d) Access to services").locator("td")
    expect(cells.nth(0)).to_have_text("1")
    expect(cells.nth(2)).to_have_text("1")
    section = page.locator("section").filter(has=page.locator("#principle-d"))
    expect(section.get_by_role("link", name="Champion model: progress")).to_be_visible()
    expect(section.get_by_role("link", name=ACTION)).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "Not touched this year: (c) Take their views into account"
    )
    expect(_row(page, "(c) Take their views into account")).to_contain_text("Not touched")
    # The phone's width is kept: the wide table scrolls inside its own region.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
