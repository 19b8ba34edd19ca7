"""A councillor on a phone (390 px) writes an item of their plan for the year, logs the
engagement that does it, and sees it ticked off, then the report's plan against what was done.
Every page passes the axe-core WCAG 2.2 AA check."""

import datetime as dt

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_councillor_plans_logs_and_sees_plan_against_done(demo, new_page):
    from django.utils import timezone

    from champions.models import PlanItem
    from corporate_parenting.years import current_political_year

    page = new_page("phone")
    assert page.viewport_size["width"] <= 390
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/champions/")
    assert_accessible(page)
    page.get_by_role("link", name="My plan for the year").click()
    page.wait_for_url(f"{demo}/champions/plan/")
    assert_accessible(page)

    # No date: an error on the date field, and what was typed is kept.
    intention = "Visit the care leavers' drop-in and hear about housing"
    page.get_by_label("What you intend to do").fill(intention)
    page.get_by_role("button", name="Save plan item").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)
    assert page.get_by_label("What you intend to do").input_value() == intention
    assert not PlanItem.objects.filter(intention=intention).exists()

    due = min(timezone.localdate() + dt.timedelta(days=20), current_political_year().end)
    page.get_by_label("Date to do it by").fill(due.isoformat())
    page.get_by_role("button", name="Save plan item").click()
    page.wait_for_url(f"{demo}/champions/plan/")
    assert page.get_by_text("Added to your plan").is_visible()
    assert page.get_by_text("Not done yet").first.is_visible()
    assert_accessible(page)

    item = PlanItem.objects.get(intention=intention)
    page.locator(f'a[href="/champions/engagements/new/?plan_item={item.pk}"]').click()
    page.wait_for_url(f"{demo}/champions/engagements/new/?plan_item={item.pk}")
    assert_accessible(page)
    assert page.locator("#id_plan_item").input_value() == str(item.pk)
    page.locator("#id_kind").select_option(label="Visit")
    page.get_by_label("What you did").fill("Went to the drop-in and talked about housing.")
    page.get_by_label("Number of young people").fill("5")
    page.get_by_role("button", name="Submit engagement").click()
    assert page.get_by_text("Engagement submitted").is_visible()
    assert page.get_by_text(intention).is_visible()  # the engagement says what it ticked off
    assert_accessible(page)
    item.refresh_from_db()
    assert item.done_by is not None

    page.goto(f"{demo}/champions/plan/")
    assert page.get_by_text("Done", exact=True).first.is_visible()
    assert_accessible(page)

    page.goto(f"{demo}/champions/report/")
    assert page.get_by_role("heading", name="Plans against what was done").is_visible()
    assert page.get_by_text(intention).first.is_visible()
    assert_accessible(page)
