"""Who may open the indicators' pages: admins, and people with the KPI owner duty (the fixed
officer does not hold it, so it is refused; tests/offer/test_indicators.py shows that an officer
who holds it is let in to every one of these pages)."""

from tests.matrix import FORBIDDEN, OK, SIGN_IN, Row, admin_only
from tests.offer.factories import IndicatorFactory, MeasurementFactory


def _indicator() -> dict[str, object]:
    return {"pk": IndicatorFactory(code="MATRIX-KPI", priority=None).pk}


def _with_figures() -> dict[str, object]:
    return {
        "pk": MeasurementFactory(
            indicator__code="MATRIX-FIG", indicator__priority=None
        ).indicator_id
    }


def _retired() -> dict[str, object]:
    from django.utils import timezone

    return {"pk": IndicatorFactory(code="MATRIX-OLD", priority=None, retired_at=timezone.now()).pk}


MANAGERS = admin_only()

ROWS: dict[str, Row] = {
    "offer:indicator_list": MANAGERS,
    "offer:indicator_create": MANAGERS,
    "offer:indicator_import": MANAGERS,
    "offer:indicator_import_template": MANAGERS,
    "offer:indicator_reference": MANAGERS,
    "offer:indicator_edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_indicator),
    "offer:indicator_retire": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_with_figures),
    "offer:indicator_reinstate": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_retired),
    "offer:indicator_delete": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_indicator),
    # The figures import is for officers and admins, like the import page itself.
    "offer:figures_template": Row(SIGN_IN, FORBIDDEN, OK, OK),
}
