"""The outbox of e-mails, what people turned off, and public alert subscriptions.

These models belong to the corporate_parenting app (imported at the end of its models.py).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.querysets import AlertSubscriptionQuerySet, ReminderQuerySet


class ReminderStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    RETRY = "retry", "Waiting to try again"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Not sent"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class AlertSubscription(models.Model):
    """Someone, signed in or not, who asked for a public body's papers by e-mail. Only the
    address is kept; the row is deleted when they unsubscribe."""

    email = models.EmailField("e-mail address")
    body = models.ForeignKey(
        "panels.Body", on_delete=models.CASCADE, related_name="alert_subscriptions"
    )
    agendas = models.BooleanField(default=True)
    minutes = models.BooleanField(default=True)
    decisions = models.BooleanField(default=True)
    # The secret in the confirmation and unsubscribe links.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ("body", "email")
        constraints = [
            models.UniqueConstraint(fields=("email", "body"), name="alerts_one_per_address_body")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.body}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def wanted_labels(self) -> list[str]:
        wanted = [("agendas", "agendas"), ("minutes", "minutes"), ("decisions", "decisions")]
        return [label for field, label in wanted if getattr(self, field)]


class Reminder(models.Model):
    """One e-mail to one recipient about one thing on one occasion: the outbox and the ledger.

    (kind, subject_key, recipient_key, occasion) is unique, so asking twice for the same
    reminder makes one row, and a row is sent at most once (dispatch.py). A deliberate resend
    is a new row that points at the one it repeats.
    """

    kind = models.CharField(max_length=40, choices=Kind.choices)
    # What it is about: "events.event:12", "panels.body:3". The content type and id link to it.
    subject_key = models.CharField(max_length=100)
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_id = models.CharField(max_length=64, blank=True)
    # Who gets it: "user:12" (a person) or "subscription:5" (a public alert).
    recipient_key = models.CharField(max_length=100)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reminders",
    )
    subscription = models.ForeignKey(
        AlertSubscription,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reminders",
    )
    occasion = models.CharField(
        max_length=100, help_text="Which time this is: '7d:2026-05-10', '2026-W48', 'cancelled:3'."
    )
    # What the e-mail says, fixed when the reminder was made: titles, dates, the link's path.
    context = models.JSONField(default=dict, blank=True)
    to_email = models.EmailField("sent to", blank=True)
    due_at = models.DateTimeField(help_text="When it should go.")
    send_after = models.DateTimeField(help_text="When the next try may start.")
    status = models.CharField(
        max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    message_id = models.CharField(max_length=200, blank=True)
    resend_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="resends"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The admin who asked for a resend.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=("kind", "subject_key", "recipient_key", "occasion"),
                name="reminders_once_per_occasion",
            )
        ]
        indexes = [
            # The dispatcher's scan: only rows not yet finished are in this index.
            models.Index(
                fields=("send_after",),
                name="reminders_waiting",
                condition=Q(status__in=("pending", "retry", "sending")),
            ),
            models.Index(fields=("status", "-created_at"), name="reminders_ledger"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to_email or self.recipient_key}"

    @property
    def about(self) -> str:
        """What it is about, in words, for the ledger."""
        context = self.context or {}
        return str(context.get("title") or context.get("body_name") or self.subject_key)

    @property
    def is_resend(self) -> bool:
        return self.resend_of_id is not None

    @property
    def can_be_resent(self) -> bool:
        return self.status == ReminderStatus.FAILED


class ReminderOptOut(models.Model):
    """A kind of reminder a person turned off (only optional kinds can be)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_opt_outs"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("user", "kind"), name="reminders_one_opt_out")
        ]

    def __str__(self) -> str:
        return f"{self.user} turned off {self.get_kind_display()}"


class MailboxMessage(models.Model):
    """An e-mail kept in the database by the "database" e-mail backend
    (corporate_parenting.reminders.mailbox): for tests and demonstrations, where another
    process (a worker) sends and the test reads. Written in the same transaction that marks
    the reminder sent."""

    to = models.TextField()
    subject = models.CharField(max_length=300)
    reminder_id = models.CharField(max_length=40, blank=True, db_index=True)
    raw = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
