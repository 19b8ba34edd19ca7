import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from corporate_parenting.models import SiteSettings, User
from corporate_parenting.two_factor import has_app

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    """Rows of every model of the portal's own apps, and the users and groups."""
    portal_apps = {"corporate_parenting", "champions", "panels", "events", "offer"}
    rows = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in portal_apps
    }
    rows["auth.Group"] = Group.objects.count()
    return rows


def test_load_demo_twice_gives_the_same_counts(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("load_demo", "--with-users")
    first = counts()
    call_command("load_demo", "--with-users")
    assert counts() == first
    demo_emails = {"councillor@example.org", "officer@example.org", "admin@example.org"}
    assert demo_emails <= set(User.objects.values_list("email", flat=True))
    assert first["corporate_parenting.SiteSettings"] == 1


def test_demo_sign_ins_only_with_debug_or_flag(settings):
    settings.DEBUG = False
    call_command("load_demo")
    assert not User.objects.filter(email="admin@example.org").exists()


def test_demo_sign_ins_get_their_roles_and_password(monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("load_demo", "--with-users")
    assert User.objects.get(email="councillor@example.org").is_councillor
    assert User.objects.get(email="officer@example.org").is_officer
    assert User.objects.get(email="admin@example.org").is_portal_admin
    # The partner sign-in speaks for the invented NHS trust, and needs a second factor too.
    partner = User.objects.get(email="partner@example.org")
    assert partner.is_partner and not partner.is_council_person
    assert partner.partner_representative.organisation.slug == "northfield-health"
    assert has_app(partner)
    response = client.post(
        "/sign-in/", {"username": "admin@example.org", "password": "demo-password-for-tests"}
    )
    assert response.status_code == 302


def test_load_demo_does_not_reset_what_a_user_changed(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("load_demo", "--with-users")
    admin = User.objects.get(email="admin@example.org")
    admin.set_password("changed-by-the-admin-123")
    admin.save()
    site = SiteSettings.objects.get()
    site.council_name = "Renamed Council"
    site.save()
    call_command("load_demo", "--with-users")
    admin.refresh_from_db()
    assert admin.check_password("changed-by-the-admin-123")
    assert SiteSettings.objects.get().council_name == "Renamed Council"


def test_generated_password_is_printed_once(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo", "--with-users")
    assert "Demo password (shown once)" in capsys.readouterr().out
    call_command("load_demo", "--with-users")
    assert "Demo password" not in capsys.readouterr().out
