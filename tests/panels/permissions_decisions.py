"""Who may open the decision status pages: admins only. tests/panels/permissions.py adds these
to its ROWS."""

from tests.matrix import FORBIDDEN, OK, SIGN_IN, Row, admin_only


def _status() -> dict[str, object]:
    from panels.models import DecisionStatus

    return {"pk": DecisionStatus.objects.create(name="Withdrawn", position=50).pk}


ROWS: dict[str, Row] = {
    "panels:decision_status_list": admin_only(),
    "panels:decision_status_add": admin_only(),
    "panels:decision_status_edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_status),
}
