from corporate_parenting.models import SIGNED_IN_ROLES
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Events", "events:month", frozenset(SIGNED_IN_ROLES)),
    NavItem("Events", "events:public_list", frozenset({ANONYMOUS})),
)
