from corporate_parenting.models import Role
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Care leaver offer", "offer:index", frozenset({ANONYMOUS, *Role.values})),
    NavItem("KPIs", "offer:scorecard", frozenset({Role.COUNCILLOR, Role.OFFICER, Role.ADMIN})),
    NavItem("Indicators", "offer:indicator_list", frozenset({Role.ADMIN})),
)
