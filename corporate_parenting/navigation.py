"""Service navigation by role. The core's entries are here; each app adds its own NAV_ITEMS."""

from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from corporate_parenting.models import Role

ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    roles: frozenset[str]


CORE_ITEMS: tuple[NavItem, ...] = (NavItem("Home", "home", frozenset({ANONYMOUS, *Role.values})),)
CORE_TRAILING_ITEMS: tuple[NavItem, ...] = (
    NavItem("People", "people:list", frozenset({Role.ADMIN})),
    NavItem("Reminders sent", "reminders:ledger", frozenset({Role.ADMIN})),
    NavItem("Site settings", "site_settings", frozenset({Role.ADMIN})),
    NavItem("Audit trail", "audit_trail", frozenset({Role.ADMIN})),
    NavItem("Your account", "people:account", frozenset(Role.values)),
)
# Each app lists its own entries as NAV_ITEMS in <app>/navigation.py, shown in this order.
APPS_WITH_NAVIGATION = (
    "champions",
    "panels",
    "events",
    "offer",
    "strategy",
    "voice",
    "partners",
    "annual",
)


def _app_items() -> tuple[NavItem, ...]:
    items: list[NavItem] = []
    for app_label in APPS_WITH_NAVIGATION:
        try:
            module = import_module(f"{app_label}.navigation")
        except ModuleNotFoundError as error:
            if error.name != f"{app_label}.navigation":
                raise
            continue
        items.extend(module.NAV_ITEMS)
    return tuple(items)


@cache
def navigation_items() -> tuple[NavItem, ...]:
    return CORE_ITEMS + _app_items() + CORE_TRAILING_ITEMS


def roles_of(request: HttpRequest) -> frozenset[str]:
    user = request.user
    if not user.is_authenticated:
        return frozenset({ANONYMOUS})
    return frozenset(user.roles | ({Role.ADMIN} if user.is_superuser else set()))


@cache
def links_for(
    roles: frozenset[str], script_prefix: str, urlconf: str
) -> tuple[tuple[str, str], ...]:
    """(text, href) of each entry these roles see. Worked out once per set of roles, script
    prefix and URL configuration (none changes while a process serves), not on every page."""
    links: list[tuple[str, str]] = []
    for item in navigation_items():
        if not item.roles & roles:
            continue
        try:
            href = reverse(item.url_name, urlconf=urlconf)
        except NoReverseMatch:  # the capability behind it is not installed
            continue
        links.append((item.text, href))
    return tuple(links)


def navigation_for(request: HttpRequest) -> list[dict[str, object]]:
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    links = links_for(roles_of(request), get_script_prefix(), urlconf)
    # The current item is the longest link the path starts with: /offer/kpis/ is "KPIs", not
    # also "Care leaver offer" at /offer/.
    matches = [
        href
        for _, href in links
        if (request.path == href if href == "/" else request.path.startswith(href))
    ]
    current = max(matches, key=len) if matches else None
    return [{"text": text, "href": href, "current": href == current} for text, href in links]
