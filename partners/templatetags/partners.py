"""Partners on the panels' pages: a body's partner organisations on its public page, and the
late pledges of the organisations that answer to it as a standing item on its coming meetings."""

from __future__ import annotations

from django import template

from panels.models import Body, Meeting
from partners.models import OfferProposal, PartnerOrganisation, Pledge

register = template.Library()


@register.simple_tag
def proposals_waiting() -> int:
    """How many offer entries partners have proposed that wait for the offer editor."""
    return OfferProposal.objects.waiting().count()


@register.inclusion_tag("partners/_body_partners.html")
def partners_of(body: Body) -> dict[str, object]:
    organisations = PartnerOrganisation.objects.public().filter(board=body, left_on__isnull=True)
    return {"organisations": list(organisations.only("name", "slug", "kind"))}


@register.inclusion_tag("partners/_late_pledges.html")
def late_pledges(meeting: Meeting) -> dict[str, object]:
    return {"meeting": meeting, "pledges": list(Pledge.objects.standing_item(meeting))}
