"""A member's place at an event, as the event page shows it: every rule decided once, here and
on the Event model, so the template only shows the answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corporate_parenting.models import User
from events.models import Event, SignUp
from events.services import missing_checks, sign_up_refusal


@dataclass(frozen=True)
class Place:
    signup: SignUp | None  # their active sign-up, if any
    can_cancel: bool
    can_confirm_attendance: bool
    has_ended: bool
    refusal: str  # why they cannot sign up: the DBS check, the training, or both ("" if none)
    is_full: bool


def place_for(*, event: Event, person: User, today: date) -> Place:
    """The place of this person at this event (with_signup_counts() saves a query)."""
    signup = SignUp.objects.active().filter(event=event, person=person).first()
    open_ = event.takes_sign_ups(today)
    needs_checks = open_ and signup is None
    return Place(
        signup=signup,
        can_cancel=signup is not None and open_,
        can_confirm_attendance=(
            signup is not None and event.has_started(today) and not signup.attended
        ),
        has_ended=event.has_ended(today),
        refusal=sign_up_refusal(missing_checks(person=person, event=event)) if needs_checks else "",
        is_full=event.is_full,
    )
