"""A report on the agenda is what its name says, within the size limit, and downloads with a
valid file name whatever its alphabet."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from panels import services
from tests.documents import OLE_DOC, blank_pdf, office_zip
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(councillor):
    body = BodyFactory(minute_prefix="CPP", is_public=True)
    MembershipFactory(body=body, user=councillor, role="chair")
    return services.meeting_create(
        actor=None, body=body, date=datetime.date(2025, 6, 11), start_time=datetime.time(18, 30)
    )


def _add(client, meeting, name: str, content: bytes):
    return client.post(
        reverse("panels:item_add", kwargs={"pk": meeting.pk}),
        {"title": "Sufficiency strategy", "report": SimpleUploadedFile(name, content)},
    )


def _field_error(response) -> str:
    form = response.context["form"]
    return " ".join(form.errors.get("report", []))


def test_a_web_page_named_pdf_is_refused_on_the_field(client_for, meeting):
    response = _add(client_for("officer"), meeting, "report.pdf", b"<html><script>x</script>")
    assert response.status_code == 200
    assert _field_error(response) == "The selected file must be a PDF"
    assert not meeting.items.filter(title="Sufficiency strategy").exists()


@pytest.mark.parametrize("extension", ["docx", "xlsx", "pptx", "odt", "doc"])
def test_a_web_page_named_as_an_office_file_is_refused(client_for, meeting, extension):
    response = _add(client_for("officer"), meeting, f"report.{extension}", b"<html>hi</html>")
    assert response.status_code == 200
    assert "can be opened" in _field_error(response)


@pytest.mark.parametrize("extension", ["docx", "xlsx", "pptx", "odt", "doc"])
def test_real_office_files_are_kept(client_for, meeting, extension):
    content = OLE_DOC if extension == "doc" else office_zip(extension)
    response = _add(client_for("officer"), meeting, f"report.{extension}", content)
    assert response.status_code == 302
    assert meeting.items.get(title="Sufficiency strategy").report_file


def test_a_report_over_the_size_limit_is_refused(client_for, meeting, settings):
    settings.REPORT_ANNEX_MAX_BYTES = 1024 * 1024
    big = blank_pdf() + b"\n%" + b"x" * (1024 * 1024)
    response = _add(client_for("officer"), meeting, "report.pdf", big)
    assert response.status_code == 200
    assert _field_error(response) == "The file must be smaller than 1 MB"


def test_the_limit_is_shown_on_the_form(client_for, meeting):
    response = client_for("officer").get(reverse("panels:item_add", kwargs={"pk": meeting.pk}))
    assert "smaller than 20 MB" in response.text


def test_the_service_refuses_a_false_pdf_too(meeting):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.agenda_item_add(
            actor=None,
            meeting=meeting,
            title="Sufficiency",
            report=SimpleUploadedFile("x.pdf", b"<html>"),
        )
    assert caught.value.message_dict == {"report": ["The selected file must be a PDF"]}


def test_a_non_latin_file_name_downloads_with_a_valid_header(client_for, meeting):
    name = "Rapport d’été — 日本語.pdf"
    assert _add(client_for("officer"), meeting, name, blank_pdf()).status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    meeting.agenda_published_at = timezone.now()  # members read the papers from publication
    meeting.save(update_fields=["agenda_published_at"])
    response = client_for("councillor").get(reverse("panels:report_download", args=[item.pk]))
    assert response.streaming  # sent in pieces, never read whole into memory
    body = b"".join(response.streaming_content)
    assert body == blank_pdf()  # the very file uploaded
    header = response["Content-Disposition"]
    header.encode("latin-1")  # a header must be Latin-1: this raises if it is not
    assert header.startswith("attachment; filename*=utf-8''")
    assert "%E6%97%A5%E6%9C%AC%E8%AA%9E" in header  # 日本語, percent-encoded


def test_an_uploaded_report_is_not_served_from_the_media_folder(client_for, meeting):
    assert _add(client_for("officer"), meeting, "report.pdf", blank_pdf()).status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    direct = client_for("councillor").get(f"/media/{item.report_file.name}")
    assert direct.status_code == 404  # only through report_download, which checks who may read


def test_a_member_reads_an_uploaded_report_only_once_the_agenda_is_published(client_for, meeting):
    """The same rule as a written report: before publication only staff read the papers."""
    assert _add(client_for("officer"), meeting, "report.pdf", blank_pdf()).status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    url = reverse("panels:report_download", args=[item.pk])
    assert client_for("councillor").get(url).status_code == 404
    assert client_for("anonymous").get(url).status_code == 404
    staff = client_for("officer").get(url)
    assert staff.status_code == 200
    assert b"".join(staff.streaming_content) == blank_pdf()
    page = client_for("councillor").get(meeting.get_absolute_url()).content.decode()
    assert url not in page  # no link that would be a dead end
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["agenda_published_at"])
    member = client_for("councillor").get(url)
    assert member.status_code == 200
    assert b"".join(member.streaming_content) == blank_pdf()
    assert url in client_for("councillor").get(meeting.get_absolute_url()).content.decode()
