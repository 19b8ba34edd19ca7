"""Service navigation by role, in one place. Each capability adds its entries here."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from corporate_parenting.models import Role

ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    roles: frozenset[str]


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("Home", "home", frozenset({ANONYMOUS, *Role.values})),
    NavItem("Site settings", "site_settings", frozenset({Role.ADMIN})),
)


def roles_of(request: HttpRequest) -> frozenset[str]:
    user = request.user
    if not user.is_authenticated:
        return frozenset({ANONYMOUS})
    return frozenset(user.roles | ({Role.ADMIN} if user.is_superuser else set()))


def navigation_for(request: HttpRequest) -> list[dict[str, object]]:
    roles = roles_of(request)
    items = []
    for item in NAVIGATION:
        if not item.roles & roles:
            continue
        try:
            href = reverse(item.url_name)
        except NoReverseMatch:  # the capability behind it is not installed
            continue
        current = request.path == href if href == "/" else request.path.startswith(href)
        items.append({"text": item.text, "href": href, "current": current})
    return items
