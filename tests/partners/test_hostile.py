"""Hostile input on the partner forms: a NUL, line breaks in a one-line box, 10,000 characters
and years out of range are refused on their field, never a 500, and nothing typed is lost."""

import datetime

import pytest
from django.urls import reverse

from corporate_parenting.years import current_political_year
from partners.models import PartnerOrganisation, Pledge
from voice.models import Principle

pytestmark = pytest.mark.django_db

HOSTILE = ("bad\x00value", "two\r\nlines", "x" * 10_000)


@pytest.mark.parametrize("value", HOSTILE)
def test_the_organisation_form_refuses_hostile_names(client_for, value):
    response = client_for("admin").post(
        reverse("partners:create"), {"name": value, "kind": "nhs", "about": "Kept words"}
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert "Kept words" in response.content.decode()
    assert not PartnerOrganisation.objects.filter(kind="nhs", about="Kept words").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("what", "x" * 10_000),
        ("what", "bad\x00value"),
        ("year", "1"),
        ("year", "9999"),
        ("age_from", "99999999999999999999"),
        ("due_on", "9999-12-31"),
    ],
)
def test_the_pledge_form_refuses_hostile_values_on_their_field(
    client_for, partner_rep, field, value
):
    year = current_political_year()
    data = {
        "year": str(year.start_year),
        "what": "Free prescriptions",
        "for_whom": "care_leavers",
        "how_shown": "Certificates issued, kept words",
        "due_on": (year.start + datetime.timedelta(days=300)).isoformat(),
        "principle": str(Principle.objects.get(letter="a").pk),
    } | {field: value}
    response = client_for("partner").post(
        reverse("partners:pledge_create", args=["northfield-nhs"]), data
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Certificates issued, kept words" in response.content.decode()
    assert not Pledge.objects.exists()
