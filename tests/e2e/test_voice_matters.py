"""A browser journey on a phone for the Children in Care Council's matters ("you asked"): the
participation officer records a matter with themes and an owner, the Board's next meeting shows
it as open, the owner (a councillor) records the response, the officer shows it publicly, and it
appears in "you said, we did". Every page visited passes the axe check at 390 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from panels.models import Meeting
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Bus passes for college"
ASKED = "Can care leavers at college keep their bus pass until they are 21?"
RESPONSE = "Care leavers in education now keep a free bus pass until they are 21."


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)
    assert_accessible(page)


def test_a_council_matter_is_recorded_stands_on_the_agenda_is_answered_and_shown(demo, new_page):
    today = timezone.localdate()
    officer = new_page(viewport="phone")
    sign_in(officer, demo, "officer")
    officer.goto(f"{demo}/voice/matters/")
    assert_accessible(officer)
    officer.get_by_role("link", name="Record a matter raised").click()
    assert_accessible(officer)
    officer.get_by_label("Raised by").select_option(label="Children in Care Council")
    officer.get_by_label("Date raised").fill(today.isoformat())
    officer.get_by_label("Title").fill(TITLE)
    officer.get_by_label("What they asked").fill(ASKED)
    officer.get_by_label("Education and work").check()
    officer.get_by_label("Money", exact=True).check()
    officer.get_by_label("For the Board").select_option(label="Corporate Parenting Panel")
    officer.get_by_role("button", name="Save the matter").click()
    # Nothing typed is lost when the owner and due date are missing.
    expect(officer.locator(".govuk-error-summary")).to_contain_text("Choose the owner")
    expect(officer.get_by_label("What they asked")).to_have_value(ASKED)
    assert_accessible(officer)
    officer.get_by_label("Owner").select_option(label="Priya Ashworth")
    officer.get_by_label("Date the answer is due").fill(
        (today + datetime.timedelta(days=28)).isoformat()
    )
    officer.get_by_role("button", name="Save the matter").click()
    _banner(officer, f"Matter ‘{TITLE}’ recorded")
    themes = officer.locator(".govuk-summary-list__row", has_text="Themes")
    expect(themes).to_contain_text("Education and work")
    expect(themes).to_contain_text("Money")

    # The Board's next meeting carries it as a standing item.
    meeting = (
        Meeting.objects.filter(body__slug="corporate-parenting-panel", date__gt=today)
        .order_by("date")
        .first()
    )
    assert meeting is not None
    officer.goto(f"{demo}/panels/meetings/{meeting.pk}/")
    standing = officer.locator("#council-matters + p + table")
    expect(officer.locator("#council-matters")).to_have_text(
        "Children in Care Council: matters raised"
    )
    expect(standing).to_contain_text(TITLE)
    expect(standing).to_contain_text("Open")
    assert_accessible(officer)

    # The owner records the response.
    owner = new_page(viewport="phone")
    sign_in(owner, demo, "councillor")
    owner.goto(f"{demo}/voice/matters/")
    owner.get_by_role("link", name=TITLE).click()
    assert_accessible(owner)
    owner.get_by_role("link", name="Record the response").click()
    assert_accessible(owner)
    owner.get_by_role("button", name="Record the response").click()
    expect(owner.locator(".govuk-error-summary")).to_contain_text("Enter the response")
    owner.get_by_label("The response").fill(RESPONSE)
    owner.get_by_role("button", name="Record the response").click()
    _banner(owner, "Response recorded: the matter is answered")
    expect(owner.locator("main")).to_contain_text("Answered")

    # The participation officer shows it publicly; it is in "you said, we did".
    officer.goto(f"{demo}/voice/matters/?state=answered")
    officer.get_by_role("link", name=TITLE).click()
    officer.get_by_role("button", name="Show it publicly in ‘You said, we did’").click()
    _banner(officer, "Shown publicly in ‘You said, we did’")

    public = new_page(viewport="phone")
    public.goto(f"{demo}/voice/public/")
    expect(public.locator("main")).to_contain_text(RESPONSE)
    expect(public.locator("main")).to_contain_text(ASKED)
    assert_accessible(public)


def test_an_admin_adds_a_council_seat_without_an_account_on_a_phone(demo, new_page):
    admin = new_page(viewport="phone")
    sign_in(admin, demo, "admin")
    admin.goto(f"{demo}/panels/bodies/corporate-parenting-panel/members/new/")
    assert_accessible(admin)
    admin.get_by_role("button", name="Add the member").click()
    expect(admin.locator(".govuk-error-summary")).to_contain_text(
        "Choose the person to add, or give the name of a seat without an account"
    )
    assert_accessible(admin)
    admin.get_by_label("Or a seat without an account").fill("Care leavers' forum member")
    admin.get_by_label("Young people's representative").check()
    admin.get_by_role("button", name="Add the member").click()
    _banner(admin, "Care leavers' forum member added to Corporate Parenting Panel")
    expect(admin.locator("main")).to_contain_text("(a seat without an account)")
    admin.goto(f"{demo}/panels/public/bodies/corporate-parenting-panel/")
    expect(admin.locator("main")).to_contain_text("Care leavers' forum member")
    assert_accessible(admin)
