from corporate_parenting.models import SIGNED_IN_ROLES
from corporate_parenting.navigation import NavItem

NAV_ITEMS = (NavItem("Partners", "partners:list", frozenset(SIGNED_IN_ROLES)),)
