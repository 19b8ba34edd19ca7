"""Who may open each strategy page: members read it, admins shape it, officers and admins link
work to it, everyone reads the public summary."""

from tests.matrix import FORBIDDEN, OK, SIGN_IN, Row, admin_only, everyone, signed_in


def _priority():
    from tests.strategy.factories import PriorityFactory

    return PriorityFactory(slug="stability", name="Stability")


def _objective():
    from tests.strategy.factories import ObjectiveFactory

    return ObjectiveFactory(priority=_priority())


def priority():
    return {"slug": _priority().slug}


def objective():
    return {"pk": _objective().pk}


def _admin_only(kwargs):
    row = admin_only()
    return Row(row.anonymous, row.councillor, row.officer, row.admin, kwargs=kwargs)


ROWS: dict[str, Row] = {
    "strategy:index": signed_in(OK),
    "strategy:progress_csv": signed_in(OK),
    "strategy:public": everyone(OK),
    "strategy:priority_create": admin_only(),
    "strategy:priority_detail": Row(SIGN_IN, OK, OK, OK, kwargs=priority),
    "strategy:priority_edit": _admin_only(priority),
    "strategy:priority_retire": _admin_only(priority),
    "strategy:objective_create": _admin_only(priority),
    "strategy:objective_detail": Row(SIGN_IN, OK, OK, OK, kwargs=objective),
    "strategy:objective_edit": _admin_only(objective),
    "strategy:objective_links": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=objective),
}
