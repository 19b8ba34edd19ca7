"""People in a browser on a phone: an admin invites an officer, the officer sets a password from
the e-mailed link, signs in (with the second step staff need) and finds their account page.
Every page is checked with axe."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from corporate_parenting.models import DutyKind, User
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in
from tests.second_factor import code_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-for-the-new-officer"


def _open_menu_if_folded(page) -> None:
    menu = page.get_by_role("button", name="Menu")
    if menu.count() and menu.is_visible():
        menu.click()


def test_admin_invites_an_officer_who_sets_a_password_and_sees_their_account(demo, new_page):
    admin = new_page("phone")
    sign_in(admin, demo, "admin")
    _open_menu_if_folded(admin)
    admin.get_by_role("link", name="People", exact=True).click()
    admin.wait_for_url(f"{demo}/people/")
    assert_accessible(admin)
    admin.get_by_role("button", name="Invite someone").click()
    admin.wait_for_url(f"{demo}/people/invite/")
    assert_accessible(admin)

    # An address already in use: the error is on the e-mail field and the name is kept.
    admin.get_by_label("Full name").fill("Nia Okoro")
    admin.get_by_label("E-mail address").fill("officer@example.org")
    admin.get_by_label("Officer", exact=True).check()
    admin.get_by_label("Offer review lead").check()
    admin.get_by_role("button", name="Send the invitation").click()
    assert admin.title().startswith("Error:")
    assert admin.locator("#id_email-error, .govuk-error-message").first.is_visible()
    assert admin.get_by_label("Full name").input_value() == "Nia Okoro"
    assert_accessible(admin)

    admin.get_by_label("E-mail address").fill("nia.okoro@example.org")
    admin.get_by_role("button", name="Send the invitation").click()
    admin.wait_for_url(re.compile(rf"{demo}/people/\d+/$"))
    assert admin.get_by_text("Invitation sent to Nia Okoro").is_visible()
    assert admin.get_by_text("Invited", exact=True).is_visible()
    assert_accessible(admin)

    [message] = [m for m in mail.outbox if m.to == ["nia.okoro@example.org"]]
    found = re.search(r"/invitation/[^/\s]+/", str(message.body))
    assert found is not None, message.body
    path = found.group(0)

    officer = new_page("phone")
    officer.goto(f"{demo}{path}")
    assert officer.get_by_role("heading", level=1).inner_text() == "Set your password"
    assert_accessible(officer)
    # Django's password rules apply.
    officer.get_by_label("New password", exact=True).fill("password")
    officer.get_by_label("New password confirmation").fill("password")
    officer.get_by_role("button", name="Set my password").click()
    assert officer.title().startswith("Error:")
    assert_accessible(officer)
    officer.get_by_label("New password", exact=True).fill(PASSWORD)
    officer.get_by_label("New password confirmation").fill(PASSWORD)
    officer.get_by_role("button", name="Set my password").click()
    officer.wait_for_url(f"{demo}/sign-in/")
    assert officer.get_by_text("Your password is set").is_visible()
    assert_accessible(officer)

    officer.get_by_label("E-mail address").fill("nia.okoro@example.org")
    officer.get_by_label("Password").fill(PASSWORD)
    officer.get_by_role("button", name="Sign in").click()
    # Staff set up the second step the first time they sign in.
    officer.wait_for_url(re.compile(rf"{demo}/two-factor/set-up/"))
    assert_accessible(officer)
    device = TOTPDevice.objects.get(user__email="nia.okoro@example.org", confirmed=False)
    officer.get_by_label("Security code").fill(code_now(device))
    officer.get_by_role("button", name="Continue").click()
    officer.wait_for_url(re.compile(rf"{demo}/two-factor/backup-codes/"))
    officer.get_by_role("button", name="Continue").click()
    officer.wait_for_url(f"{demo}/")

    _open_menu_if_folded(officer)
    officer.get_by_role("link", name="Your account", exact=True).click()
    officer.wait_for_url(f"{demo}/account/")
    assert officer.get_by_role("heading", level=1).inner_text() == "Your account"
    assert officer.get_by_text("nia.okoro@example.org").is_visible()
    assert officer.get_by_text("Offer review lead").is_visible()
    assert officer.get_by_role("link", name="Change your password").is_visible()
    assert officer.get_by_role("link", name="Choose which reminders you get").is_visible()
    assert_accessible(officer)

    # The link worked once.
    again = new_page("phone")
    again.goto(f"{demo}{path}")
    assert again.get_by_role("heading", level=1).inner_text() == "This link has been used"
    assert_accessible(again)

    nia = User.objects.get(email="nia.okoro@example.org")
    assert nia.is_active and nia.duties.filter(kind=DutyKind.OFFER_REVIEW_LEAD).exists()

    # The admin gives her another duty, looks at her roles, and at the end of her job closes
    # the account: she is signed out and cannot sign in again.
    admin.reload()
    admin.get_by_role("link", name="Change duties").click()
    assert_accessible(admin)
    admin.get_by_label("KPI owner").check()
    admin.get_by_label("Job title with this duty (optional)").fill("Performance Lead")
    admin.get_by_role("button", name="Give this duty").click()
    assert admin.get_by_text("Performance Lead").is_visible()
    assert_accessible(admin)
    admin.get_by_role("link", name="Back to Nia Okoro").click()
    admin.get_by_role("link", name="Change roles").click()
    assert_accessible(admin)
    admin.get_by_role("link", name="Back to Nia Okoro").click()
    admin.get_by_role("link", name="Deactivate the account of Nia Okoro").click()
    assert_accessible(admin)
    admin.get_by_role("button", name="Deactivate the account").click()
    assert admin.title().startswith("Error:")  # a reason is needed
    assert_accessible(admin)
    admin.get_by_label("Why is the account being closed?").fill("Moved to another council")
    admin.get_by_role("button", name="Deactivate the account").click()
    admin.wait_for_url(re.compile(rf"{demo}/people/\d+/$"))
    assert admin.get_by_text("Deactivated", exact=True).is_visible()
    assert admin.get_by_text("Moved to another council").is_visible()  # the history
    assert_accessible(admin)
    admin.get_by_role("link", name="Reactivate the account of Nia Okoro").click()
    assert_accessible(admin)

    officer.goto(f"{demo}/account/")
    assert "/sign-in/" in officer.url
