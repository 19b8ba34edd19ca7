"""Who may open the papers search: everyone (the public searches public papers only; see
tests/panels/test_search.py for what each person finds)."""

from tests.matrix import OK, Row, everyone

ROWS: dict[str, Row] = {
    "panels:papers_search": everyone(OK),
}
