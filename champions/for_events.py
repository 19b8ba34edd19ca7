"""What the events diary asks of champions, in one place.

The dependency runs one way: events imports this module (and champions.models); nothing here
imports events at run time. An event is read only through the attributes it needs.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from django.utils import timezone

from champions.models import Engagement, Member
from champions.services import engagement_draft_from_event
from corporate_parenting.models import User

if TYPE_CHECKING:
    from events.models import SignUp

DBS = "DBS"
TRAINING = "training"


class CheckedEvent(Protocol):
    """The parts of an event that say which checks a member needs to sign up."""

    involves_children: bool
    requires_training: bool


def _member(person: User) -> Member | None:
    return Member.objects.filter(user=person).first()


def has_completed_training(member: Member | None, on: date) -> bool:
    """Champion training completed on or before that day."""
    return (
        member is not None
        and member.training_completed_on is not None
        and member.training_completed_on <= on
    )


def missing_checks(*, person: User, event: CheckedEvent, on: date) -> list[str]:
    """The checks this event needs that the person lacks on that day: DBS, TRAINING, both
    (in that order) or none. Someone with no champions record has neither."""
    if not (event.involves_children or event.requires_training):
        return []
    member = _member(person)
    missing = []
    if event.involves_children and not (member is not None and member.dbs_is_cleared(on)):
        missing.append(DBS)
    if event.requires_training and not has_completed_training(member, on):
        missing.append(TRAINING)
    return missing


def draft_engagement_for(signup: SignUp) -> Engagement | None:
    """A draft engagement for a champion who attended, tied to the event; None when the person
    has no champions record."""
    member = _member(signup.person)
    if member is None:
        return None
    event = signup.event
    areas = list(event.areas.all()[:2])
    return engagement_draft_from_event(
        member=member,
        event_title=event.title,
        on=min(event.end_date, timezone.localdate()),
        area=areas[0] if len(areas) == 1 else None,
        event=event,
    )
