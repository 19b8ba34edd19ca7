"""Every write to the outbox, people's reminder settings and public alert subscriptions.

Outbox rows are written in the caller's transaction, so a reminder exists exactly when the
change it is about was committed, and never depends on the broker. The dispatcher is asked to run
only after commit (dispatch_soon).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.client import email_limit_message, email_over_limit
from corporate_parenting.models import User
from corporate_parenting.people.services import can_be_invited_again
from corporate_parenting.reminders.kinds import OPTIONAL_KINDS, Kind, spec_for
from corporate_parenting.reminders.links import confirm_url
from corporate_parenting.reminders.models import (
    AlertSubscription,
    Reminder,
    ReminderOptOut,
    ReminderStatus,
)

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from panels.models import Body


# When reminders are due ------------------------------------------------------------------------


def local_time_on(day: date, hour: int | None = None) -> datetime:
    """That day at the send hour, UK time, as an aware datetime. A wall-clock time, so 08:00 is
    08:00 on the Sundays the clocks change too (07:00 or 08:00 UTC)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    send_hour = settings.REMINDERS_SEND_HOUR if hour is None else hour
    return datetime.combine(day, time(send_hour), tzinfo=zone)


# Creating outbox rows ----------------------------------------------------------------------------


@dataclass
class Outgoing:
    """One reminder to make: kind, what it is about, who gets it, which time this is."""

    kind: str
    subject: models.Model | None
    recipient: User | AlertSubscription
    occasion: str
    context: dict[str, object] = field(default_factory=dict)
    due_at: datetime | None = None


def subject_key(subject: models.Model | None) -> str:
    if subject is None:
        return "portal"
    return f"{subject._meta.label_lower}:{subject.pk}"


def recipient_key(recipient: User | AlertSubscription) -> str:
    if isinstance(recipient, AlertSubscription):
        return f"subscription:{recipient.pk}"
    return f"user:{recipient.pk}"


def _opted_out(user_ids: set[int], kinds: set[str]) -> set[tuple[int, str]]:
    if not user_ids or not kinds:
        return set()
    return set(
        ReminderOptOut.objects.filter(user_id__in=user_ids, kind__in=kinds).values_list(
            "user_id", "kind"
        )
    )


def waiting_for_invitation(recipient: User | AlertSubscription) -> bool:
    """Someone who has not yet set a password (an invitation not accepted, a member imported
    with no invitation yet) gets nothing from the outbox: their invitation comes first, and
    their reminders start once they can sign in to act on them."""
    return isinstance(recipient, User) and can_be_invited_again(recipient)


def reminders_create(*, items: Iterable[Outgoing], now: datetime | None = None) -> int:
    """Write the outbox rows that do not exist yet; returns how many were new. Optional kinds a
    person turned off are not written, nor anything for someone waiting for their invitation
    (written by a later run once they have set a password, if it still applies). Safe to call
    again with the same items."""
    now = now or timezone.now()
    items = [item for item in items if not waiting_for_invitation(item.recipient)]
    if not items:
        return 0
    optional = {item.kind for item in items if spec_for(item.kind).optional}
    user_ids = {item.recipient.pk for item in items if isinstance(item.recipient, User)}
    opted_out = _opted_out(user_ids, optional)
    rows: dict[tuple[str, str, str, str], Reminder] = {}
    for item in items:
        user = item.recipient if isinstance(item.recipient, User) else None
        if user is not None and (user.pk, item.kind) in opted_out:
            continue
        subscription = item.recipient if isinstance(item.recipient, AlertSubscription) else None
        due = item.due_at or now
        row = Reminder(
            kind=item.kind,
            subject_key=subject_key(item.subject),
            subject_type=(
                ContentType.objects.get_for_model(item.subject) if item.subject else None
            ),
            subject_id=str(item.subject.pk) if item.subject else "",
            recipient_key=recipient_key(item.recipient),
            recipient=user,
            subscription=subscription,
            to_email=(user.email if user else subscription.email if subscription else ""),
            occasion=item.occasion[:100],
            context=item.context,
            due_at=due,
            send_after=due,
            created_at=now,
        )
        rows.setdefault((row.kind, row.subject_key, row.recipient_key, row.occasion), row)
    existing = set(
        Reminder.objects.filter(
            kind__in={key[0] for key in rows},
            subject_key__in={key[1] for key in rows},
            recipient_key__in={key[2] for key in rows},
            occasion__in={key[3] for key in rows},
        ).values_list("kind", "subject_key", "recipient_key", "occasion")
    )
    new = [row for key, row in rows.items() if key not in existing]
    # A row written meanwhile by another process is left as it is (the unique key decides).
    Reminder.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    if new and any(row.due_at <= now for row in new):
        dispatch_soon()
    return len(new)


