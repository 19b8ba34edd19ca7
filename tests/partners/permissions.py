"""Who may open the partner organisation pages. The fixed partner representative
(partner@example.org) speaks for "northfield-nhs"; another organisation's page is refused
them (tests/partners/test_organisations.py)."""

from tests.matrix import FORBIDDEN, OK, SIGN_IN, Row, admin_only, signed_in

NORTHFIELD: dict[str, object] = {"slug": "northfield-nhs"}


def _own() -> dict[str, object]:
    from tests import factories

    factories.partner_rep(email="partner@example.org")
    return NORTHFIELD


ROWS: dict[str, Row] = {
    "partners:list": signed_in(OK),
    "partners:create": admin_only(),
    "partners:detail": Row(SIGN_IN, OK, OK, OK, kwargs=_own, partner=OK),
    "partners:edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
    "partners:leave": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
    "partners:invite": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_own),
}
