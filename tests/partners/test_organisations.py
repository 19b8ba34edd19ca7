"""Partner organisations: admins keep them and invite their representatives, who sign in with a
second factor and see their own organisation's page, never another's or the council's records."""

import pytest
from django.core import mail
from django.urls import reverse

from corporate_parenting.models import AuditEvent, Role
from partners.models import PartnerOrganisation, Representative
from tests import factories
from tests.core.test_two_factor import password_only
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "name": "Eastbrook College",
        "kind": "education",
        "is_statutory": "on",
        "slug": "",
        "about": "Bursaries and a named tutor for care leavers.",
        "website": "https://www.eastbrook.example.ac.uk",
        "contact_name": "Rae Holt",
        "contact_email": "rae.holt@eastbrook.example.ac.uk",
        "contact_phone": "01632 960000",
    }
    return data | overrides


def test_an_admin_adds_an_organisation_and_the_list_and_csv_show_it(client_for):
    admin = client_for("admin")
    response = admin.post(reverse("partners:create"), _form())
    college = PartnerOrganisation.objects.get(name="Eastbrook College")
    assert response.status_code == 302 and response.url == college.get_absolute_url()
    assert college.slug == "eastbrook-college" and college.is_statutory
    assert AuditEvent.objects.filter(action="added", object_id=str(college.pk)).exists()
    page = admin.get(reverse("partners:list")).content.decode()
    assert "Eastbrook College" in page and "Education" in page
    csv = admin.get(reverse("partners:list") + "?export=csv").content.decode()
    assert "Eastbrook College,Education,Yes,0," in csv


def test_bad_input_is_refused_on_its_field_and_keeps_what_was_typed(client_for):
    factories.partner_rep()  # Northfield NHS Foundation Trust
    admin = client_for("admin")
    response = admin.post(
        reverse("partners:create"),
        _form(name="Northfield NHS Foundation Trust", kind="spaceport", website="not a site"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"kind", "website"}
    assert "Choose the kind of organisation from the list" in errors["kind"]
    response = admin.post(
        reverse("partners:create"), _form(name="Northfield NHS Foundation Trust", slug="new")
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["There is already a partner called ‘Northfield NHS Foundation Trust’"]
    assert "is used by the portal" in errors["slug"][0]
    assert "Bursaries and a named tutor" in response.content.decode()
    assert PartnerOrganisation.objects.count() == 1


def test_an_invited_representative_has_the_partner_role_and_must_set_up_a_second_factor(
    client_for, client, django_capture_on_commit_callbacks
):
    college = PartnerOrganisation.objects.create(
        name="Eastbrook College", slug="eastbrook", kind="education"
    )
    admin = client_for("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("partners:invite", args=["eastbrook"]),
            {
                "full_name": "Lee Grant",
                "email": "Lee.Grant@eastbrook.example.ac.uk",
                "job_title": "Head of Student Support",
            },
        )
    assert response.status_code == 302
    rep = Representative.objects.select_related("user").get(organisation=college)
    assert rep.organisation == college and rep.job_title == "Head of Student Support"
    assert rep.user.email == "lee.grant@eastbrook.example.ac.uk"
    assert rep.user.roles == frozenset({Role.PARTNER}) and not rep.user.is_active
    assert mail.outbox[-1].to == ["lee.grant@eastbrook.example.ac.uk"]
    # Once they have a password, the password alone opens nothing but the second factor's pages.
    rep.user.is_active = True
    rep.user.set_password(factories.PASSWORD)
    rep.user.save()
    password_only(client, rep.user)
    response = client.get(reverse("partners:detail", args=["eastbrook"]))
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor_setup"))


def test_a_representative_reads_their_own_organisation_but_not_another(client_for):
    other = PartnerOrganisation.objects.create(
        name="Northfield Police", slug="police", kind="police"
    )
    partner = client_for("partner")
    home = partner.get("/").content.decode()
    assert "Northfield NHS Foundation Trust" in home
    assert partner.get(reverse("partners:detail", args=["northfield-nhs"])).status_code == 200
    assert partner.get(reverse("partners:detail", args=[other.slug])).status_code == 403
    assert partner.get(reverse("partners:list")).status_code == 403
    # and cannot change either, by any address
    response = partner.post(reverse("partners:edit", args=["northfield-nhs"]), _form())
    assert response.status_code == 403
    assert not PartnerOrganisation.objects.filter(name="Eastbrook College").exists()


def test_a_representative_is_refused_the_councils_records(client_for):
    partner = client_for("partner")
    for name in ("people:list", "champions:engagement_list", "audit_trail", "reminders:ledger"):
        assert partner.get(reverse(name)).status_code == 403, name
    # A members-only event's calendar file is the council's, not a partner's.
    event = EventFactory(is_public=False)
    assert partner.get(reverse("events:event_ics", args=[event.pk])).status_code == 404


def test_changing_a_representatives_council_roles_keeps_their_partner_role(client_for, partner_rep):
    admin = client_for("admin")
    response = admin.post(reverse("people:roles", args=[partner_rep.pk]), {"submit": "Save"})
    assert response.status_code == 302, response.context["form"].errors
    partner_rep.refresh_from_db()
    partner_rep = type(partner_rep).objects.get(pk=partner_rep.pk)
    assert partner_rep.roles == frozenset({Role.PARTNER})
    # The partner role is never given from the people pages.
    officer = factories.officer()
    response = admin.post(reverse("people:roles", args=[officer.pk]), {"roles": ["partner"]})
    assert response.status_code == 200 and "Choose roles from the list" in response.content.decode()


def test_an_organisation_that_has_left_stays_and_can_come_back(client_for):
    admin = client_for("admin")
    college = PartnerOrganisation.objects.create(
        name="Eastbrook College", slug="eastbrook", kind="education"
    )
    admin.post(reverse("partners:leave", args=["eastbrook"]))
    college.refresh_from_db()
    assert college.has_left
    response = admin.post(
        reverse("partners:invite", args=["eastbrook"]),
        {"full_name": "Lee Grant", "email": "lee@example.org"},
    )
    assert "has left: bring it back" in response.content.decode()
    admin.post(reverse("partners:leave", args=["eastbrook"]))
    college.refresh_from_db()
    assert not college.has_left
