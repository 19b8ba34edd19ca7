"""Every write to the Children in Care Council's matters: the participation officer (council
staff) enters and changes them and chooses which answered ones are shown publicly; the owner
(or staff) records the response."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import Body
from voice.matters import Matter
from voice.models import Theme
from voice.services import themes_for_tagging

MATTER_FIELDS = ("raised_by", "raised_on", "title", "asked", "board", "owner", "due_on")


def can_enter(user: User | None) -> bool:
    """Council staff enter and change matters (the participation officer is one)."""
    return user is not None and user.is_authenticated and user.is_council_staff


def can_respond(user: User | None, matter: Matter) -> bool:
    """The owner records the response; staff may record it for them."""
    return can_enter(user) or (user is not None and matter.owner_id == user.pk)


def _check(
    *,
    raised_by: Body,
    board: Body,
    raised_on: datetime.date,
    due_on: datetime.date,
    title: str,
    asked: str,
) -> None:
    errors: dict[str, str] = {}
    if not raised_by.is_young_peoples:
        errors["raised_by"] = "Choose the Children in Care Council or the care leavers' forum"
    if board.is_young_peoples:
        errors["board"] = "Choose the Board or panel the matter is for"
    if raised_on > timezone.localdate():
        errors["raised_on"] = "The date raised cannot be in the future"
    if due_on < raised_on:
        errors["due_on"] = "The answer cannot be due before the matter was raised"
    if not title.strip():
        errors["title"] = "Enter a title for the matter"
    if not asked.strip():
        errors["asked"] = "Enter what the young people asked"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def matter_save(
    *,
    actor: User | None,
    matter: Matter | None,
    raised_by: Body,
    raised_on: datetime.date,
    title: str,
    asked: str,
    board: Body,
    owner: User,
    due_on: datetime.date,
    themes: Iterable[Theme] = (),
) -> Matter:
    """Enter a matter (matter=None) or change one."""
    if not can_enter(actor):
        raise PermissionDenied("Only council staff enter the Council's matters")
    title, asked = " ".join(title.split()), asked.strip()
    _check(
        raised_by=raised_by,
        board=board,
        raised_on=raised_on,
        due_on=due_on,
        title=title,
        asked=asked,
    )
    already = list(matter.themes.all()) if matter is not None else []
    chosen = themes_for_tagging(themes, already=already)
    values = {
        "raised_by": raised_by,
        "raised_on": raised_on,
        "title": title,
        "asked": asked,
        "board": board,
        "owner": owner,
        "due_on": due_on,
    }
    if matter is None:
        matter = Matter(entered_by=actor, **values)
        matter.full_clean()
        matter.save()
        matter.themes.set(chosen)
        audit_record(actor=actor, instance=matter, action="matter entered")
        return matter
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    before = snapshot(matter, values)
    for name, value in values.items():
        setattr(matter, name, value)
    matter.full_clean()
    matter.save()
    matter.themes.set(chosen)
    audit_record(
        actor=actor,
        instance=matter,
        action="matter changed",
        changes=changes_between(before, snapshot(matter, values)),
    )
    return matter


@transaction.atomic
def matter_respond(*, actor: User | None, matter: Matter, response: str) -> Matter:
    """Record (or correct) the response: the matter is answered from now."""
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if not can_respond(actor, matter):
        raise PermissionDenied("Only the owner or council staff record the response")
    response = response.strip()
    if not response:
        raise ValidationError({"response": "Enter the response to the matter"})
    first = matter.answered_at is None
    matter.response = response
    if first:
        matter.answered_at = timezone.now()
        matter.answered_by = actor
    matter.save(update_fields=["response", "answered_at", "answered_by", "updated_at"])
    audit_record(
        actor=actor,
        instance=matter,
        action="response recorded" if first else "response changed",
    )
    return matter


@transaction.atomic
def matter_show_publicly(*, actor: User | None, matter: Matter, shown: bool) -> Matter:
    """The participation officer's act that puts an answered matter (what was asked, and the
    response) in the public "you said, we did", or takes it out again."""
    if not can_enter(actor):
        raise PermissionDenied("Only council staff choose what is shown publicly")
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    if shown and matter.answered_at is None:
        raise ValidationError("Record the response before showing the matter publicly")
    if shown == (matter.shown_publicly_at is not None):
        return matter
    matter.shown_publicly_at = timezone.now() if shown else None
    matter.shown_publicly_by = actor if shown else None
    matter.save(update_fields=["shown_publicly_at", "shown_publicly_by", "updated_at"])
    audit_record(
        actor=actor,
        instance=matter,
        action="shown publicly in you said, we did" if shown else "no longer shown publicly",
    )
    return matter
