"""Browser journey on a phone: the participation officer records a consultation with how many
took part by age band, and a finding with themes and a quote; the quote holds a phone number,
so the officer is warned; a moderator approves the finding and the quote; "What children and
young people told us" counts the finding under Consultations. Every page visited passes the axe
check and does not scroll sideways at 390 px."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Forum session on feeling safe"
STATEMENT = "Young people want to know who to call when they feel unsafe at night"
QUOTE = "I'd just want a number like 07700 900123 that someone answers"


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner").first).to_be_visible()
    expect(page.locator("main")).to_contain_text(text)
    assert_accessible(page)


def _consultations_cell(page: Page, theme: str) -> str:
    """The "Where it came from" table's Consultations count for a theme."""
    table = page.get_by_role("region", name="Where it came from")
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=theme))
    return row.get_by_role("cell").nth(2).inner_text().strip()


def test_participation_officer_records_a_consultation_and_a_moderator_approves_it(demo, new_page):
    officer = new_page(viewport="phone")
    sign_in(officer, demo, "officer")
    officer.goto(f"{demo}/voice/")
    assert _consultations_cell(officer, "Feeling safe") == "0"

    officer.goto(f"{demo}/voice/consultations/")
    assert_accessible(officer)
    officer.get_by_role("link", name="Record a consultation").click()
    assert_accessible(officer)
    # The demo officer holds the participation officer duty: offered as who ran it.
    assert officer.get_by_label("Who ran it? (optional)").input_value() != ""
    officer.get_by_label("Title").fill(TITLE)
    officer.get_by_label("A forum session").check()
    officer.get_by_label("What were young people asked?").fill("When do you feel safe?")
    officer.get_by_label("Held on, or from").fill(f"{timezone.localdate():%Y-%m-%d}")
    officer.get_by_label("11 to 15").fill("lots")
    officer.get_by_label("16 to 17").fill("7")
    officer.get_by_label("18 to 21").fill("5")
    officer.get_by_role("button", name="Save the consultation").click()
    expect(officer.locator(".govuk-error-summary")).to_contain_text(
        "Enter how many aged 11 to 15 took part as a whole number"
    )
    assert_accessible(officer)
    expect(officer.get_by_label("Title")).to_have_value(TITLE)
    officer.get_by_label("11 to 15").fill("4")
    officer.get_by_role("button", name="Save the consultation").click()
    _banner(officer, f"Consultation ‘{TITLE}’ saved")
    expect(officer.locator("main")).to_contain_text("16")  # 4 + 7 + 5 took part

    officer.get_by_role("link", name="Add a finding").click()
    assert_accessible(officer)
    officer.get_by_label("What did young people tell you?").fill(STATEMENT)
    officer.get_by_label("Feeling safe").check()
    officer.get_by_label("Being listened to").check()
    officer.get_by_label("A quote (optional)").fill(QUOTE)
    officer.get_by_role("button", name="Save the finding").click()
    _banner(officer, "Finding saved: it waits for moderation before it counts")
    expect(officer.locator("main")).to_contain_text(
        "Looks like a phone number: check before approving"
    )
    expect(officer.locator("main")).to_contain_text("Waiting for moderation")

    moderator = new_page(viewport="phone")
    sign_in(moderator, demo, "admin")
    moderator.goto(f"{demo}/voice/consultations/moderation/")
    assert_accessible(moderator)
    expect(moderator.locator("main")).to_contain_text("Looks like a phone number")
    moderator.get_by_role("link", name=STATEMENT).click()
    assert_accessible(moderator)
    expect(moderator.locator("main")).to_contain_text(
        "Looks like a phone number: check before approving"
    )
    moderator.get_by_role("button", name="Approve quote 1").click()
    _banner(moderator, "Quote approved")
    moderator.get_by_label("Approve it: it counts, for members and officers to read").check()
    moderator.get_by_role("button", name="Save decision").click()
    _banner(moderator, "Decision saved")

    officer.goto(f"{demo}/voice/")
    assert_accessible(officer)
    assert _consultations_cell(officer, "Feeling safe") == "1"
    expect(officer.locator("main")).to_contain_text(QUOTE)
