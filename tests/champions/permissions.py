"""Who may open each champions page."""

from tests.matrix import Row

ROWS: dict[str, Row] = {}
