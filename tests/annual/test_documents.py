"""The annual report's PDFs, read back: the full report (sections, figures, bookmarks, page
numbers, tagged) and the young person's version, made by the worker and kept; and its pages."""

import datetime

import pytest
from django.urls import reverse
from pypdf import PdfReader

from annual import services
from annual.documents import content_key, document_request
from annual.models import AnnualBuild, AnnualBuildStatus, AnnualReport
from panels.models import DecisionStatus
from tests.annual.test_services import held_meeting
from tests.panels.factories import BodyFactory
from tests.panels.test_pdfs import tagged_reader

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = tagged_reader(pdf)
    return reader, " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        if isinstance(entry, list):
            titles += _titles(entry)
        else:
            titles.append(str(entry.title))
    return titles


@pytest.fixture
def published(officer, builders, django_capture_on_commit_callbacks):
    body = BodyFactory(name="Corporate Parenting Panel", minute_prefix="CPP", is_public=True)
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    services.annual_report_save(
        actor=officer,
        report=report,
        texts={
            "title": report.title,
            "chair_foreword": "A year of listening.",
            "young_text": "This is what we did for you this year.",
        },
        priorities=[services.PriorityRow(text="Find more homes near school")],
    )
    meeting = held_meeting(body, datetime.date(2025, 6, 10))
    with django_capture_on_commit_callbacks(execute=True):
        services.annual_report_approve(
            actor=officer,
            report=report,
            meeting=meeting,
            decision_status=DecisionStatus.objects.get(name="Recommendations Approved"),
        )
        services.annual_report_publish(actor=officer, report=report)
    return AnnualReport.objects.for_page().get(pk=report.pk)


def test_the_worker_makes_both_pdfs_once_and_they_read_back(published, client):
    builds = AnnualBuild.objects.filter(report=published, status=AnnualBuildStatus.READY)
    assert {b.edition for b in builds} == {"full", "young"}
    # Asking again for the same content finds the same build.
    assert document_request(report=published, edition="full").pk in {b.pk for b in builds}

    response = client.get(reverse("annual:download", args=[published.pk, "full"]))
    assert response["Content-Type"] == "application/pdf"
    reader, text = _text(b"".join(response.streaming_content))
    assert "The panel met 1 times in 2025/26" in text
    assert "Meetings held 1" in text and "fewer than 5" in text
    assert "A year of listening." in text and "Find more homes near school" in text
    assert "Page 1 of" in text
    titles = _titles(reader.outline)
    for wanted in (
        "The Chair's foreword",
        "The panel and board",
        "What young people told us",
        "Our priorities for next year",
    ):
        assert wanted in titles, titles

    response = client.get(reverse("annual:download", args=[published.pk, "young"]))
    reader, text = _text(b"".join(response.streaming_content))
    assert "This is what we did for you this year." in text
    assert "You told us about housing, and we listened." in text
    assert "Find more homes near school" in text
    assert "What changed this year" in _titles(reader.outline)


def test_a_record_changed_after_approval_leaves_the_published_report(published, client):
    key = content_key(published, "full")
    held_meeting(published.body, datetime.date(2025, 9, 1))
    assert content_key(published, "full") == key
    page = client.get(reverse("annual:public_detail", args=[published.pk]))
    assert "The panel met 1 times" in page.content.decode()
