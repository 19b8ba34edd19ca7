from corporate_parenting.models import Role
from corporate_parenting.navigation import NavItem

NAV_ITEMS = (NavItem("Annual report", "annual:list", frozenset({Role.OFFICER, Role.ADMIN})),)
