"""Who may open the members import page: admins only (it adds councillors to the portal)."""

from tests.matrix import Row, admin_only

ROWS: dict[str, Row] = {
    "champions:member_import": admin_only(),
}
