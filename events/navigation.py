from corporate_parenting.models import Role
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Events", "events:month", frozenset({Role.COUNCILLOR, Role.OFFICER, Role.ADMIN})),
    NavItem("Events", "events:public_list", frozenset({ANONYMOUS})),
)
