"""Browser journeys: an admin rolls a year's annual events forward, and a councillor is told
which check they lack for an event that needs champion training. Each page checked with axe."""

import pytest

from corporate_parenting.models import User
from corporate_parenting.years import current_political_year
from events import services
from events.models import Event
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_admin_rolls_annual_events_forward_on_a_phone(demo, new_page):
    year = current_political_year()
    page = new_page("phone")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/events/roll-forward/?year={year.start_year}")
    assert_accessible(page)
    boxes = page.locator("input[name^='confirm_']")
    if boxes.count() == 0:  # everything this year already rolled forward by the demo
        assert page.get_by_text("left to roll forward").is_visible()
        return
    # Not confirming moved dates is refused on the field, with the summary above.
    page.get_by_role("button", name="Roll forward to next year").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert_accessible(page)
    for n in range(boxes.count()):
        boxes.nth(n).check()
    before = Event.objects.count()
    page.get_by_role("button", name="Roll forward to next year").click()
    page.wait_for_url(f"{demo}/events/diary/*")
    assert Event.objects.count() > before


def test_councillor_sees_which_check_is_missing(demo, new_page):
    event = Event.objects.get(title="Children in Care Youth Club: board games evening")
    councillor = User.objects.get(email="councillor@example.org")
    missing = services.missing_checks(person=councillor, event=event)
    page = new_page("desktop")
    sign_in(page, demo, "councillor")
    page.goto(f"{demo}/events/{event.pk}/")
    assert_accessible(page)
    assert page.get_by_text("members must have completed champion training").is_visible()
    if missing and not event.signups.active().filter(person=councillor).exists():
        refusal = page.locator("#sign-up-refusal").inner_text()
        assert refusal == services.sign_up_refusal(missing)
