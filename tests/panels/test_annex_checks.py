"""An annex is drawn into the report PDF and the agenda pack, so it is refused at upload, with a
message on the field, when a page of it cannot be drawn; a blank page is a page. A report on the
agenda is only ever downloaded: a PDF that opens is enough."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panels import services as panel_services
from panels.services import reports as services
from tests import factories
from tests.documents import blank_pdf
from tests.panels.factories import BodyFactory, MembershipFactory
from tests.panels.test_pdfs import unreadable_page_pdf

pytestmark = pytest.mark.django_db

UNDRAWABLE = "The PDF has a page that cannot be read: save it as a new PDF and upload that"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    return panel_services.meeting_create(
        actor=None, body=body, date=datetime.date(2030, 6, 11), start_time=datetime.time(18, 30)
    )


@pytest.fixture
def report(meeting, officer):
    item = panel_services.agenda_item_add(actor=None, meeting=meeting, title="Champion model")
    return services.report_create(
        actor=officer,
        item=item,
        title="Champion model",
        author=officer,
        sponsor=factories.officer(),
    )


def test_an_annex_that_cannot_be_drawn_is_refused_with_a_message_on_the_field(client_for, report):
    url = reverse("panels:annex_add", args=[report.pk])
    upload = SimpleUploadedFile("figures.pdf", unreadable_page_pdf(), "application/pdf")
    response = client_for("officer").post(url, {"title": "Figures", "file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [UNDRAWABLE]
    assert 'value="Figures"' in response.text
    assert not report.annexes.exists()


def test_the_service_refuses_it_too(report, officer):
    upload = SimpleUploadedFile("figures.pdf", unreadable_page_pdf(), "application/pdf")
    with pytest.raises(ValidationError) as caught:
        services.annex_add(actor=officer, report=report, title="Figures", file=upload)
    assert caught.value.message_dict == {"file": [UNDRAWABLE]}


def test_an_annex_of_blank_pages_is_added(report, officer):
    upload = SimpleUploadedFile("blank.pdf", blank_pdf(), "application/pdf")
    annex = services.annex_add(actor=officer, report=report, title="Notes", file=upload)
    assert annex.page_count == 1


def test_a_pdf_report_on_the_agenda_need_only_open(client_for, meeting):
    response = client_for("officer").post(
        reverse("panels:item_add", kwargs={"pk": meeting.pk}),
        {
            "title": "Sufficiency strategy",
            "report": SimpleUploadedFile("report.pdf", unreadable_page_pdf()),
        },
    )
    assert response.status_code == 302
    assert meeting.items.get(title="Sufficiency strategy").report_file
