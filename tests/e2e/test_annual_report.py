"""Browser journey on a phone (390 px): an officer starts the year's annual report, writes the
forewords and the priorities for next year, records the panel's approval at a meeting (which
freezes the figures), and the clerk publishes it. The public reads it: the PDF and the young
person's version are read back (sections, figures, bookmarks), and a meeting added to the records
after approval does not change the published report. Every page visited passes the axe check.

The section builders are the tests' own (tests/annual/builders.py), until annual/sections/ has
the portal's."""

import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from annual.content import assemble_sections, report_period
from annual.models import AnnualReport
from panels import services as panel_services
from panels.models import Body, DecisionStatus
from tests.annual import builders
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += _titles(entry) if isinstance(entry, list) else [str(entry.title)]
    return titles


def _pdf_text(page: Page, base: str, href: str) -> tuple[list[str], str]:
    response = page.request.get(f"{base}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    return _titles(reader.outline), text


def test_the_years_report_from_draft_to_published(demo, new_page, monkeypatch):
    monkeypatch.setattr("annual.assemble.builder", builders.builder)
    panel = Body.objects.get(slug="corporate-parenting-panel")
    # The demo's own draft makes way: the officer starts the year afresh.
    AnnualReport.objects.filter(body=panel).delete()
    # A data migration makes the decision statuses; an earlier browser test's flush (in the same
    # test process) may have emptied the table.
    DecisionStatus.objects.get_or_create(name="Recommendations Approved")
    # The meeting at which the panel approves it: held last week, its minutes still open.
    meeting = panel_services.meeting_create(
        actor=None,
        body=panel,
        date=timezone.localdate() - datetime.timedelta(days=7),
        start_time=datetime.time(18, 30),
    )
    panel_services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])

    page: Page = new_page(viewport="phone")
    sign_in(page, demo, "officer")
    page.goto(f"{demo}/annual/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a year's report").click()
    assert_accessible(page)
    page.get_by_label("Whose report").select_option(label="Corporate Parenting Panel")
    page.get_by_role("button", name="Start the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("started")
    assert_accessible(page)
    report = AnnualReport.objects.get(body=panel)
    year = report.year_label

    page.get_by_role("link", name="Write the report").click()
    assert_accessible(page)
    page.get_by_label("The Chair's foreword").fill("A year in which we **listened**.")
    page.get_by_label("A foreword from the Children in Care Council").fill(
        "We asked for the offer online, and now it is."
    )
    page.get_by_label("For young people: the short version").fill(
        "Here is what your corporate parents did for you."
    )
    first = page.get_by_role("group", name="Priority 1")
    first.get_by_label("Priority", exact=True).fill("Find more homes near school")
    first.get_by_label("Strategy objective it serves (optional)").select_option(index=1)
    page.get_by_role("group", name="Priority 2").get_by_label("Priority", exact=True).fill(
        "More apprenticeships for care leavers"
    )
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved")
    expect(page.get_by_text("Find more homes near school")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record the panel's approval").click()
    assert_accessible(page)
    page.get_by_label("The meeting").select_option(label=f"{meeting.date:%-d %B %Y}")
    page.get_by_label("The panel's decision").select_option(label="Recommendations Approved")
    page.get_by_role("button", name="Record the panel's approval").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("figures are frozen")
    assert_accessible(page)

    # After approval the records change: a meeting in the report's year.
    panel_services.meeting_create(
        actor=None,
        body=panel,
        date=report.period_start + datetime.timedelta(days=60),
        start_time=datetime.time(18, 30),
    )
    report.refresh_from_db()
    live = assemble_sections(report_period(report), ["panel"])[0]
    assert live.figures[0].value == "1"  # the records say one meeting now

    # The clerk publishes.
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("published")
    assert_accessible(page)

    # The public reads it: what the panel approved, with no meeting in its year.
    public: Page = new_page(viewport="phone")
    public.goto(f"{demo}/annual/public/")
    assert_accessible(public)
    public.get_by_role("link", name=report.title).click()
    assert_accessible(public)
    expect(public.get_by_text(f"The panel met 0 times in {year}.")).to_be_visible()
    expect(public.get_by_text("A year in which we listened.")).to_be_visible()
    assert public.evaluate("document.documentElement.scrollWidth") <= 390

    public.get_by_role("link", name="The report as a PDF").first.click()
    assert_accessible(public)
    href = public.get_by_role("link", name="Download the annual report").get_attribute("href")
    assert href
    bookmarks, text = _pdf_text(public, demo, href)
    for title in (
        "The Chair's foreword",
        "The panel and board",
        "What young people told us",
        "Our priorities for next year",
    ):
        assert title in bookmarks, bookmarks
    assert f"The panel met 0 times in {year}" in text and "Meetings held 0" in text
    assert "Find more homes near school" in text and "Page 1 of" in text

    public.goto(f"{demo}{report.get_public_url()}")
    public.get_by_role("link", name="The version for young people", exact=True).click()
    assert_accessible(public)
    expect(public.get_by_text("Here is what your corporate parents did for you.")).to_be_visible()
    expect(public.get_by_text("You told us about housing, and we listened.")).to_be_visible()
    assert public.evaluate("document.documentElement.scrollWidth") <= 390
    public.get_by_role("link", name="This page as a PDF to print").click()
    href = public.get_by_role("link", name="Download the young person's version").get_attribute(
        "href"
    )
    assert href
    bookmarks, text = _pdf_text(public, demo, href)
    assert "What changed this year" in bookmarks and "What is next" in bookmarks
    assert "The panel met 0 times to check how you are doing." in text
    assert "More apprenticeships for care leavers" in text
