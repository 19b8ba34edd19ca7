"""The month calendar by keyboard alone: from the events page to next month, then into an event
and back, with a visible focus at every step; and the same month on a phone as a list of days.
Every page visited passes the axe check."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible, focused_element_is_visible
from tests.e2e.journeys import focused_text, sign_in


def tab_to_start(page, text: str, *, max_tabs: int = 200) -> None:
    """Tab until the focused control's text starts with `text`, focus visible at every step."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        assert focused_element_is_visible(page), f"no visible focus at {page.url}"
        if focused_text(page).startswith(text):
            return
    raise AssertionError(f"Tab never reached {text!r} on {page.url}")


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_councillor_moves_through_the_month_grid_by_keyboard(demo, new_page):
    from events.models import Event

    event = Event.objects.get(title="Corporate parenting training for members")
    before = (event.start_date.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    page = new_page()
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/events/?year={before.year}&month={before.month}")
    assert_accessible(page)
    expect(page.locator(".portal-month")).to_be_visible()
    tab_to_start(page, "Next month")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(event.start_date.strftime("%B %Y"))
    assert_accessible(page)
    # Into the event from its day in the grid.
    tab_to_start(page, event.title)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    assert_accessible(page)
    # Back to this month from anywhere in the calendar.
    page.go_back()
    tab_to_start(page, "This month")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        timezone.localdate().strftime("%B %Y")
    )


def test_the_month_is_a_list_of_days_on_a_phone(demo, new_page):
    page = new_page(viewport="phone")
    page.goto(f"{demo}/events/public/month/")
    assert_accessible(page)
    expect(page.locator(".portal-month")).to_be_hidden()
    expect(page.locator(".portal-month-list")).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the month scrolls sideways by {overflow}px"
