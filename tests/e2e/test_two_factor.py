"""The second step of signing in, in a browser: set up an app, keep the backup codes, and enter a
code; every page GOV.UK styled and checked with axe."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in, tab_to_field
from tests.second_factor import code_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_new_officer_sets_up_an_app_by_keyboard_on_a_phone(demo, new_page):
    officer = factories.officer(email="new.officer@example.org")
    page = new_page("phone")
    page.goto(f"{demo}/sign-in/")
    page.get_by_label("E-mail address").fill(officer.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{demo}/two-factor/set-up/?next=%2F")
    assert page.get_by_role("heading", level=1).inner_text() == "Set up your authenticator app"
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    assert_accessible(page)
    # A wrong code: the GOV.UK error summary, still accessible.
    tab_to_field(page, "id_code")
    page.keyboard.type("000000")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    page.wait_for_timeout(1100)  # a wrong code makes the next try wait a second (throttling)
    page.get_by_label("Security code").fill(code_now(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{demo}/two-factor/backup-codes/?next=%2F")
    assert page.locator("#backup-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{demo}/")
    assert_accessible(page)


def test_demo_admin_enters_the_code_from_the_app(demo, new_page):
    page = new_page("desktop")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/settings/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert "/two-factor/" not in page.url


def test_code_page_is_accessible(demo, new_page):
    page = new_page("phone")
    page.goto(f"{demo}/sign-in/")
    page.get_by_label("E-mail address").fill("officer@example.org")
    page.get_by_label("Password").fill("demo-password-for-browser-tests")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{demo}/two-factor/?next=%2F")
    assert_accessible(page)
    page.get_by_text("I do not have my phone").click()
    assert_accessible(page)


def test_admin_reads_the_audit_trail_on_a_phone(demo, new_page):
    page = new_page("phone")
    sign_in(page, demo, "admin")
    page.goto(f"{demo}/audit/")
    assert page.get_by_role("heading", level=1).inner_text() == "Audit trail"
    assert page.get_by_text("second factor verified").first.is_visible()
    assert_accessible(page)
    page.goto(f"{demo}/audit/changes/?record_type=panels.Meeting")
    assert page.locator("table tbody tr").count() > 0
    assert_accessible(page)
