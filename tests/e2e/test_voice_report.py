"""Browser journey on a phone (390 px): an officer puts "What children and young people have told
us" into their report for a political year and two themes, reads it on the report's page, and
downloads the report as a PDF, which is read back. Every page visited passes the axe check."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from corporate_parenting.models import User
from corporate_parenting.years import current_political_year
from offer.models import Feedback
from panels import services as panel_services
from panels.models import Body
from panels.services import reports as report_services
from tests import factories
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in
from voice.models import Theme

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADING = "What children and young people have told us"
TITLE = "Care leavers' voice: the year so far"


def _told(slug: str, said: str, *, count: int, shown: bool = True) -> None:
    for n in range(count):
        Feedback.objects.create(
            kind=Feedback.Kind.MISSING,
            text=f"{said} (raw words {n})",
            status=Feedback.Status.PUBLISHED if shown else Feedback.Status.HIDDEN,
            you_said=f"{said} ({n + 1})",
            we_did="Demonstration: we changed something" if shown else "",
            moderated_at=timezone.now(),
        ).themes.add(Theme.objects.get(slug=slug))


def _draft_for(officer: User) -> str:
    """A draft report by the demo officer, on a new item of the Corporate Parenting Panel."""
    body = Body.objects.order_by("pk").first()
    assert body is not None
    meeting = panel_services.meeting_create(
        actor=None,
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=40),
        start_time=datetime.time(18, 30),
    )
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Young people's voice")
    sponsor = factories.officer(email="voice-sponsor@example.org", full_name="Rene Sponsor")
    report = report_services.report_create(
        actor=officer, item=item, title=TITLE, author=officer, sponsor=sponsor
    )
    return report.get_absolute_url()


def test_an_officer_puts_what_young_people_told_us_into_a_report(demo, new_page):
    officer = User.objects.get(email="officer@example.org")
    report_url = _draft_for(officer)
    # Shown on "You said, we did": 6 about identity, 2 about feeling safe (themes the demo does
    # not tag); hidden: 3 about identity.
    _told("identity", "Nobody asked about my culture", count=6)
    _told("feeling-safe", "The bus stop at night feels unsafe", count=2)
    _told("identity", "HIDDEN WORDS NEVER SHOWN", count=3, shown=False)
    year = current_political_year()

    page: Page = new_page(viewport="phone")
    sign_in(page, demo, "officer")
    page.goto(f"{demo}{report_url}")
    assert_accessible(page)
    page.get_by_role("link", name="Write the report").click()
    assert_accessible(page)
    page.get_by_label("Executive summary").fill("What young people told us this year.")
    page.get_by_label("Recommendations").fill("That the Panel note what young people told us.")
    section = page.get_by_role("group", name=HEADING)
    # A quarter with no year is refused on the year, and nothing typed is lost.
    section.get_by_label("Quarter").select_option(index=1)
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose the political year of the quarter"
    )
    assert_accessible(page)
    expect(page.get_by_label("Executive summary")).to_have_value(re.compile("young people told"))
    section = page.get_by_role("group", name=HEADING)
    section.get_by_label("Political year").select_option(label=year.label)
    section.get_by_label("Quarter").select_option(label="The whole year")
    section.get_by_label("Identity", exact=True).check()
    section.get_by_label("Feeling safe", exact=True).check()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved")
    assert_accessible(page)

    # The report's page: counts for the two themes, "fewer than 5" for feeling safe, the words
    # shown and nothing else.
    heading = f"{HEADING}, {year.label}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    counts = page.get_by_role("table", name=re.compile("How often each theme came up"))
    expect(counts.get_by_role("row", name=re.compile("^Identity"))).to_contain_text("6")
    expect(counts.get_by_role("row", name=re.compile("^Feeling safe"))).to_contain_text(
        "fewer than 5"
    )
    expect(counts.get_by_role("row", name=re.compile("^Housing"))).to_have_count(0)
    expect(page.get_by_text("Nobody asked about my culture (6)").first).to_be_visible()
    expect(page.get_by_text("HIDDEN WORDS NEVER SHOWN")).to_have_count(0)

    # The PDF, read back.
    href = page.get_by_role("link", name="Download the report (PDF)").get_attribute("href")
    response = page.request.get(f"{demo}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert heading in text
    assert "Identity 6" in text and "Feeling safe fewer than 5" in text
    assert "Nobody asked about my culture" in text and "HIDDEN WORDS" not in text
    bookmarks = [
        str(b.title)
        for entry in reader.outline
        if isinstance(entry, list)
        for b in entry
        if not isinstance(b, list)
    ]
    assert any(heading in title for title in bookmarks), bookmarks
