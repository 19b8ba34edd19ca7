"""Building the e-mail for an outbox row: templates emails/reminders/<kind>_*, the council as
sender, a link to the thing itself, the person's settings link, and for optional kinds and
public alerts the one-click unsubscribe headers (RFC 8058)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from corporate_parenting.email import build_templated_email
from corporate_parenting.reminders.kinds import spec_for
from corporate_parenting.reminders.links import absolute, settings_url, unsubscribe_url
from corporate_parenting.reminders.models import Reminder

ONE_CLICK = "List-Unsubscribe=One-Click"


def _mail_domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def message_id(reminder: Reminder) -> str:
    """The same Message-ID for the same row, so a receiving server can spot a repeat."""
    return f"<reminder-{reminder.pk}@{_mail_domain()}>"


def build_message(
    reminder: Reminder, address: str, *, connection: object | None = None
) -> EmailMultiAlternatives:
    spec = spec_for(reminder.kind)
    context: dict[str, object] = {**reminder.context, "reminder": reminder}
    path = reminder.context.get("path")
    context["link"] = absolute(str(path)) if path else settings.PORTAL_BASE_URL + "/"
    headers = {
        "Message-ID": message_id(reminder),
        "X-Reminder-Id": str(reminder.pk),
        "Auto-Submitted": "auto-generated",
    }
    if reminder.subscription is not None:
        link = unsubscribe_url(reminder.subscription.token)
        context["unsubscribe_link"] = link
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = ONE_CLICK
    elif reminder.recipient is not None:
        context["recipient_name"] = reminder.recipient.get_short_name()
        context["settings_link"] = settings_url(user_id=reminder.recipient.pk)
        context["can_turn_off"] = spec.optional
        if spec.optional:
            link = settings_url(user_id=reminder.recipient.pk, kind=reminder.kind)
            headers["List-Unsubscribe"] = f"<{link}>"
            headers["List-Unsubscribe-Post"] = ONE_CLICK
    message = build_templated_email(
        to=[address], template=f"reminders/{reminder.kind}", context=context, headers=headers
    )
    if connection is not None:
        message.connection = connection  # type: ignore[assignment]  # a mail backend, typed object here
    return message
