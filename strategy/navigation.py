from corporate_parenting.models import SIGNED_IN_ROLES
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Strategy", "strategy:index", frozenset(SIGNED_IN_ROLES)),
    NavItem("Our strategy", "strategy:public", frozenset({ANONYMOUS})),
)
