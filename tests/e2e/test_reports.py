"""Browser journey for panel papers: the author drafts a report and submits it, the sponsor
returns it once and then approves it, the clerk publishes the agenda and makes the pack.
Every page visited passes the axe check."""

import datetime
import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from corporate_parenting.models import Duty, DutyKind, User
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Fostering Fortnight: what we heard"


def _banner(page: Page, text: str) -> None:
    expect(page.locator(".govuk-notification-banner")).to_contain_text(text)
    assert_accessible(page)


def _switch(page: Page, base: str, role: str) -> None:
    page.context.clear_cookies()
    sign_in(page, base, role)
    assert_accessible(page)


def _open_report(page: Page) -> None:
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)


def test_a_report_from_draft_to_the_published_pack(demo, new_page):
    # The admin sponsors this report: an admin gives themselves the duty on the people pages.
    Duty.objects.get_or_create(
        user=User.objects.get(email="admin@example.org"), kind=DutyKind.REPORT_SPONSOR
    )
    page = new_page(viewport="phone")
    sign_in(page, demo, "officer")

    # The clerk sets up a meeting six weeks away and commissions the report.
    page.goto(f"{demo}/panels/meetings/new/")
    assert_accessible(page)
    page.get_by_label("Body").select_option(label="Corporate Parenting Panel")
    day = datetime.date.today() + datetime.timedelta(days=42)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("18:30")
    page.get_by_role("button", name="Save meeting").click()
    _banner(page, "Meeting created")
    meeting_url = page.url
    page.get_by_role("link", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Fostering Fortnight")
    page.get_by_role("button", name="Add item").click()
    _banner(page, "Item added")
    page.get_by_role("link", name="Commission a report for Fostering Fortnight").click()
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Author").select_option(label="Dan Okafor")
    page.get_by_label("Sponsor", exact=True).select_option(label="Morgan Blake")
    page.get_by_label("Sponsor's job title (optional)").fill("Director of Children's Services")
    page.get_by_role("button", name="Commission the report").click()
    _banner(page, "Report commissioned")

    # The author drafts it; submitting with no recommendations is refused on that field.
    page.get_by_role("link", name="Write the report").click()
    assert_accessible(page)
    page.get_by_label("Executive summary").fill("Foster carers told us what helps them stay.")
    page.locator("#id_sections-0-heading").fill("Background")
    page.locator("#id_sections-0-body").fill(
        "Fostering Fortnight ran from 10 to 23 May.\n\n- 12 events\n- 140 foster carers"
    )
    page.get_by_role("button", name="Save and submit to the sponsor").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Add at least one recommendation")
    assert_accessible(page)
    expect(page.get_by_label("Executive summary")).to_have_value(re.compile("Foster carers"))
    page.get_by_role("link", name="Add at least one recommendation before submitting").click()
    page.keyboard.type("That the Panel note the report.")
    page.get_by_role("button", name="Save and submit to the sponsor").click()
    _banner(page, "Report submitted to the sponsor")

    # The sponsor returns it once, saying why.
    _switch(page, demo, "admin")
    _open_report(page)
    page.get_by_role("link", name="Approve or return").click()
    assert_accessible(page)
    page.get_by_label("Return it to the author").check()
    page.get_by_role("button", name="Send the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the author should")
    assert_accessible(page)
    page.get_by_label("Comments for the author").fill("Add how many carers were recruited.")
    page.get_by_role("button", name="Send the decision").click()
    _banner(page, "Report returned to the author")

    # The author sees the comment, changes the report and submits again.
    _switch(page, demo, "officer")
    _open_report(page)
    expect(page.get_by_text("Add how many carers were recruited.")).to_be_visible()
    page.get_by_role("link", name="Write the report").click()
    page.get_by_label("Executive summary").fill(
        "Foster carers told us what helps them stay. Nine new carers were recruited."
    )
    page.get_by_role("button", name="Save and submit to the sponsor").click()
    _banner(page, "Report submitted to the sponsor")
    page.get_by_role("link", name="Versions and changes").click()
    assert_accessible(page)
    expect(page.get_by_text("Nine new carers were recruited.").first).to_be_visible()

    # The sponsor approves it.
    _switch(page, demo, "admin")
    _open_report(page)
    page.get_by_role("link", name="Approve or return").click()
    page.get_by_label("Approve the report").check()
    page.get_by_role("button", name="Send the decision").click()
    _banner(page, "Report approved")

    # The clerk publishes the agenda, which publishes the report, and makes the pack.
    _switch(page, demo, "officer")
    page.goto(meeting_url)
    assert_accessible(page)
    page.get_by_role("link", name="Publish the agenda").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish the agenda").click()
    _banner(page, "Agenda published")
    page.get_by_role("link", name="Public agenda pack (PDF)").click()
    assert_accessible(page)
    page.get_by_role("button", name="Make the pack").click()
    expect(page.get_by_role("link", name=re.compile("Download"))).to_be_visible(timeout=30_000)
    assert_accessible(page)
    href = page.get_by_role("link", name=re.compile("Download")).get_attribute("href")
    response = page.request.get(f"{demo}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Fostering Fortnight" in text and "Nine new carers were recruited" in text

    # Anyone can now read it from the public page.
    page.context.clear_cookies()
    page.goto(f"{demo}/panels/public/")
    assert_accessible(page)