def dispatch_soon() -> None:
    """Ask for a dispatcher run once the current transaction commits. With no broker the
    dispatcher runs in-process; with a broker that is down, nothing fails: beat's next run
    sends the rows."""
    transaction.on_commit(_kick, robust=True)


def _kick() -> None:
    from corporate_parenting.celery import app
    from corporate_parenting.reminders import dispatch

    if app.conf.task_always_eager:
        dispatch.dispatch()
        return
    from corporate_parenting.reminders.tasks import dispatch_reminders_task

    try:
        # One try, no waiting: a web request must not hang on a broker that is down.
        dispatch_reminders_task.apply_async(retry=True, retry_policy={"max_retries": 0})
    except Exception as error:  # the broker is down: the rows wait for beat's next run
        logger.warning("Could not ask for a reminder dispatch now (%s); beat will send them", error)


# Resending ----------------------------------------------------------------------------------------


@transaction.atomic
def reminder_resend(*, actor: User, reminder: Reminder) -> Reminder:
    """A deliberate second send of a failed reminder: a new row pointing at the first, recorded
    in the audit trail."""
    original = Reminder.objects.select_for_update().get(pk=reminder.pk)
    if original.status != ReminderStatus.FAILED:
        raise ValidationError("Only a reminder that failed can be sent again")
    number = original.resends.count() + 1
    now = timezone.now()
    copy = Reminder.objects.create(
        kind=original.kind,
        subject_key=original.subject_key,
        subject_type=original.subject_type,
        subject_id=original.subject_id,
        recipient_key=original.recipient_key,
        recipient=original.recipient,
        subscription=original.subscription,
        to_email=original.to_email,
        occasion=f"{original.occasion}|resend {number}"[:100],
        context=original.context,
        due_at=now,
        send_after=now,
        resend_of=original,
        requested_by=actor,
        created_at=now,
    )
    audit_record(
        actor=actor,
        instance=original,
        action="reminder resent",
        note=f"Sent again as reminder {copy.pk} ({original.get_kind_display()} to "
        f"{original.to_email or original.recipient_key})",
    )
    dispatch_soon()
    return copy


# People's reminder settings ---------------------------------------------------------------------


def turned_off(user: User) -> set[str]:
    return set(ReminderOptOut.objects.filter(user=user).values_list("kind", flat=True))


@transaction.atomic
def preferences_set(
    *, user: User, enabled: Iterable[str], offered: Iterable[str] = OPTIONAL_KINDS
) -> set[str]:
    """Turn the offered optional kinds on or off: on for those in enabled, off for the others;
    kinds not offered keep their setting. Kinds a role requires are not the person's to turn
    off, and are ignored here."""
    offered = set(offered) & set(OPTIONAL_KINDS)
    enabled = set(enabled) & offered
    off = offered - enabled
    ReminderOptOut.objects.filter(user=user, kind__in=offered - off).delete()
    have = turned_off(user)
    ReminderOptOut.objects.bulk_create(
        [ReminderOptOut(user=user, kind=kind) for kind in sorted(off - have)],
        ignore_conflicts=True,
    )
    return off


@transaction.atomic
def preference_turn_off(*, user: User, kind: str) -> bool:
    """One-click unsubscribe from one optional kind. False when the kind cannot be turned off."""
    if kind not in OPTIONAL_KINDS:
        return False
    ReminderOptOut.objects.get_or_create(user=user, kind=kind)
    return True


# Public alert subscriptions ------------------------------------------------------------------------

ALERT_FIELDS = ("agendas", "minutes", "decisions")


@dataclass(frozen=True)
class SubscribeResult:
    subscription: AlertSubscription
    created: bool


