"""Reads for the outbox, with the domain's verbs."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q


class ReminderQuerySet(models.QuerySet):
    def ready(self, now: datetime) -> ReminderQuerySet:
        """Rows the dispatcher may claim now: due and waiting (first try or a retry), or left
        "sending" longer than the lease by a worker that died (its row lock is gone; a live
        sender's row is skipped by SKIP LOCKED)."""
        lease = timedelta(seconds=settings.REMINDERS_SENDING_LEASE_SECONDS)
        return self.filter(
            Q(status__in=("pending", "retry"), send_after__lte=now)
            | Q(status="sending", claimed_at__lt=now - lease)
        )

    def failed(self) -> ReminderQuerySet:
        return self.filter(status="failed")

    def for_ledger(self) -> ReminderQuerySet:
        return self.select_related("recipient", "resend_of").order_by("-created_at", "-pk")

    def for_recipient(self, user: object) -> ReminderQuerySet:
        return self.filter(recipient=user)


class AlertSubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> AlertSubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def wanting(self, field: str) -> AlertSubscriptionQuerySet:
        """Confirmed subscriptions that asked for agendas, minutes or decisions."""
        return self.confirmed().filter(**{field: True})
