from corporate_parenting.models import EVERYONE_SIGNED_IN
from corporate_parenting.navigation import ANONYMOUS, NavItem

NAV_ITEMS = (
    NavItem("Meetings", "panels:meeting_list", frozenset(EVERYONE_SIGNED_IN)),
    NavItem("Panel papers", "panels:public_index", frozenset({ANONYMOUS})),
)
