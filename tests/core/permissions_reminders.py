"""Who may open each reminders, alerts and feeds page."""

from django.utils import timezone

from corporate_parenting.models import User
from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    OK,
    SIGN_IN,
    Row,
    admin_only,
    anyone_signed_in,
    everyone,
)


def _token() -> dict[str, object]:
    from corporate_parenting.reminders.links import settings_token

    return {"token": settings_token(user_id=User.objects.get(email="councillor@example.org").pk)}


def _reminder() -> dict[str, object]:
    from corporate_parenting.reminders.models import Reminder

    now = timezone.now()
    row = Reminder.objects.create(
        kind="event_upcoming",
        subject_key="portal",
        recipient_key="user:0",
        occasion="matrix",
        due_at=now,
        send_after=now,
        status="failed",
    )
    return {"pk": row.pk}


def _public_body():
    from tests.panels.factories import BodyFactory

    return BodyFactory(is_public=True)


def _subscription() -> dict[str, object]:
    from corporate_parenting.reminders.models import AlertSubscription

    row = AlertSubscription.objects.create(email="reader@example.net", body=_public_body())
    return {"token": row.token}


ROWS: dict[str, Row] = {
    "reminders:preferences": anyone_signed_in(OK),
    # The signed link in every e-mail works without signing in.
    "reminders:preferences_signed": everyone(OK, kwargs=_token),
    "reminders:ledger": admin_only(),
    "reminders:detail": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_reminder),
    # Resending is a POST from the reminder's page; a GET is refused.
    "reminders:resend": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, kwargs=_reminder),
    "panels:alert_index": everyone(OK),
    "panels:alert_subscribe": everyone(OK, kwargs=lambda: {"slug": _public_body().slug}),
    "panels:alert_confirm": everyone(OK, kwargs=_subscription),
    "panels:alert_unsubscribe": everyone(OK, kwargs=_subscription),
    "panels:body_feed_rss": everyone(
        OK, kwargs=lambda: {"slug": _public_body().slug, "feed": "agendas"}
    ),
    "panels:body_feed_atom": everyone(
        OK, kwargs=lambda: {"slug": _public_body().slug, "feed": "decisions"}
    ),
    "offer:feed_rss": everyone(OK),
    "offer:feed_atom": everyone(OK),
}
