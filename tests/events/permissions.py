from corporate_parenting.models import User
from tests.events.factories import EventFactory, FeedTokenFactory, SignUpFactory, in_days
from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SIGN_IN,
    Row,
    admin_only,
    everyone,
    signed_in,
)


def _event() -> dict[str, object]:
    return {"pk": EventFactory().pk}


def _public_event() -> dict[str, object]:
    return {"pk": EventFactory(is_public=True).pk}


def _past_signup_of_councillor() -> dict[str, object]:
    councillor = User.objects.get(email="councillor@example.org")
    return {"pk": SignUpFactory(person=councillor, event__start_date=in_days(-1)).event_id}


def _signup() -> dict[str, object]:
    return {"pk": SignUpFactory().pk}


def _councillor_token() -> dict[str, object]:
    councillor = User.objects.get(email="councillor@example.org")
    return {"token": FeedTokenFactory(person=councillor).token}


COUNCILLOR_POST_ONLY = Row(SIGN_IN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN, kwargs=_event)
MEMBER_POST_ONLY = Row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED)

ROWS: dict[str, Row] = {
    "events:month": signed_in(OK),
    "events:list": signed_in(OK),
    "events:create": admin_only(),
    "events:roll_forward": admin_only(),
    "events:diary": signed_in(OK),
    "events:diary_pdf": signed_in(OK),
    "events:detail": Row(SIGN_IN, OK, OK, OK, kwargs=_event),
    "events:event_ics": Row(NOT_FOUND, OK, OK, OK, kwargs=_event),
    "events:edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_event),
    "events:cancel": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_event),
    "events:sign_up": COUNCILLOR_POST_ONLY,
    "events:cancel_sign_up": COUNCILLOR_POST_ONLY,
    "events:confirm_attendance": Row(
        SIGN_IN, NOT_ALLOWED, FORBIDDEN, FORBIDDEN, kwargs=_past_signup_of_councillor
    ),
    "events:signups": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_event),
    "events:signup_attended": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, kwargs=_signup),
    "events:public_list": everyone(OK),
    "events:public_month": everyone(OK),
    "events:public_detail": everyone(OK, kwargs=_public_event),
    "events:public_feed": everyone(OK),
    "events:feed": signed_in(OK),
    "events:feed_regenerate": MEMBER_POST_ONLY,
    "events:feed_revoke": MEMBER_POST_ONLY,
    "events:private_feed": everyone(OK, kwargs=_councillor_token),
}
