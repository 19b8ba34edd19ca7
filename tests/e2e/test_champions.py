"""Champion journeys in a real browser: a councillor logs an engagement on a phone with the
keyboard alone, an admin appoints a champion, an officer responds to a follow-up. Every page
they visit passes the axe-core WCAG 2.2 AA check."""

import re

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import keyboard_sign_in, sign_in, tab_to, tab_to_field

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_councillor_logs_an_engagement_on_a_phone_by_keyboard(demo, new_page):
    from champions.models import Engagement

    page = new_page("phone")
    keyboard_sign_in(page, demo, "councillor")
    assert_accessible(page)
    tab_to(page, "Log an engagement")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/champions/engagements/new/")
    assert_accessible(page)
    # Today's date and the councillor's only area are already chosen.
    assert page.locator("#id_area").input_value() != ""
    tab_to_field(page, "id_kind")
    page.keyboard.type("Visit")
    tab_to_field(page, "id_what_we_did")
    page.keyboard.type("Visited the youth club and played pool.")
    page.keyboard.press("Tab")
    page.keyboard.type("They want a quiet room for homework.")
    # What they heard is tagged with a theme by keyboard too: Space ticks the first one.
    tab_to_field(page, "id_themes_1")
    page.keyboard.press("Space")
    tab_to_field(page, "id_young_people_count")
    assert page.evaluate("document.activeElement.id") == "id_young_people_count"
    page.keyboard.press("Control+A")
    page.keyboard.type("-2")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A negative count: a clear error on the field, nothing saved, nothing lost.
    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)
    assert (
        page.locator("#id_what_we_did").input_value() == "Visited the youth club and played pool."
    )
    before = Engagement.objects.count()
    page.get_by_role("link", name=re.compile("0 or more")).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_young_people_count"
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Engagement submitted").is_visible()
    assert_accessible(page)
    engagement = Engagement.objects.order_by("-pk").first()
    assert engagement is not None
    assert Engagement.objects.count() == before + 1
    assert engagement.kind == "visit" and engagement.young_people_count == 7
    assert engagement.themes.count() == 1
    assert page.get_by_role("heading", level=1).inner_text().startswith("Visit")


def test_admin_appoints_a_champion(demo, new_page):
    page = new_page("phone")
    sign_in(page, demo, "admin")
    assert_accessible(page)
    page.get_by_role("link", name="Champion coverage").click()
    page.wait_for_url(f"{demo}/champions/coverage/")
    assert_accessible(page)
    page.get_by_role("button", name="Appoint a champion").click()
    page.wait_for_url(f"{demo}/champions/appointments/new/")
    assert_accessible(page)
    page.get_by_label("Councillor").select_option(label="Priya Ashworth")
    page.get_by_label("Area").select_option(label="Participation")
    page.get_by_role("button", name="Appoint champion").click()
    page.wait_for_url(f"{demo}/champions/areas/participation/")
    assert page.get_by_text("Priya Ashworth appointed champion for Participation").is_visible()
    assert_accessible(page)
    history = page.locator("table", has_text="appointed champion")
    assert history.get_by_text("Morgan Blake").is_visible()
    # Appointing the same person again for the same year is refused, on the field.
    page.goto(f"{demo}/champions/appointments/new/?area=participation")
    page.get_by_label("Councillor").select_option(label="Priya Ashworth")
    page.get_by_role("button", name="Appoint champion").click()
    assert page.get_by_text("There is a problem").is_visible()
    assert page.get_by_role("link", name=re.compile("already champions Participation")).is_visible()
    assert_accessible(page)


def test_officer_responds_to_a_follow_up(demo, new_page):
    page = new_page("desktop")
    sign_in(page, demo, "officer")
    assert_accessible(page)
    panel = page.locator(".portal-card", has_text="Follow-ups in your areas")
    panel.get_by_role("link", name=re.compile("Care Leavers and Housing")).first.click()
    page.wait_for_url(re.compile(r"/champions/engagements/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Respond to the follow-up").click()
    page.wait_for_url(re.compile(r"/respond/$"))
    assert_accessible(page)
    page.get_by_label("What has been done, or is being done").fill(
        "A named worker now goes to flat viewings with every care leaver who asks."
    )
    page.get_by_role("radio", name="Done").check()
    page.get_by_label('Show on the public "You said, we did" page').check()
    page.get_by_role("button", name="Save response").click()
    page.wait_for_url(re.compile(r"/champions/engagements/\d+/$"))
    assert page.get_by_text("Response saved").is_visible()
    assert page.get_by_text('In "You said, we did"').is_visible()
    assert_accessible(page)

    from champions.models import Engagement

    rows = list(Engagement.objects.for_you_said_we_did())
    assert any("named worker" in row["follow_up_response"] for row in rows)
