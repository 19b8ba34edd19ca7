"""The governance records' history, kept by PostgreSQL triggers: bulk writes included, with who."""

import pytest
from django.db import connection
from pghistory.models import Context

from corporate_parenting.history.models import EVENT_MODELS, GOVERNANCE_MODELS
from corporate_parenting.models import SiteSettings
from panels.models import Body
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def test_every_governance_table_has_its_triggers_after_migrate():
    """The test database is made by migrations: the triggers must be there all the same."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE NOT t.tgisinternal AND t.tgname LIKE 'pgtrigger_%%' GROUP BY c.relname"
        )
        triggers = dict(cursor.fetchall())
    for model in GOVERNANCE_MODELS:
        assert triggers.get(model._meta.db_table, 0) >= 3, (
            model._meta.db_table
        )  # insert/update/delete


def test_bulk_update_and_delete_are_recorded_with_before_and_after():
    event_model = EVENT_MODELS[Body]
    body = BodyFactory(name="Corporate Parenting Panel")
    Body.objects.filter(pk=body.pk).update(name="Corporate Parenting Board")
    Body.objects.filter(pk=body.pk).delete()
    events = list(event_model._default_manager.filter(pgh_obj_id=body.pk).order_by("pgh_id"))
    assert [e.pgh_label for e in events] == ["insert", "update", "delete"]
    assert [e.name for e in events] == [
        "Corporate Parenting Panel",
        "Corporate Parenting Board",
        "Corporate Parenting Board",
    ]


def test_a_save_that_changes_nothing_is_not_an_event():
    body = BodyFactory()
    body.save()
    assert EVENT_MODELS[Body].objects.filter(pgh_obj_id=body.pk).count() == 1


def test_a_change_through_the_portal_records_who_made_it(client_for, portal_admin):
    current = SiteSettings.load()
    response = client_for("admin").post(
        "/settings/",
        {
            "council_name": "Renamed Council",
            "service_name": current.service_name,
            "brand_colour": current.brand_colour,
            "logo_url": "",
            "contact_email": current.contact_email or "team@example.org",
            "political_year_start_month": current.political_year_start_month,
        },
    )
    assert response.status_code == 302
    event = EVENT_MODELS[SiteSettings].objects.filter(pgh_label="update").latest("pgh_id")
    assert event.council_name == "Renamed Council"
    context = Context.objects.get(pk=event.pgh_context_id)
    assert context.metadata["user"] == portal_admin.pk
    assert context.metadata["url"] == "/settings/"


@pytest.fixture
def superuser_client(client):
    from tests import factories
    from tests.second_factor import sign_in_verified

    user = factories.UserFactory(is_superuser=True, is_staff=True)
    return sign_in_verified(client, user)


def test_django_admin_is_for_superusers_only(client_for):
    for role in ("officer", "admin"):
        response = client_for(role).get("/django-admin/")
        assert response.status_code == 302
        assert response.url.startswith("/django-admin/login/")


def test_django_admin_shows_governance_records_read_only(superuser_client):
    body = BodyFactory(name="Corporate Parenting Panel")
    page = superuser_client.get(f"/django-admin/panels/body/{body.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    response = superuser_client.post(
        f"/django-admin/panels/body/{body.pk}/change/", {"name": "Changed in the admin"}
    )
    assert response.status_code == 403
    assert superuser_client.get("/django-admin/panels/body/add/").status_code == 403
    assert superuser_client.get(f"/django-admin/panels/body/{body.pk}/delete/").status_code == 403
    body.refresh_from_db()
    assert body.name == "Corporate Parenting Panel"


def test_admins_read_and_filter_the_changes_with_csv(client_for, portal_admin):
    client = client_for("admin")
    body = BodyFactory(name="Corporate Parenting Panel")
    Body.objects.filter(pk=body.pk).update(name="Corporate Parenting Board")
    page = client.get("/audit/changes/", {"record_type": "panels.Body", "change": "update"})
    assert page.status_code == 200
    assert "Corporate Parenting Panel → Corporate Parenting Board" in page.text
    csv = client.get(
        "/audit/changes/", {"record_type": "panels.Body", "change": "update", "export": "csv"}
    )
    text = csv.content.decode()
    assert "Corporate Parenting Panel → Corporate Parenting Board" in text
    assert text.count("\n") == 2  # the header and the one change


def test_the_changes_say_who_made_them(client_for, portal_admin):
    client = client_for("admin")
    current = SiteSettings.load()
    client.post(
        "/settings/",
        {
            "council_name": "Renamed Council",
            "service_name": current.service_name,
            "brand_colour": current.brand_colour,
            "logo_url": "",
            "contact_email": current.contact_email or "team@example.org",
            "political_year_start_month": current.political_year_start_month,
        },
    )
    page = client.get("/audit/changes/", {"who": portal_admin.pk})
    assert "Renamed Council" in page.text
    assert portal_admin.full_name in page.text


def test_admins_read_what_people_did(client_for, portal_admin):
    from corporate_parenting.audit import audit_record

    audit_record(actor=portal_admin, instance=SiteSettings.load(), action="settings changed")
    page = client_for("admin").get("/audit/", {"action": "settings"})
    assert page.status_code == 200
    assert "settings changed" in page.text
    assert client_for("admin").get("/audit/", {"export": "csv"}).status_code == 200
