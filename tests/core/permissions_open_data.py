"""Who may read the open data API: everyone, signed in or not (it holds only what is public)."""

from corporate_parenting.open_data import DATASETS
from tests.matrix import OK, Row, everyone

ROWS: dict[str, Row] = {
    "api-v1:index": everyone(OK),
    "api-v1:openapi-json": everyone(OK),
    "api-v1:api-root": everyone(OK),  # django-ninja's name for the same address as the index
}
for _name in DATASETS:
    _slug = _name.replace("-", "_")
    ROWS[f"api-v1:{_slug}"] = everyone(OK)
    ROWS[f"api-v1:{_slug}_csv"] = everyone(OK)
