"""Offer entries past their review date (OfferEntryQuerySet.past_review decides): the owner,
once per review date; and a monthly digest to the offer review leads (people with the offer review lead
duty; the admins when nobody has it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from corporate_parenting.duties import admins, people_with_duty
from corporate_parenting.models import DutyKind, User
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from offer.models import OfferEntry


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def offer_leads() -> list[User]:
    """Who gets the monthly digest: the offer review leads, or the admins when there are none."""
    editors = list(people_with_duty(DutyKind.OFFER_REVIEW_LEAD))
    if editors:
        return editors
    return admins()


def _entry_context(entry: OfferEntry) -> dict[str, object]:
    return {
        "title": entry.title,
        "review_by": _day(entry.review_by),
        "owner": str(entry.owner) if entry.owner else "",
        "path": reverse("offer:entry_edit", kwargs={"pk": entry.pk}),
    }


def _reviewers(entry: OfferEntry) -> list[tuple[User, str]]:
    """Who is asked to review an entry, and where their link goes: its owner (the entry's form),
    and the representatives of the partner that provides it (their organisation's page, where
    they propose a change)."""
    people: list[tuple[User, str]] = []
    if entry.owner is not None:
        people.append((entry.owner, reverse("offer:entry_edit", kwargs={"pk": entry.pk})))
    if entry.provider is not None:
        path = reverse("partners:detail", kwargs={"slug": entry.provider.slug})
        people.extend(
            (rep.user, path)
            for rep in entry.provider.representatives.all()
            if rep.user.is_active and rep.user != entry.owner
        )
    return people


def plan(*, today: date) -> int:
    entries = list(
        OfferEntry.objects.past_review(today)
        .select_related("owner", "provider")
        .prefetch_related("provider__representatives__user")
        .order_by("title")
    )
    items = [
        Outgoing(
            kind=Kind.OFFER_REVIEW,
            subject=entry,
            recipient=person,
            occasion=f"review:{entry.review_by.isoformat()}",
            context={**_entry_context(entry), "path": path},
            due_at=local_time_on(today),
        )
        for entry in entries
        for person, path in _reviewers(entry)
    ]
    if entries:
        month = f"{today:%Y-%m}"
        context: dict[str, object] = {
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
