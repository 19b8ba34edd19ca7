"""Uploaded files go back to the browser as downloads, never shown inline: a PDF with
JavaScript or an open action, or a file that is not what its name says, is saved, not run."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from corporate_parenting.uploads import upload_response
from panels import services as panel_services
from panels.services import reports as services
from tests import factories
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_with_javascript() -> bytes:
    """A real PDF that runs a script when it is opened."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_open_action(JavaScript("app.alert('opened');"))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    return panel_services.meeting_create(
        actor=None, body=body, date=datetime.date(2030, 6, 11), start_time=datetime.time(18, 30)
    )


def assert_served_as_download(response, content: bytes) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content  # the very file uploaded


def test_upload_response_is_an_attachment_the_browser_may_not_sniff():
    response = upload_response(ContentFile(b"%PDF-1.7 x"), "annex-a.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="annex-a.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response.getvalue() == b"%PDF-1.7 x"


def test_an_annex_with_javascript_is_downloaded_not_opened(client_for, meeting, officer):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Champion model")
    sponsor = factories.officer()
    report = services.report_create(
        actor=officer, item=item, title="Champion model", author=officer, sponsor=sponsor
    )
    data = pdf_with_javascript()
    annex = services.annex_add(
        actor=officer,
        report=report,
        title="Figures",
        file=SimpleUploadedFile("figures.pdf", data, "application/pdf"),
    )
    response = client_for("officer").get(reverse("panels:annex_download", args=[annex.pk]))
    assert_served_as_download(response, data)
    assert response["Content-Disposition"] == f'attachment; filename="annex-a-{report.pk}.pdf"'


def test_a_report_on_the_agenda_with_javascript_is_downloaded_not_opened(
    client_for, meeting, officer
):
    data = pdf_with_javascript()
    client = client_for("officer")
    response = client.post(
        reverse("panels:item_add", kwargs={"pk": meeting.pk}),
        {"title": "Sufficiency strategy", "report": SimpleUploadedFile("plan.pdf", data)},
    )
    assert response.status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    response = client.get(reverse("panels:report_download", args=[item.pk]))
    assert_served_as_download(response, data)
