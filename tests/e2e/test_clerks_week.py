"""The clerk's week, in the browser on a phone (390 px), every page axe-checked: the clerk sets up
a meeting, adds a paper uploaded as a PDF and one written in Word, publishes the agenda and makes
the members' pack (its agenda's page numbers read back from the PDF, the Word paper converted and
merged); a late report arrives and goes out as Supplement 1 with its reason (members and the public
who asked are e-mailed); then the meeting moves to two working days away: the notice rule asks
why, the change is shown on the public page and e-mailed."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import FilePayload, Page, expect
from pypdf import PdfReader

from corporate_parenting.reminders import services as alerts
from panels import notice
from panels.models import Body, Meeting
from panels.reports.papers import soffice
from tests.bench.pack import paper_pdf, word_document
from tests.e2e.axe import assert_accessible
from tests.e2e.journeys import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

PDF_MIME = "application/pdf"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert_accessible(page)


def _add_item(page: Page, meeting_url: str, title: str, name: str, data: bytes, mime: str, **more):
    page.goto(f"{meeting_url}items/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Presented by (optional)").fill("Dana Whitfield, Director")
    page.get_by_label("Report (optional)").set_input_files(
        files=FilePayload(name=name, mimeType=mime, buffer=data)
    )
    for label, value in more.items():
        page.get_by_label(label).fill(value)
    _submit(page, "Add item")


def _pdf(page: Page, pack_page: str) -> PdfReader:
    """Make the pack from its page (tasks run in-process) and read the PDF it offers."""
    page.goto(pack_page)
    assert_accessible(page)
    make = page.get_by_role("button", name="Make the pack")
    if make.count():
        _submit(page, "Make the pack")
    link = page.get_by_role("link", name=re.compile(r"^Download the "))
    expect(link).to_be_visible()
    base = re.match(r"https?://[^/]+", page.url).group(0)  # type: ignore[union-attr]  # a page of the live server
    response = page.request.get(base + (link.get_attribute("href") or ""))
    assert response.status == 200 and response.headers["content-type"] == PDF_MIME
    return PdfReader(io.BytesIO(response.body()))


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _working_days_ahead(count: int):
    today = timezone.localdate()
    day = today + timedelta(days=1)
    while notice.clear_working_days(today, day) < count or not notice.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_the_clerks_week(demo, new_page):
    if soffice() is None:
        pytest.fail("LibreOffice is not installed: .ci/run installs libreoffice-writer-nogui")
    body = Body.objects.get(slug="corporate-parenting-panel")
    reader = alerts.alert_subscribe(
        email="reader@example.net", body=body, agendas=True, minutes=False, decisions=False
    ).subscription
    alerts.alert_confirm(token=reader.token)
    page = new_page("phone")
    sign_in(page, demo, "officer")

    # -- A meeting three weeks ahead, a PDF paper and a Word paper.
    day = timezone.localdate() + timedelta(days=21)
    page.goto(f"{demo}/panels/meetings/new/")
    assert_accessible(page)
    page.get_by_label("Body").select_option(label="Corporate Parenting Panel")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("18:30")
    _submit(page, "Save meeting")
    meeting = Meeting.objects.get(body=body, date=day)
    meeting_url = f"{demo}/panels/meetings/{meeting.pk}/"
    _add_item(
        page,
        meeting_url,
        "Sufficiency statement",
        "sufficiency.pdf",
        paper_pdf("Sufficiency statement", 3),
        PDF_MIME,
    )
    word = word_document("Virtual School annual report", paragraphs=30)
    assert word is not None
    _add_item(page, meeting_url, "Virtual School annual report", "school.docx", word, DOCX_MIME)

    # -- Published, then the members' pack: the agenda's page numbers are where papers start.
    page.goto(f"{meeting_url}publish/")
    assert_accessible(page)
    _submit(page, "Publish the agenda")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text("published")
    pack = _pdf(page, f"{meeting_url}pack/full/")
    text = _text(pack)
    assert "Sufficiency statement" in text and "Virtual School annual report" in text
    agenda = " ".join(pack.pages[1].extract_text().split())
    for title in ("Sufficiency statement", "Virtual School annual report"):
        found = re.search(re.escape(title) + r".*?(\d+)(?:[-–](\d+))?\b", agenda)
        assert found, agenda
        start = int(found.group(1))
        assert title in pack.pages[start - 1].extract_text(), (title, start)
    assert "Page 1 of 3" in text  # the uploaded paper's own pages, merged

    # -- A late report: added with a reason, published as Supplement 1 with why it is late.
    mail.outbox.clear()
    _add_item(
        page,
        meeting_url,
        "Ofsted focused visit letter",
        "ofsted.pdf",
        paper_pdf("Ofsted focused visit letter", 2),
        PDF_MIME,
        **{"Why is it added after the agenda was published?": "The letter arrived on Monday"},
    )
    page.goto(f"{meeting_url}supplements/new/")
    assert_accessible(page)
    page.get_by_label("Ofsted focused visit letter").check()
    page.get_by_label("Why are these papers late?").fill("The inspectors' letter came on Monday")
    _submit(page, "Publish the supplement")
    supplement = _pdf(page, f"{meeting_url}supplements/1/full/")
    text = _text(supplement)
    assert "Supplement 1" in text and "The inspectors' letter came on Monday" in text
    assert "Ofsted focused visit letter" in text and "Sufficiency statement" not in text
    subjects = {m.subject for m in mail.outbox if m.to == ["reader@example.net"]}
    assert f"Late papers: Corporate Parenting Panel, {day.day} {day:%B %Y}" in subjects, subjects

    # -- The meeting moves to two working days away: the notice rule asks why, then it is told.
    mail.outbox.clear()
    soon = _working_days_ahead(2)
    page.goto(f"{meeting_url}details/")
    assert_accessible(page)
    page.get_by_label("Date", exact=True).fill(soon.isoformat())
    page.get_by_label("Why are the date, time or place changing?").fill("The Chair is unwell")
    _submit(page, "Save details")
    assert page.get_by_text("clear working days are left before the meeting").first.is_visible()
    page.get_by_label("Reason for short notice").fill("The inspection letter cannot wait")
    _submit(page, "Save details")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text("saved")
    public = new_page("phone")
    public.goto(f"{demo}/panels/public/meetings/{meeting.pk}/")
    assert_accessible(public)
    assert public.get_by_text(re.compile(r"Moved from .* The Chair is unwell")).is_visible()
    subjects = {m.subject for m in mail.outbox if m.to == ["reader@example.net"]}
    assert f"Meeting changed: Corporate Parenting Panel, {soon.day} {soon:%B %Y}" in subjects
