"""Partners on the panels' pages: a body's partner organisations on its public page, and the
late pledges of the organisations that answer to it as a standing item on its coming meetings."""

from __future__ import annotations

from django import template
from django.utils import timezone

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


def late_pledges_for(meeting: Meeting) -> list[Pledge]:
    """The standing item: late pledges of the organisations answering to the meeting's body,
    for a meeting still to come (a held meeting's papers keep what they said)."""
    today = timezone.localdate()
    if meeting.date < today:
        return []
    return list(
        Pledge.objects.made()
        .late(today)
        .filter(organisation__board_id=meeting.body_id)
        .select_related("organisation")
        .order_by("organisation__name", "due_on", "pk")
    )


@register.inclusion_tag("partners/_late_pledges.html")
def late_pledges(meeting: Meeting) -> dict[str, object]:
    return {"meeting": meeting, "pledges": late_pledges_for(meeting)}
