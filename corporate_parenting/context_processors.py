from django.conf import settings
from django.http import HttpRequest

from corporate_parenting.models import SiteSettings
from corporate_parenting.navigation import navigation_for


def portal(request: HttpRequest) -> dict[str, object]:
    """The council's branding and the navigation for whoever is looking."""
    return {
        "branding": SiteSettings.load(),
        "nav_items": navigation_for(request),
        "portal_phase": settings.PORTAL_PHASE,
    }