@transaction.atomic
def alert_subscribe(
    *,
    email: str,
    body: Body,
    agendas: bool,
    minutes: bool,
    decisions: bool,
    now: datetime | None = None,
) -> SubscribeResult:
    """Ask for a public body's papers by e-mail. Nothing is sent but a confirmation link until
    the address is confirmed (double opt-in).

    Whoever asks learns nothing of whether the address already gets these alerts: the answer is
    the same, and only the address's owner is told, by an e-mail that changes nothing (the
    choices stay theirs, changed from the link in any alert). An address may be asked about
    only ALERT_SIGN_UP_EMAIL_LIMIT times in ALERT_SIGN_UP_EMAIL_WINDOW_MINUTES, subscribed or not.
    """
    now = now or timezone.now()
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(
            {"email": "Enter an e-mail address in the correct format, like name@example.com"}
        ) from error
    if not getattr(body, "is_public", False):
        raise ValidationError("This body's papers are not public")
    if not (agendas or minutes or decisions):
        raise ValidationError({"agendas": "Choose at least one kind of paper"})
    if email_over_limit(
        purpose="alert-sign-up",
        email=email,
        limit=settings.ALERT_SIGN_UP_EMAIL_LIMIT,
        window_minutes=settings.ALERT_SIGN_UP_EMAIL_WINDOW_MINUTES,
    ):
        raise ValidationError(
            {"email": email_limit_message(settings.ALERT_SIGN_UP_EMAIL_WINDOW_MINUTES)}
        )
    subscription = (
        AlertSubscription.objects.select_for_update().filter(email=email, body=body).first()
    )
    if subscription is not None and subscription.is_confirmed:
        _alert_already_subscribed(subscription=subscription, body=body, now=now)
        return SubscribeResult(subscription=subscription, created=False)
    created = subscription is None
    if subscription is None:
        subscription = AlertSubscription(email=email, body=body, created_at=now)
    subscription.agendas, subscription.minutes, subscription.decisions = (
        agendas,
        minutes,
        decisions,
    )
    subscription.confirmation_sent_at = now
    subscription.save()
    # At most one confirmation a day to an address, however often the form is sent.
    reminders_create(
        items=[
            Outgoing(
                kind=Kind.ALERT_CONFIRM,
                subject=body,
                recipient=subscription,
                occasion=f"confirm:{timezone.localdate(now).isoformat()}",
                context={
                    "body_name": str(body),
                    "wanted": subscription.wanted_labels,
                    "confirm_url": confirm_url(subscription.token),
                },
            )
        ],
        now=now,
    )
    return SubscribeResult(subscription=subscription, created=created)


def _alert_already_subscribed(
    *, subscription: AlertSubscription, body: Body, now: datetime
) -> None:
    """Tell the owner of a confirmed address that someone asked again: at most once a day, with
    the link to stop the alerts that every alert has."""
    reminders_create(
        items=[
            Outgoing(
                kind=Kind.ALERT_ALREADY_SUBSCRIBED,
                subject=body,
                recipient=subscription,
                occasion=f"already:{timezone.localdate(now).isoformat()}",
                context={
                    "body_name": str(body),
                    "wanted": subscription.wanted_labels,
                    "path": reverse("panels:public_body", kwargs={"slug": body.slug}),
                },
            )
        ],
        now=now,
    )


class AlertLinkProblem(Exception):
    """A confirmation or unsubscribe link that cannot be used; the message says why."""


def _confirmation_expired(subscription: AlertSubscription, now: datetime) -> bool:
    sent = subscription.confirmation_sent_at or subscription.created_at
    return now - sent > timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS)


def alert_for_token(token: str) -> AlertSubscription:
    subscription = AlertSubscription.objects.select_related("body").filter(token=token).first()
    if subscription is None:
        raise AlertLinkProblem(
            "This link is not valid. It may have been copied wrongly, or the alerts it was "
            "for have already been stopped."
        )
    return subscription


def alert_confirm(*, token: str, now: datetime | None = None) -> tuple[AlertSubscription, bool]:
    """Confirm the address; returns the subscription and whether it was confirmed just now. An
    expired link deletes the unconfirmed address and says so."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = alert_for_token(token)
        subscription = AlertSubscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.is_confirmed:
            return subscription, False
        if not _confirmation_expired(subscription, now):
            subscription.confirmed_at = now
            subscription.save(update_fields=["confirmed_at"])
            return subscription, True
        subscription.delete()
    raise AlertLinkProblem(
        f"This link has expired: confirmation links work for "
        f"{settings.REMINDERS_CONFIRM_MAX_AGE_DAYS} days. Subscribe again to get a new one."
    )


@transaction.atomic
def alert_unsubscribe(*, token: str) -> AlertSubscription:
    """Stop the alerts: the row, and so the address, is deleted. Reminders already in the outbox
    for it are not sent."""
    subscription = alert_for_token(token)
    Reminder.objects.filter(
        subscription=subscription, status__in=(ReminderStatus.PENDING, ReminderStatus.RETRY)
    ).update(status=ReminderStatus.SKIPPED, last_error="Unsubscribed before it was sent")
    subscription.delete()
    return subscription


def alerts_purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete addresses never confirmed within the confirmation link's life: nothing is kept
    about someone who did not ask for alerts."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS)
    stale = AlertSubscription.objects.filter(confirmed_at__isnull=True).filter(
        models.Q(confirmation_sent_at__lt=cutoff)
        | models.Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    deleted, _ = stale.delete()
    return deleted
