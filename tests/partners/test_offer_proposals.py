"""A partner proposes an entry it provides; the offer editor finishes and approves it (the entry
says who provides it) or declines it with a reason; review reminders reach the partner."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder
from offer import reminders as offer_reminders
from offer.models import OfferEntry
from partners.models import OfferProposal, PartnerOrganisation, ProposalStatus
from tests.offer.factories import OfferCategoryFactory, OfferEntryFactory

pytestmark = pytest.mark.django_db


def _proposal_form(category, **overrides):
    return {
        "category": str(category.pk),
        "title": "Free prescriptions",
        "summary": "You do not pay for prescriptions until you are 25.",
        "details": "Show your exemption certificate at the pharmacy.",
        "how_to_get": "Ask your named nurse for the form.",
        "age_from": "18",
        "age_to": "25",
        "contact_phone": "01632 960111",
        "link_url": "https://www.example.nhs.uk/prescriptions",
    } | overrides


def test_a_partner_proposes_and_the_offer_editor_approves(client_for, partner_rep):
    category = OfferCategoryFactory()
    partner = client_for("partner")
    url = reverse("partners:proposal_create", args=["northfield-nhs"])
    response = partner.post(url, _proposal_form(category, title=""))
    assert response.context["form"].errors["title"] == ["Enter a title"]
    response = partner.post(url, _proposal_form(category, age_from="26", age_to="18"))
    errors = response.context["form"].errors
    assert errors["age_to"] == ["The 'to' age must be the same as or after the 'from' age"]
    assert "Ask your named nurse for the form." in response.content.decode()
    assert partner.post(url, _proposal_form(category)).status_code == 302
    proposal = OfferProposal.objects.get()
    assert proposal.is_waiting and proposal.proposed_by == partner_rep
    # The partner reads its own proposal but does not decide it.
    assert partner.get(proposal.get_absolute_url()).status_code == 200
    approve = reverse("partners:proposal_approve", args=[proposal.pk])
    assert partner.post(approve, {}).status_code == 403

    officer = client_for("officer")
    manage = officer.get(reverse("offer:manage")).content.decode()
    assert "Entries proposed by partners (1)" in manage
    form = officer.get(approve)
    assert form.context["form"].initial["title"] == "Free prescriptions"
    data = {
        **_proposal_form(category),
        "for_former_relevant": "on",
        "kind": "extra",
        "provider": str(proposal.organisation.pk),
        "owner": "",
        "review_by": (timezone.localdate() + datetime.timedelta(days=365)).isoformat(),
        "status": "published",
    }
    response = officer.post(approve, data)
    assert response.status_code == 302, response.context["form"].errors
    proposal.refresh_from_db()
    entry = proposal.entry
    assert proposal.status == ProposalStatus.APPROVED and entry is not None
    assert entry.provider is not None and entry.provider.slug == "northfield-nhs"
    assert entry.status == "published"
    public = client_for("anonymous").get(reverse("offer:entry", args=[entry.slug])).content.decode()
    assert "Provided by" in public and "Northfield NHS Foundation Trust" in public
    # Deciding twice is refused.
    assert officer.post(approve, data).status_code == 302
    assert OfferEntry.objects.count() == 1


def test_the_offer_editor_declines_with_a_reason_the_partner_reads(client_for, partner_rep):
    category = OfferCategoryFactory()
    proposal = OfferProposal.objects.create(
        organisation=PartnerOrganisation.objects.get(slug="northfield-nhs"),
        category=category,
        title="A gym pass",
        summary="Free gym.",
    )
    officer = client_for("officer")
    decline = reverse("partners:proposal_decline", args=[proposal.pk])
    response = officer.post(decline, {"note": ""})
    assert response.context["form"].errors["note"] == [
        "Say why, so the partner knows what to change"
    ]
    officer.post(decline, {"note": "The leisure centre already offers this: link to it instead"})
    page = client_for("partner").get(proposal.get_absolute_url()).content.decode()
    assert "Declined" in page and "link to it instead" in page


def test_review_reminders_of_an_entry_a_partner_provides_reach_its_representatives(partner_rep):
    trust = PartnerOrganisation.objects.get(slug="northfield-nhs")
    entry = OfferEntryFactory(provider=trust, review_by=datetime.date(2026, 10, 1))
    offer_reminders.plan(today=datetime.date(2026, 11, 2))
    recipients = {r.recipient for r in Reminder.objects.filter(kind=Kind.OFFER_REVIEW)}
    assert partner_rep in recipients
    row = Reminder.objects.get(kind=Kind.OFFER_REVIEW, recipient=partner_rep)
    assert row.context["path"] == reverse("partners:detail", args=["northfield-nhs"])
    assert str(entry.pk) == row.subject_id
