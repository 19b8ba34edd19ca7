from corporate_parenting.models import SIGNED_IN_ROLES
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Meetings", "panels:meeting_list", frozenset(SIGNED_IN_ROLES)),
    NavItem("Panel papers", "panels:public_index", frozenset({ANONYMOUS})),
)
