from corporate_parenting.models import Role
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem(
        "Meetings", "panels:meeting_list", frozenset({Role.COUNCILLOR, Role.OFFICER, Role.ADMIN})
    ),
    NavItem("Panel papers", "panels:public_index", frozenset({ANONYMOUS})),
)
