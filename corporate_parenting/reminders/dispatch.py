"""Sending the outbox: each row at most once, even when a worker dies or a task runs twice.

1. claim(): in one short transaction, lock due rows with SELECT ... FOR UPDATE SKIP LOCKED and
   mark them "sending". Concurrent dispatchers never claim the same row.
2. The claimed ids go to the workers in batches (after commit); with no broker they are sent
   here, in-process.
3. send_claimed(): in one transaction per row, lock the row again (SKIP LOCKED: a row another
   worker is sending is left to it), check it is still "sending", build and send the e-mail,
   and mark it sent. The row lock is held while the message goes, so no two workers send it.
   If the worker dies before the commit, PostgreSQL drops the lock and the row is still
   "sending"; once its lease has passed the dispatcher claims it again. With a mail backend
   that writes to the same database (the tests' one) this is exactly once; with SMTP the only
   window for a duplicate is between the server's "250 OK" and our COMMIT.
4. A failure is recorded on the row: a permanent one (the server refused the address, a broken
   template, no address) marks it failed; anything else waits for a retry with backoff. Retries
   are picked up by the dispatcher when they are due, never by a broker countdown.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone

from corporate_parenting.models import User
from corporate_parenting.reminders.kinds import spec_for
from corporate_parenting.reminders.messages import build_message
from corporate_parenting.reminders.models import (
    AlertSubscription,
    Reminder,
    ReminderOptOut,
    ReminderStatus,
)
from corporate_parenting.reminders.services import waiting_for_invitation

logger = logging.getLogger(__name__)

# Waits before the 2nd, 3rd, ... try: 1, 5, 25 minutes, then 2 hours, then 6 hours.
BACKOFF_MINUTES = (1, 5, 25, 120, 360)
# Queueing a batch: a short retry for a broker that blinks, then the rows wait for the next run.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


@dataclass(frozen=True)
class DispatchResult:
    claimed: int
    queued: int
    sent_here: int


def backoff(attempts: int) -> timedelta:
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


def claim(*, now: datetime | None = None, limit: int | None = None) -> list[int]:
    now = now or timezone.now()
    limit = limit or settings.REMINDERS_DISPATCH_LIMIT
    with transaction.atomic():
        ids = list(
            Reminder.objects.ready(now)
            .order_by("send_after", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        if ids:
            Reminder.objects.filter(pk__in=ids).update(
                status=ReminderStatus.SENDING, claimed_at=now, updated_at=now
            )
    return ids


def release(ids: Sequence[int]) -> None:
    """Give back rows that could not be queued (the broker is down) for the next run."""
    Reminder.objects.filter(pk__in=list(ids), status=ReminderStatus.SENDING).update(
        status=ReminderStatus.PENDING, claimed_at=None
    )


def _eager() -> bool:
    from corporate_parenting.celery import app

    return bool(app.conf.task_always_eager)


def dispatch(*, now: datetime | None = None, limit: int | None = None) -> DispatchResult:
    """One dispatcher run: claim what is due and send it (through the workers when there is a
    broker, here when there is none)."""
    ids = claim(now=now, limit=limit)
    if not ids:
        return DispatchResult(0, 0, 0)
    if _eager():
        sent = sum(outcome == "sent" for outcome in send_batch(ids).values())
        return DispatchResult(len(ids), 0, sent)
    batches = [
        ids[start : start + settings.REMINDERS_BATCH_SIZE]
        for start in range(0, len(ids), settings.REMINDERS_BATCH_SIZE)
    ]
    queued: list[int] = []

    def enqueue() -> None:
        from corporate_parenting.reminders.tasks import send_reminders_task

        try:
            for batch in batches:
                send_reminders_task.apply_async(args=[batch], retry_policy=PUBLISH_RETRY)
                queued.extend(batch)
        except Exception as error:  # the broker is down: the rows go back to waiting
            logger.warning("Could not queue reminders (%s); they wait for the next run", error)
            release([pk for pk in ids if pk not in set(queued)])

    transaction.on_commit(enqueue)
    return DispatchResult(len(ids), len(queued), 0)


@dataclass
class Preloaded:
    """What a batch's rows need, read in three queries rather than three a row."""

    users: dict[int, User]
    subscriptions: dict[int, AlertSubscription]
    opted_out: set[tuple[int, str]]

    @classmethod
    def for_ids(cls, ids: Sequence[int]) -> Preloaded:
        keys = list(
            Reminder.objects.filter(pk__in=list(ids)).values_list("recipient_id", "subscription_id")
        )
        user_ids = {user for user, _ in keys if user is not None}
        subscription_ids = {sub for _, sub in keys if sub is not None}
        return cls(
            users=User.objects.in_bulk(user_ids) if user_ids else {},
            subscriptions=(
                AlertSubscription.objects.in_bulk(subscription_ids) if subscription_ids else {}
            ),
            opted_out=set(
                ReminderOptOut.objects.filter(user_id__in=user_ids).values_list("user_id", "kind")
            )
            if user_ids
            else set(),
        )


def send_batch(ids: Sequence[int]) -> dict[int, str]:
    """Send claimed rows, one transaction each, over one mail connection."""
    outcomes: dict[int, str] = {}
    preloaded = Preloaded.for_ids(ids)
    connection = get_connection()
    try:
        for pk in ids:
            outcomes[pk] = send_claimed(pk, connection=connection, preloaded=preloaded)
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken SMTP connection must not lose the outcomes
            logger.exception("Closing the mail connection failed")
    return outcomes


