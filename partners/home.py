"""Home page panel: a partner representative's organisation."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from partners.models import PartnerOrganisation


def home_panels(request: HttpRequest) -> list[str]:
    user = request.user
    if not user.is_authenticated or not user.is_partner:
        return []
    organisation = PartnerOrganisation.objects.of(user).first()
    return [render_to_string("partners/_home_partner.html", {"organisation": organisation})]
