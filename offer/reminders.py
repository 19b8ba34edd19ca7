"""Offer entries past their review date (OfferEntryQuerySet.past_review decides): the owner,
once per review date; and a monthly digest to the offer lead (REMINDERS_OFFER_LEAD_EMAIL, a
person who signs in; the admins when it is not set)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse

from corporate_parenting.models import User
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from offer.models import OfferEntry


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def offer_leads() -> list[User]:
    address = settings.REMINDERS_OFFER_LEAD_EMAIL.strip().lower()
    if address:
        lead = User.objects.filter(email__iexact=address, is_active=True).first()
        if lead is not None:
            return [lead]
    from champions.reminders import admins

    return admins()


def _entry_context(entry: OfferEntry) -> dict[str, object]:
    return {
        "title": entry.title,
        "review_by": _day(entry.review_by),
        "owner": str(entry.owner) if entry.owner else "",
        "path": reverse("offer:entry_edit", kwargs={"pk": entry.pk}),
    }


def plan(*, today: date) -> int:
    entries = list(OfferEntry.objects.past_review(today).select_related("owner").order_by("title"))
    items = [
        Outgoing(
            kind=Kind.OFFER_REVIEW,
            subject=entry,
            recipient=entry.owner,
            occasion=f"review:{entry.review_by.isoformat()}",
            context=_entry_context(entry),
            due_at=local_time_on(today),
        )
        for entry in entries
        if entry.owner is not None
    ]
    if entries:
        month = f"{today:%Y-%m}"
        context = {
            "entries": [_entry_context(entry) for entry in entries],
            "month": f"{today:%B %Y}",
            "path": reverse("offer:manage"),
        }
        items.extend(
            Outgoing(
                kind=Kind.OFFER_REVIEW_DIGEST,
                subject=None,
                recipient=lead,
                occasion=month,
                context=context,
                due_at=local_time_on(today),
            )
            for lead in offer_leads()
        )
    return reminders_create(items=items)


def still_applies(reminder: Any) -> str:
    if reminder.kind == Kind.OFFER_REVIEW:
        entry = OfferEntry.objects.filter(pk=reminder.subject_id).first()
        if entry is None or not entry.is_past_review():
            return "The entry has been reviewed"
    return ""