def _why_not_send(row: Reminder, opted_out: set[tuple[int, str]] | None = None) -> str:
    """A reason to skip the row, or "" to send it."""
    if row.recipient_key.startswith("subscription:"):
        if row.subscription is None:
            return "Unsubscribed before it was sent"
        if row.kind != "alert_confirm" and not row.subscription.is_confirmed:
            return "The address was never confirmed"
    elif row.recipient is not None:
        if not row.recipient.is_active:
            return "The person's account is closed"
        if waiting_for_invitation(row.recipient):
            return "The person has not set a password yet: they get their invitation first"
        if spec_for(row.kind).optional and (
            (row.recipient.pk, row.kind) in opted_out
            if opted_out is not None
            else ReminderOptOut.objects.filter(user=row.recipient, kind=row.kind).exists()
        ):
            return "Turned off by the person"
    elif row.recipient_key.startswith("user:"):
        return "The person no longer has an account"
    if row.subject_type_id is not None and not row.is_resend:
        # Each app may say a reminder no longer applies (an event cancelled, an action done).
        app_label = ContentType.objects.get_for_id(row.subject_type_id).app_label
        try:
            module = import_module(f"{app_label}.reminders")
        except ModuleNotFoundError:
            return ""
        check = getattr(module, "still_applies", None)
        if check is not None:
            return check(row) or ""
    return ""


def _address(row: Reminder) -> str:
    if row.recipient is not None:
        return (row.recipient.email or "").strip()
    if row.subscription is not None:
        return row.subscription.email
    return row.to_email


def _is_permanent(error: Exception) -> bool:
    if isinstance(error, TemplateDoesNotExist | TemplateSyntaxError | ValueError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused | smtplib.SMTPSenderRefused):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(
            f"{address}: {code} {message.decode(errors='replace') if isinstance(message, bytes) else message}"
            for address, (code, message) in error.recipients.items()
        )
        return f"The mail server refused the address ({refused})"
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
        return f"The mail server answered {error.smtp_code}: {text}"
    return f"{type(error).__name__}: {error}"[:2000]


def _reset(connection: object | None) -> None:
    """After a failure, the next message opens a fresh connection to the mail server."""
    if connection is None:
        return
    try:
        connection.close()  # type: ignore[attr-defined]  # connection is a mail backend, typed object here
    except Exception:  # a connection that is already broken may fail to close
        logger.debug("Closing a broken mail connection failed", exc_info=True)


def send_claimed(
    reminder_id: int, *, connection: object | None = None, preloaded: Preloaded | None = None
) -> str:
    """Send one claimed row; returns what became of it: sent, retry, failed, skipped, or
    "not mine" (already sent, or being sent by another worker). Safe to call twice."""
    with transaction.atomic():
        locked = Reminder.objects.select_for_update(skip_locked=True, of=("self",)).filter(
            pk=reminder_id, status=ReminderStatus.SENDING
        )
        if preloaded is None:
            locked = locked.select_related("recipient", "subscription")
        row = next(iter(locked), None)
        if row is None:
            return "not mine"
        if preloaded is not None:
            row.recipient = preloaded.users.get(row.recipient_id)  # type: ignore[arg-type]  # a None id gives None, as wanted
            row.subscription = preloaded.subscriptions.get(row.subscription_id)  # type: ignore[arg-type]  # a None id gives None, as wanted
        now = timezone.now()
        reason = _why_not_send(row, preloaded.opted_out if preloaded is not None else None)
        if reason:
            row.status = ReminderStatus.SKIPPED
            row.last_error = reason
            row.save(update_fields=["status", "last_error", "updated_at"])
            return "skipped"
        address = _address(row)
        row.attempts += 1
        row.to_email = address
        if not address:
            row.status = ReminderStatus.FAILED
            row.last_error = "There is no e-mail address to send it to"
            row.save(update_fields=["status", "last_error", "attempts", "to_email", "updated_at"])
            return "failed"
        try:
            with transaction.atomic():
                message = build_message(row, address, connection=connection)
                message.send()
        except Exception as error:  # recorded on the row; nothing is lost
            _reset(connection)
            permanent = _is_permanent(error)
            row.last_error = _describe(error)
            if permanent or row.attempts >= settings.REMINDERS_MAX_ATTEMPTS:
                row.status = ReminderStatus.FAILED
            else:
                row.status = ReminderStatus.RETRY
                row.send_after = now + backoff(row.attempts)
            row.save(
                update_fields=[
                    "status",
                    "last_error",
                    "attempts",
                    "to_email",
                    "send_after",
                    "updated_at",
                ]
            )
            logger.warning("Reminder %s not sent: %s", row.pk, row.last_error)
            return str(row.status)
        row.status = ReminderStatus.SENT
        row.sent_at = now
        row.message_id = str(message.extra_headers.get("Message-ID", ""))
        row.last_error = ""
        row.save(
            update_fields=[
                "status",
                "sent_at",
                "message_id",
                "last_error",
                "attempts",
                "to_email",
                "updated_at",
            ]
        )
        return "sent"
