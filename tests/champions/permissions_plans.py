"""Who may open the plan pages (a councillor's own plan only), a member's target and the
report's sponsor and author (admins)."""

from corporate_parenting.models import User
from tests.matrix import FORBIDDEN, OK, SIGN_IN, Row, admin_only


def _councillors_plan_item() -> dict[str, object]:
    from tests.champions.factories import AppointmentFactory, MemberFactory, PlanItemFactory

    member = MemberFactory(user=User.objects.get(email="councillor@example.org"))
    AppointmentFactory(member=member)
    return {"pk": PlanItemFactory(member=member).pk}


def _member() -> dict[str, object]:
    from tests.champions.factories import MemberFactory

    return {"pk": MemberFactory().pk}


COUNCILLORS_OWN = Row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN, kwargs=_councillors_plan_item)

ROWS: dict[str, Row] = {
    "champions:plan": Row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "champions:plan_item_edit": COUNCILLORS_OWN,
    "champions:plan_item_delete": COUNCILLORS_OWN,
    "champions:plan_item_tick": COUNCILLORS_OWN,
    "champions:member_target": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_member),
    "champions:report_people": admin_only(),
}
