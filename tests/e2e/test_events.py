"""Browser journeys through the events diary, each page checked with axe-core."""

import pytest

from events.models import Event, SignUp
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_admin_adds_fostering_fortnight(demo, new_page):
    page = new_page("desktop")
    sign_in(page, demo, "admin")
    assert_accessible(page)
    page.get_by_role("link", name="Add an event").first.click()
    page.wait_for_url(f"{demo}/events/new/")
    assert_accessible(page)

    # Bad input first: the last day before the first day.
    page.get_by_label("Title").fill("Fostering Fortnight 2027")
    page.get_by_label("Category").select_option("awareness")
    page.get_by_label("First day").fill("2027-05-10")
    page.get_by_label("Last day").fill("2027-05-01")
    page.get_by_role("button", name="Save event").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page)
    assert page.get_by_label("Title").input_value() == "Fostering Fortnight 2027"
    assert not Event.objects.filter(title="Fostering Fortnight 2027").exists()

    page.get_by_label("Last day").fill("2027-05-23")
    page.get_by_label("Public event").check()
    page.get_by_label("Happens every year").check()
    page.get_by_label("Same weekday and week of the month").check()
    page.get_by_role("button", name="Save event").click()
    page.wait_for_url(f"{demo}/events/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Fostering Fortnight 2027"
    assert page.get_by_text("10 to 23 May 2027").first.is_visible()
    assert_accessible(page)
    event = Event.objects.get(title="Fostering Fortnight 2027")
    assert event.is_all_day and event.is_public and event.is_annual


def test_councillor_signs_up_from_the_month_view_on_a_phone(demo, new_page):
    event = Event.objects.get(title="Corporate parenting training for members")
    page = new_page("phone")
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/events/?year={event.start_date.year}&month={event.start_date.month}")
    assert_accessible(page)
    page.get_by_role("button", name=f"Sign up for {event.title}").click()
    assert page.get_by_text(f"You have signed up for {event.title}").is_visible()
    assert "/events/?year=" in page.url
    assert_accessible(page)
    assert SignUp.objects.active().filter(event=event, person__email="councillor@example.org")
    assert page.get_by_role("button", name=f"Cancel my place at {event.title}").is_visible()


def test_young_people_see_public_events_without_names(demo, new_page):
    event = Event.objects.get(title="Young Carers Action Day", rolled_to=None)
    page = new_page("phone")
    page.goto(f"{demo}/events/public/")
    assert_accessible(page)
    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"{demo}/events/public/{event.pk}/")
    assert_accessible(page)
    add_to_calendar = page.locator("a[download]")
    assert add_to_calendar.inner_text().startswith("Add to calendar")
    assert add_to_calendar.get_attribute("href") == f"/events/{event.pk}/calendar.ics"
    assert "Councillor" not in page.content()
