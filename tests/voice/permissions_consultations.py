"""Who may open each consultations page: members and officers read consultations (what was
approved of them), council staff record them, their findings and quotes, and moderate them."""

from tests.matrix import FORBIDDEN, NOT_ALLOWED, OK, SIGN_IN, Row, signed_in


def consultation():
    from tests.voice.factories import ConsultationFactory

    return {"pk": ConsultationFactory().pk}


def finding():
    from tests.voice.factories import FindingFactory

    return {"pk": FindingFactory().pk}


def quote():
    from tests.voice.factories import QuoteFactory
    from voice.models import QuoteStatus

    return {"pk": QuoteFactory(status=QuoteStatus.PENDING).pk}


def staff(kwargs=None):
    return Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=kwargs)


ROWS: dict[str, Row] = {
    "voice:consultation_list": signed_in(OK),
    "voice:consultation_detail": Row(SIGN_IN, OK, OK, OK, kwargs=consultation),
    "voice:consultation_create": staff(),
    "voice:consultation_edit": staff(consultation),
    "voice:finding_add": staff(consultation),
    "voice:finding_edit": staff(finding),
    "voice:quote_add": staff(finding),
    "voice:moderation": staff(),
    "voice:finding_moderate": staff(finding),
    "voice:quote_moderate": Row(SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=quote),
}
