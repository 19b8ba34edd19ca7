from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.navigation import NavItem

NAV_ITEMS = (
    NavItem("What young people told us", "voice:index", frozenset(SIGNED_IN_ROLES)),
    NavItem("You asked", "voice:matter_list", frozenset(SIGNED_IN_ROLES)),
    NavItem("Consultations", "voice:consultation_list", frozenset(SIGNED_IN_ROLES)),
    NavItem("Principles coverage", "voice:principles_coverage", frozenset(SIGNED_IN_ROLES)),
    NavItem("Themes", "voice:theme_list", frozenset({Role.ADMIN})),
)
