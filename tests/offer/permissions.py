from corporate_parenting.models import User
from offer.models import SearchSynonym
from tests.matrix import FORBIDDEN, NOT_ALLOWED, OK, SIGN_IN, Row, everyone, signed_in
from tests.offer.factories import (
    FeedbackFactory,
    IndicatorFactory,
    OfferCategoryFactory,
    OfferEntryFactory,
)

EDITORS = Row(SIGN_IN, FORBIDDEN, OK, OK)


def _entry() -> dict[str, object]:
    officer = User.objects.get(email="officer@example.org")
    return {"slug": OfferEntryFactory(owner=officer).slug}


def _synonym() -> int:
    return SearchSynonym.objects.get_or_create(term="crib", defaults={"words": "home"})[0].pk


ROWS: dict[str, Row] = {
    "offer:index": everyone(OK),
    "offer:search": everyone(OK),
    "offer:category": everyone(OK, kwargs=lambda: {"slug": OfferCategoryFactory().slug}),
    "offer:entry": everyone(OK, kwargs=_entry),
    "offer:print": everyone(OK),
    "offer:booklet": everyone(OK),
    "offer:feedback": everyone(NOT_ALLOWED),
    "offer:missing": everyone(OK),
    "offer:you_said_we_did": everyone(OK),
    "offer:manage": EDITORS,
    "offer:entry_create": EDITORS,
    "offer:entry_edit": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": OfferEntryFactory().pk}
    ),
    "offer:synonyms": EDITORS,
    "offer:synonym_create": EDITORS,
    "offer:synonym_edit": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": _synonym()}),
    "offer:synonym_delete": Row(
        SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=lambda: {"pk": _synonym()}
    ),
    "offer:feedback_list": EDITORS,
    "offer:feedback_moderate": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": FeedbackFactory().pk}
    ),
    "offer:scorecard": signed_in(OK),
    "offer:scorecard_pdf": signed_in(OK),
    "offer:kpi_import": EDITORS,
    "offer:indicator": Row(
        SIGN_IN, OK, OK, OK, kwargs=lambda: {"code": IndicatorFactory(code="NEET-CL").code}
    ),
}
