"""Every write to the events diary. Each function is atomic and raises ValidationError with
field keys that the views show as form errors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from events.models import (
    Event,
    FeedToken,
    SignUp,
    SignUpStatus,
    Status,
    hash_feed_token,
    new_feed_token,
)
from events.reminders import event_changed

# Changing any of these changes what a calendar shows, so the SEQUENCE goes up.
CALENDAR_FIELDS = (
    "title",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "location",
    "online_link",
    "description",
    "status",
)
AUDITED_FIELDS = (
    *CALENDAR_FIELDS,
    "category",
    "audience",
    "is_public",
    "involves_children",
    "capacity",
    "organiser",
    "is_annual",
    "annual_rule",
)


# DBS ----------------------------------------------------------------------------------------


def dbs_is_cleared(*, person: User, on: date) -> bool:
    """Whether this person has a DBS check that is cleared on that day (champions keeps it)."""
    from champions.models import Member

    member = Member.objects.filter(user=person).first()
    return member is not None and member.dbs_is_cleared(on)


# Events -------------------------------------------------------------------------------------


def _set_areas(event: Event, areas: Iterable[Model] | None) -> None:
    if areas is not None:
        event.areas.set(areas)


@transaction.atomic
def event_create(
    *, actor: User | None, areas: Iterable[Model] | None = None, **fields: Any
) -> Event:
    event = Event(**fields)
    event.full_clean()
    event.save()
    _set_areas(event, areas)
    audit_record(actor=actor, instance=event, action="created")
    return event


@transaction.atomic
def event_update(
    *, actor: User | None, event: Event, areas: Iterable[Model] | None = None, **fields: Any
) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = snapshot(event, AUDITED_FIELDS)
    for name, value in fields.items():
        setattr(event, name, value)
    if event.capacity is not None:
        taken = event.signups.active().count()
        if event.capacity < taken:
            raise ValidationError(
                {
                    "capacity": f"{taken} members have signed up already: the capacity must be "
                    f"{taken} or more"
                }
            )
    event.full_clean()
    after = snapshot(event, AUDITED_FIELDS)
    if any(before[name] != after[name] for name in CALENDAR_FIELDS):
        event.sequence += 1
    event.save()
    _set_areas(event, areas)
    changes = changes_between(before, after)
    if changes:
        audit_record(actor=actor, instance=event, action="changed", changes=changes)
    event_changed(event=event, changes=changes)  # those signed up are told of a move
    return event


@transaction.atomic
def event_cancel(*, actor: User | None, event: Event) -> Event:
    """The event stays in the diary and feeds as cancelled, so calendars take it out."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ValidationError("This event has already been cancelled")
    event.status = Status.CANCELLED
    event.sequence += 1
    event.save()
    audit_record(actor=actor, instance=event, action="cancelled")
    event_changed(event=event)  # those signed up are told at once
    return event


@transaction.atomic
def event_roll_forward(
    *, actor: User | None, plan: Iterable[tuple[Event, date, date]]
) -> list[Event]:
    """Copy annual events to the dates the admin confirmed for next year."""
    made: list[Event] = []
    errors: dict[str, list[str]] = {}
    for source, start, end in plan:
        if Event.objects.filter(rolled_from=source).exists():
            errors.setdefault(f"start_{source.pk}", []).append(
                f"{source.title} has already been rolled forward"
            )
            continue
        if end < start:
            errors.setdefault(f"end_{source.pk}", []).append(
                f"The end date of {source.title} must be the same as or after its start date"
            )
            continue
        copy = Event(
            title=source.title,
            category=source.category,
            start_date=start,
            end_date=end,
            start_time=source.start_time,
            end_time=source.end_time,
            location=source.location,
            online_link=source.online_link,
            description=source.description,
            audience=source.audience,
            is_public=source.is_public,
            involves_children=source.involves_children,
            capacity=source.capacity,
            organiser=source.organiser,
            is_annual=True,
            annual_rule=source.annual_rule,
            rolled_from=source,
        )
        copy.full_clean()
        copy.save()
        copy.areas.set(source.areas.all())
        audit_record(
            actor=actor, instance=copy, action="rolled forward", note=f"From {source.dates_label}"
        )
        made.append(copy)
    if errors:
        raise ValidationError(errors)
    return made


# Sign-ups -----------------------------------------------------------------------------------


