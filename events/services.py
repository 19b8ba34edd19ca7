"""Every write to the events diary. Each function is atomic and raises ValidationError with
field keys that the views show as form errors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from champions import for_events
from champions.models import ChampionArea, Engagement
from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import AuditEvent, User
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
    "requires_training",
    "capacity",
    "organiser",
    "is_annual",
    "annual_rule",
)


# Who may sign up --------------------------------------------------------------------------

# What a member lacks to sign up, in words: exactly the DBS check, the training, or both.
SIGN_UP_REFUSALS = {
    (for_events.DBS,): (
        "This event involves direct contact with children, so you need a DBS check that is "
        "cleared on the day. Ask the participation team to start or renew your DBS check."
    ),
    (for_events.TRAINING,): (
        "This event needs champion training, and you have not completed it. Ask the "
        "participation team to book you on the next training."
    ),
    (for_events.DBS, for_events.TRAINING): (
        "This event involves direct contact with children and needs champion training: you "
        "need a DBS check that is cleared on the day, and you have not completed champion "
        "training. Ask the participation team to start or renew your DBS check and to book you "
        "on the next training."
    ),
}


def sign_up_refusal(missing: list[str]) -> str:
    """The refusal for what champions says is missing ("" when nothing is)."""
    return SIGN_UP_REFUSALS[tuple(missing)] if missing else ""


def missing_checks(*, person: User, event: Event) -> list[str]:
    """The DBS check and training this event needs and the person lacks, on its first day."""
    return for_events.missing_checks(person=person, event=event, on=event.start_date)


# Events -------------------------------------------------------------------------------------


def _set_areas(event: Event, areas: Iterable[ChampionArea] | None) -> None:
    if areas is not None:
        event.areas.set(areas)


@transaction.atomic
def event_create(
    *, actor: User | None, areas: Iterable[ChampionArea] | None = None, **fields: Any
) -> Event:
    event = Event(**fields)
    event.full_clean()
    event.save()
    _set_areas(event, areas)
    audit_record(actor=actor, instance=event, action="created")
    return event


@transaction.atomic
def event_update(
    *,
    actor: User | None,
    event: Event,
    areas: Iterable[ChampionArea] | None = None,
    **fields: Any,
) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = snapshot(event, AUDITED_FIELDS)
    for name, value in fields.items():
        setattr(event, name, value)
    if event.capacity is not None:
        taken = event.taken_places()
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
        raise ValidationError({"event": "This event has already been cancelled"})
    event.status = Status.CANCELLED
    event.sequence += 1
    event.save()
    audit_record(actor=actor, instance=event, action="cancelled")
    event_changed(event=event)  # those signed up are told at once
    return event


# What a copy for next year takes from last year's event, besides its new dates.
ROLLED_FIELDS = (
    "title",
    "category",
    "start_time",
    "end_time",
    "location",
    "online_link",
    "description",
    "audience",
    "is_public",
    "involves_children",
    "requires_training",
    "capacity",
    "organiser",
    "annual_rule",
)


@transaction.atomic
def event_roll_forward(
    *, actor: User | None, plan: Iterable[tuple[Event, date, date]]
) -> list[Event]:
    """Copy annual events to the dates the admin confirmed for next year: all of them or none.

    In bulk, so the number of queries does not grow with the number of events."""
    plan = list(plan)
    sources = [source for source, _, _ in plan]
    already = set(
        Event.objects.filter(rolled_from__in=sources).values_list("rolled_from_id", flat=True)
    )
    errors: dict[str, list[str]] = {}
    copies: list[tuple[Event, Event]] = []  # (next year's copy, its source)
    for source, start, end in plan:
        if source.pk in already:
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
            **{name: getattr(source, name) for name in ROLLED_FIELDS},
            start_date=start,
            end_date=end,
            is_annual=True,
            rolled_from=source,
        )
        # No query per copy: the source exists (it was just read), and the database keeps
        # uniqueness (uid, one copy per source) and the constraints.
        copy.full_clean(exclude=["rolled_from"], validate_unique=False, validate_constraints=False)
        copies.append((copy, source))
    if errors:
        raise ValidationError(errors)
    Event.objects.bulk_create([copy for copy, _ in copies])
    _copy_areas(copies)
    _audit_rolled(actor=actor, copies=copies)
    return [copy for copy, _ in copies]


def _copy_areas(copies: list[tuple[Event, Event]]) -> None:
    through = Event.areas.through
    by_source: dict[int, list[int]] = {}
    for event_id, area_id in through.objects.filter(
        event_id__in=[source.pk for _, source in copies]
    ).values_list("event_id", "championarea_id"):
        by_source.setdefault(event_id, []).append(area_id)
    through.objects.bulk_create(
        through(event_id=copy.pk, championarea_id=area_id)
        for copy, source in copies
        for area_id in by_source.get(source.pk, [])
    )


def _audit_rolled(*, actor: User | None, copies: list[tuple[Event, Event]]) -> None:
    """One audit row per copy, as audit_record would write it, in one query."""
    content_type = ContentType.objects.get_for_model(Event)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor if actor is not None and actor.is_authenticated else None,
            action="rolled forward",
            content_type=content_type,
            object_id=str(copy.pk),
            object_repr=str(copy)[:300],
            note=f"From {source.dates_label}",
        )
        for copy, source in copies
    )


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
    """Sign a member up. Refused when they lack a check the event needs (a DBS check where it
    involves children, champion training where it needs it), or when it is full, unless an
    admin overrides with a recorded reason. Those refusals are keyed by override_reason, where
    an admin's reason would answer them."""
    today = today or timezone.localdate()
    event = Event.objects.select_for_update().get(pk=event.pk)
    override_reason = override_reason.strip()
    can_override = bool(actor and actor.is_portal_admin)
    if event.is_cancelled:
        raise ValidationError({"event": "This event has been cancelled"})
    if event.has_ended(today):
        raise ValidationError({"event": "This event has already happened"})
    existing = SignUp.objects.filter(event=event, person=person).first()
    if existing and existing.status == SignUpStatus.SIGNED_UP:
        raise ValidationError({"person": f"{person} is already signed up"})
    problems = []
    refusal = sign_up_refusal(missing_checks(person=person, event=event))
    if refusal:
        problems.append(refusal)
    if event.is_full:
        problems.append(
            f"This event is full: all {event.capacity} places have been taken. "
            "Ask the participation team if a place becomes free."
        )
    if problems and not (can_override and override_reason):
        if can_override:
            problems.append("To sign them up anyway, give the reason.")
        raise ValidationError({"override_reason": problems})
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
        raise ValidationError({"event": "You are not signed up for this event"})
    if event.has_ended(today):
        raise ValidationError({"event": "This event has already happened"})
    signup.status = SignUpStatus.CANCELLED
    signup.save()
    return signup


@transaction.atomic
def signup_confirm_attendance(
    *, signup: SignUp, actor: User | None, today: date | None = None
) -> Engagement | None:
    """Record that the member attended. A champion gets a draft engagement to complete.

    Returns the draft engagement, or None when the person is not a champion member."""
    today = today or timezone.localdate()
    signup = SignUp.objects.select_for_update().select_related("event").get(pk=signup.pk)
    if signup.status != SignUpStatus.SIGNED_UP:
        raise ValidationError({"event": "Only members who are signed up can be marked as attended"})
    if not signup.event.has_started(today):
        raise ValidationError({"event": "Attendance can be confirmed once the event has started"})
    if signup.attended:
        raise ValidationError({"event": "Attendance has already been confirmed"})
    signup.attended = True
    signup.attendance_confirmed_at = timezone.now()
    signup.save()
    audit_record(
        actor=actor, instance=signup.event, action="attendance confirmed", note=str(signup.person)
    )
    return for_events.draft_engagement_for(signup)


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
