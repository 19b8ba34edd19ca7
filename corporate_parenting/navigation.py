"""Service navigation by role. The core's entries are here; each app adds its own NAV_ITEMS."""

from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

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
APPS_WITH_NAVIGATION = ("champions", "panels", "events", "offer", "strategy")


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


def navigation_for(request: HttpRequest) -> list[dict[str, object]]:
    roles = roles_of(request)
    items: list[dict[str, object]] = []
    for item in navigation_items():
        if not item.roles & roles:
            continue
        try:
            href = reverse(item.url_name)
        except NoReverseMatch:  # the capability behind it is not installed
            continue
        items.append({"text": item.text, "href": href, "current": False})
    # The current item is the longest link the path starts with: /offer/kpis/ is "KPIs", not
    # also "Care leaver offer" at /offer/.
    matches = [
        item
        for item in items
        if (
            request.path == item["href"]
            if item["href"] == "/"
            else request.path.startswith(str(item["href"]))
        )
    ]
    if matches:
        max(matches, key=lambda item: len(str(item["href"])))["current"] = True
    return items
