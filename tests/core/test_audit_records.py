"""What people did goes in the readable audit trail: sign-ins, settings, replaced files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from corporate_parenting.models import AuditEvent, SiteSettings
from corporate_parenting.services import site_settings_update
from panels import services
from tests import factories
from tests.documents import blank_pdf
from tests.panels.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db

PDF = blank_pdf()  # a report must open as a PDF (panels.documents)


def test_a_sign_in_is_recorded(client):
    user = factories.councillor()
    client.post("/sign-in/", {"username": user.email, "password": factories.PASSWORD})
    assert AuditEvent.objects.filter(actor=user, action="signed in").count() == 1


def test_a_settings_change_is_recorded_with_before_and_after(portal_admin):
    site = SiteSettings.load()
    old = site.council_name
    site_settings_update(site_settings=site, actor=portal_admin, council_name="Renamed Council")
    event = AuditEvent.objects.get(action="settings changed")
    assert event.actor == portal_admin
    assert event.changes == {"council_name": [old, "Renamed Council"]}


def test_saving_settings_unchanged_records_nothing(portal_admin):
    site = SiteSettings.load()
    site_settings_update(site_settings=site, actor=portal_admin, council_name=site.council_name)
    assert not AuditEvent.objects.filter(action="settings changed").exists()


def test_a_replaced_report_file_records_the_old_and_new_file(settings, tmp_path, officer):
    settings.MEDIA_ROOT = tmp_path
    item = AgendaItemFactory()
    services.agenda_item_update(
        actor=officer,
        item=item,
        title=item.title,
        report=SimpleUploadedFile("v1.pdf", PDF, content_type="application/pdf"),
    )
    first = item.report_file.name
    services.agenda_item_update(
        actor=officer,
        item=item,
        title=item.title,
        report=SimpleUploadedFile("v2.pdf", PDF, content_type="application/pdf"),
    )
    event = AuditEvent.objects.filter(action="agenda item changed").latest("pk")
    assert event.changes["report_file"] == [first, item.report_file.name]
    assert first != item.report_file.name
