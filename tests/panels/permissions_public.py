"""Who may open a public body's page: everyone (a body that is not public has none)."""

from tests.matrix import OK, Row, everyone


def _public_body() -> dict[str, object]:
    from tests.panels.factories import BodyFactory

    return {"slug": BodyFactory(is_public=True).slug}


ROWS: dict[str, Row] = {
    "panels:public_body": everyone(OK, kwargs=_public_body),
}
