"""One journey per role with the keyboard alone (Tab, Enter, Space), focus visible at each step."""

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import keyboard_sign_in, tab_to, tab_to_field

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_anonymous_skips_to_content_and_reaches_the_accessibility_statement(demo, new_page):
    page = new_page("phone")
    page.goto(f"{demo}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    assert page.get_by_text("Skip to main content").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    tab_to(page, "Accessibility statement")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/accessibility/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Accessibility statement")
    assert_accessible(page)


def test_councillor_changes_password_by_keyboard_on_a_phone(demo, new_page):
    page = new_page("phone")
    keyboard_sign_in(page, demo, "councillor")
    assert_accessible(page)
    tab_to(page, "Change your password")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/password/change/")
    assert_accessible(page)
    tab_to_field(page, "id_old_password")
    page.keyboard.type("demo-password-for-browser-tests")
    page.keyboard.press("Tab")
    page.keyboard.type("a-new-long-password-for-the-phone")
    page.keyboard.press("Tab")
    page.keyboard.type("a-new-long-password-for-the-phone")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/")
    assert page.get_by_text("Your password has been changed").is_visible()
    assert_accessible(page)


def test_officer_signs_out_by_keyboard(demo, new_page):
    page = new_page("desktop")
    keyboard_sign_in(page, demo, "officer")
    tab_to(page, "Sign out")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.get_by_text("You have signed out").is_visible()
    assert_accessible(page)


def test_admin_rebrands_by_keyboard_on_a_phone(demo, new_page):
    page = new_page("phone")
    keyboard_sign_in(page, demo, "admin")
    # On a phone the navigation is behind the Menu button.
    tab_to(page, "Menu")
    page.keyboard.press("Space")
    tab_to(page, "Site settings")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo}/settings/")
    assert_accessible(page)
    tab_to_field(page, "id_brand_colour")
    page.keyboard.press("Control+A")
    page.keyboard.type("#ffdd00")
    tab_to(page, "Save settings")
    with page.expect_navigation():
        page.keyboard.press("Space")
    # A colour white text cannot be read on is refused, with the error on the field.
    assert page.get_by_text("There is a problem").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="White text is hard to read on this colour").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_brand_colour"
    page.keyboard.press("Control+A")
    page.keyboard.type("#005a30")
    tab_to(page, "Save settings")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.get_by_text("Site settings saved").is_visible()
    assert_accessible(page)
