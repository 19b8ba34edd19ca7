from corporate_parenting.models import Role
from corporate_parenting.navigation import NavItem

NAV_ITEMS = (
    NavItem("My champion role", "champions:my_role", frozenset({Role.COUNCILLOR})),
    NavItem("Champion areas", "champions:area_list", frozenset({Role.OFFICER})),
    NavItem("Champions", "champions:coverage", frozenset({Role.ADMIN})),
)
