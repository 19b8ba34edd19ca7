from corporate_parenting.models import Role
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Strategy", "strategy:index", frozenset({Role.COUNCILLOR, Role.OFFICER, Role.ADMIN})),
    NavItem("Our strategy", "strategy:public", frozenset({ANONYMOUS})),
)
