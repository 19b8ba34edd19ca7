"""The yearly self-assessment against the duty: a representative saves and sends it; the Board
reads every partner's together, on a page and in a PDF; a draft is nobody else's."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from corporate_parenting.years import current_political_year
from partners.models import PartnerOrganisation, SelfAssessment
from tests import factories
from tests.second_factor import sign_in_verified

pytestmark = pytest.mark.django_db

ANSWERS = {
    "staying_alert": "We meet the leaving care team monthly",
    "services_assessed": "We assessed our dental service",
    "opportunities": "Ten apprenticeships a year",
    "helping_use": "A named nurse for each care leaver",
    "evidence": "Quarterly returns to the Board",
}


def test_a_representative_saves_then_sends_the_self_assessment(client_for):
    year = current_political_year()
    url = reverse("partners:self_assessment", args=["northfield-nhs", year.start_year])
    partner = client_for("partner")
    assert partner.get(url).status_code == 200
    # Saved part done: a draft the council's people do not read yet.
    response = partner.post(url, {"staying_alert": ANSWERS["staying_alert"], "submit": "Save"})
    assert response.status_code == 302
    draft = SelfAssessment.objects.get()
    assert not draft.is_complete
    assert client_for("councillor").get(url).status_code == 404
    compiled = client_for("councillor").get(reverse("partners:self_assessments")).content.decode()
    assert "Northfield NHS Foundation Trust" in compiled  # listed as not yet sent
    assert "We meet the leaving care team monthly" not in compiled
    # Sending with a question unanswered: the error is on that question and nothing is lost.
    response = partner.post(url, {**ANSWERS, "evidence": "", "complete": "Send"})
    assert response.context["form"].errors["evidence"] == [
        "Answer this question before sending the self-assessment to the Board"
    ]
    assert "Ten apprenticeships a year" in response.content.decode()
    response = partner.post(url, {**ANSWERS, "complete": "Send"})
    assert response.status_code == 302
    sent = SelfAssessment.objects.get()
    assert sent.is_complete and sent.opportunities == "Ten apprenticeships a year"

    councillor = client_for("councillor")
    page = councillor.get(url).content.decode()
    assert "Ten apprenticeships a year" in page and "<textarea" not in page
    assert councillor.post(url, ANSWERS).status_code == 403
    compiled = councillor.get(reverse("partners:self_assessments")).content.decode()
    assert "We assessed our dental service" in compiled
    pdf = councillor.get(reverse("partners:self_assessments_pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Northfield NHS Foundation Trust" in text
    assert "How do you help them use your services?" in text
    assert "A named nurse for each care leaver" in text


def test_another_partner_reads_neither_draft_nor_sent_self_assessment(client_for):
    year = current_political_year().start_year
    SelfAssessment.objects.create(
        organisation=PartnerOrganisation.objects.get_or_create(
            slug="northfield-nhs",
            defaults={"name": "Northfield NHS Foundation Trust", "kind": "nhs"},
        )[0],
        year=year,
        **ANSWERS,
    )
    college = PartnerOrganisation.objects.create(
        name="Eastbrook", slug="eastbrook", kind="education"
    )
    other = sign_in_verified(Client(), factories.partner_rep(organisation=college))
    url = reverse("partners:self_assessment", args=["northfield-nhs", year])
    assert other.get(url).status_code == 403
    assert other.post(url, {**ANSWERS, "complete": "Send"}).status_code == 403
    assert other.get(reverse("partners:self_assessments")).status_code == 403
    for bad in ("1066", "abc", "2026%00", "9" * 10_000):
        assert (
            client_for("councillor")
            .get(reverse("partners:self_assessments") + f"?year={bad}")
            .status_code
            == 404
        )
