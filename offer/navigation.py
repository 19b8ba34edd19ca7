from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Care leaver offer", "offer:index", frozenset({ANONYMOUS, *Role.values})),
    NavItem("KPIs", "offer:scorecard", frozenset(SIGNED_IN_ROLES)),
    NavItem("Indicators", "offer:indicator_list", frozenset({Role.ADMIN})),
)