@transaction.atomic
def signup_create(
    *,
    event: Event,
    person: User,
    actor: User | None = None,
    override_reason: str = "",
    today: date | None = None,
) -> SignUp:
    """Sign a member up. Refused when the event involves children and their DBS is not cleared,
    or when it is full, unless an admin overrides with a recorded reason."""
    today = today or timezone.localdate()
    event = Event.objects.select_for_update().get(pk=event.pk)
    override_reason = override_reason.strip()
    overriding = bool(actor and actor.is_portal_admin and override_reason)
    if event.is_cancelled:
        raise ValidationError("This event has been cancelled")
    if event.end_date < today:
        raise ValidationError("This event has already happened")
    existing = SignUp.objects.filter(event=event, person=person).first()
    if existing and existing.status == SignUpStatus.SIGNED_UP:
        raise ValidationError(f"{person} is already signed up")
    problems = []
    if event.involves_children and not dbs_is_cleared(person=person, on=event.start_date):
        problems.append(
            "This event involves direct contact with children, so you need a DBS check that is "
            "cleared on the day. Ask the participation team to start or renew your DBS check."
        )
    taken = event.signups.active().count()
    if event.capacity is not None and taken >= event.capacity:
        problems.append(
            f"This event is full: all {event.capacity} places have been taken. "
            "Ask the participation team if a place becomes free."
        )
    if problems and not overriding:
        raise ValidationError(problems)
    signup = existing or SignUp(event=event, person=person)
    signup.status = SignUpStatus.SIGNED_UP
    if problems:
        signup.override_reason = override_reason
        signup.overridden_by = actor
    signup.save()
    if problems:
        audit_record(
            actor=actor,
            instance=event,
            action="sign-up rule overridden",
            note=f"{person} signed up. Rules: {' '.join(problems)} Reason: {override_reason}",
        )
    return signup


@transaction.atomic
def signup_cancel(*, event: Event, person: User, today: date | None = None) -> SignUp:
    today = today or timezone.localdate()
    signup = SignUp.objects.select_for_update().filter(event=event, person=person).first()
    if signup is None or signup.status != SignUpStatus.SIGNED_UP:
        raise ValidationError("You are not signed up for this event")
    if event.end_date < today:
        raise ValidationError("This event has already happened")
    signup.status = SignUpStatus.CANCELLED
    signup.save()
    return signup


@transaction.atomic
def signup_confirm_attendance(
    *, signup: SignUp, actor: User | None, today: date | None = None
) -> object | None:
    """Record that the member attended. A champion gets a draft engagement to complete.

    Returns the draft engagement, or None when the person is not a champion member."""
    today = today or timezone.localdate()
    signup = SignUp.objects.select_for_update().select_related("event").get(pk=signup.pk)
    if signup.status != SignUpStatus.SIGNED_UP:
        raise ValidationError("Only members who are signed up can be marked as attended")
    if signup.event.start_date > today:
        raise ValidationError("Attendance can be confirmed once the event has started")
    if signup.attended:
        raise ValidationError("Attendance has already been confirmed")
    signup.attended = True
    signup.attendance_confirmed_at = timezone.now()
    signup.save()
    audit_record(
        actor=actor, instance=signup.event, action="attendance confirmed", note=str(signup.person)
    )
    return _draft_engagement(signup)


def _draft_engagement(signup: SignUp) -> object | None:
    from champions.models import Member
    from champions.services import engagement_draft_from_event

    member = Member.objects.filter(user=signup.person).first()
    if member is None:
        return None
    event = signup.event
    areas = list(event.areas.all()[:2])
    engagement = engagement_draft_from_event(
        member=member,
        event_title=event.title,
        on=min(event.end_date, timezone.localdate()),
        area=areas[0] if len(areas) == 1 else None,
    )
    engagement.event = event
    engagement.save(update_fields=["event"])
    return engagement


# Calendar feed tokens -----------------------------------------------------------------------


@transaction.atomic
def feed_token_regenerate(*, person: User) -> FeedToken:
    """A new secret address; the old one stops working at once. The returned instance carries
    the secret (``.token``) to show once; only its hash is stored."""
    token = FeedToken.objects.select_for_update().filter(person=person).first()
    if token is None:
        token = FeedToken(person=person)
    token.token = new_feed_token()
    token.save()
    return token


def feed_token_find(secret: str) -> FeedToken | None:
    """The feed whose address holds this secret, if any."""
    if not secret or len(secret) > 200:
        return None
    return (
        FeedToken.objects.select_related("person")
        .filter(token_hash=hash_feed_token(secret))
        .first()
    )


@transaction.atomic
def feed_token_revoke(*, person: User) -> None:
    FeedToken.objects.filter(person=person).delete()
