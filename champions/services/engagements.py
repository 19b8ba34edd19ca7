"""Writes about engagements: a champion logs, changes, submits and deletes them; an officer
answers a follow-up. An engagement may tick off an item of the champion's plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from champions.models import (
    Appointment,
    ChampionArea,
    Engagement,
    EngagementKind,
    EngagementStatus,
    FollowUpStatus,
    Member,
    PlanItem,
)
from corporate_parenting.models import User
from corporate_parenting.years import political_year_for
from voice.models import Principle, Theme
from voice.services import themes_for_tagging

if TYPE_CHECKING:
    from events.models import Event

ENGAGEMENT_FIELDS = (
    "date",
    "kind",
    "area",
    "event",
    "event_title",
    "what_we_did",
    "young_people_said",
    "follow_up_requested",
    "young_people_count",
)


# Engagements -------------------------------------------------------------------------------


def _validate_engagement(member: Member, values: dict[str, object], *, submitting: bool) -> None:
    errors: dict[str, str] = {}
    day = values.get("date")
    if not isinstance(day, date):
        errors["date"] = "Enter the date of the engagement"
    elif day > timezone.localdate():
        errors["date"] = "The date must be today or in the past"
    count = values.get("young_people_count")
    if count is None or not isinstance(count, int) or count < 0:
        errors["young_people_count"] = "Enter the number of young people as 0 or more"
    if values.get("kind") not in EngagementKind.values:
        errors["kind"] = "Choose what kind of engagement it was"
    area = values.get("area")
    if area is None:
        if submitting:
            errors["area"] = "Choose the area this engagement was for"
    elif (
        isinstance(day, date)
        and "date" not in errors
        and not Appointment.objects.active_on(day).filter(member=member, area=area).exists()
    ):
        label = political_year_for(day).label
        errors["area"] = (
            f"You were not a champion of {area} on that day in {label}: choose one of your areas"
        )
    plan_item = values.get("plan_item")
    if plan_item is not None:
        if not isinstance(plan_item, PlanItem) or plan_item.member_id != member.pk:
            errors["plan_item"] = "Choose an item of your own plan"
        elif isinstance(day, date) and political_year_for(day).start_year != plan_item.start_year:
            errors["plan_item"] = "Choose an item of the plan for the year of this engagement"
        elif plan_item.done_by_id and plan_item.done_by_id != values.get("pk"):
            errors["plan_item"] = "That plan item is already ticked off by another engagement"
    if errors:
        raise ValidationError(errors)


def _tick_off(plan_item: PlanItem, engagement: Engagement) -> None:
    """Link the plan item to the engagement that did it."""
    if plan_item.done_by_id != engagement.pk:
        plan_item.done_by = engagement
        plan_item.save(update_fields=["done_by", "updated_at"])


def _follow_up_status_for(engagement: Engagement) -> str:
    if not engagement.follow_up_requested.strip():
        return FollowUpStatus.NONE
    return engagement.follow_up_status or FollowUpStatus.OPEN


@transaction.atomic
def engagement_log(
    *,
    member: Member,
    submit: bool,
    plan_item: PlanItem | None = None,
    themes: Iterable[Theme] = (),
    principles: Iterable[Principle] = (),
    **values: object,
) -> Engagement:
    """A new engagement, saved as a draft or submitted. Counts towards the target once submitted.
    With a plan item, it ticks that item of the champion's plan off; with themes, it is tagged
    with what young people talked about; with principles, the corporate parenting principles it
    served."""
    unknown = set(values) - set(ENGAGEMENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown engagement fields: {sorted(unknown)}")
    values.setdefault("young_people_count", 0)
    _validate_engagement(member, {**values, "plan_item": plan_item}, submitting=submit)
    tagged = themes_for_tagging(themes)
    engagement = Engagement(
        member=member,
        status=EngagementStatus.SUBMITTED if submit else EngagementStatus.DRAFT,
        **values,
    )
    if engagement.event is not None and not engagement.event_title:
        engagement.event_title = engagement.event.title[:200]
    engagement.follow_up_status = _follow_up_status_for(engagement) if submit else ""
    engagement.full_clean()
    engagement.save()
    engagement.themes.set(tagged)
    engagement.principles.set(list(principles))
    if plan_item is not None:
        _tick_off(plan_item, engagement)
    return engagement


@transaction.atomic
def engagement_update(
    *,
    engagement: Engagement,
    submit: bool,
    plan_item: PlanItem | None = None,
    themes: Iterable[Theme] | None = None,
    principles: Iterable[Principle] | None = None,
    **values: object,
) -> Engagement:
    """The champion changes their own entry; a draft may be submitted, a submitted one stays so.
    With a plan item, it also ticks that item off (the plan page unticks one). Themes and
    principles, when given, replace those it had (None leaves them)."""
    unknown = set(values) - set(ENGAGEMENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown engagement fields: {sorted(unknown)}")
    merged = {name: getattr(engagement, name) for name in ENGAGEMENT_FIELDS} | values
    merged["plan_item"] = plan_item
    merged["pk"] = engagement.pk
    submitting = submit or not engagement.is_draft
    _validate_engagement(engagement.member, merged, submitting=submitting)
    tagged = None if themes is None else themes_for_tagging(themes, already=engagement.themes.all())
    for name, value in values.items():
        setattr(engagement, name, value)
    if submitting:
        engagement.status = EngagementStatus.SUBMITTED
        if engagement.follow_up_status != FollowUpStatus.DONE:
            engagement.follow_up_status = _follow_up_status_for(engagement)
    engagement.full_clean()
    engagement.save()
    if tagged is not None:
        engagement.themes.set(tagged)
    if principles is not None:
        engagement.principles.set(list(principles))
    if plan_item is not None:
        _tick_off(plan_item, engagement)
    return engagement


@transaction.atomic
def engagement_delete_draft(*, engagement: Engagement) -> None:
    if not engagement.is_draft:
        raise ValidationError("Only a draft can be deleted")
    engagement.delete()


@transaction.atomic
def engagement_respond(
    *,
    engagement: Engagement,
    officer: User,
    response: str,
    follow_up_status: str,
    show_in_you_said_we_did: bool = False,
) -> Engagement:
    """An officer answers a follow-up. Only a done follow-up can go in "You said, we did"."""
    errors: dict[str, str] = {}
    if engagement.is_draft or not engagement.follow_up_status:
        raise ValidationError("This engagement has no follow-up to respond to")
    if follow_up_status not in (
        FollowUpStatus.OPEN,
        FollowUpStatus.IN_PROGRESS,
        FollowUpStatus.DONE,
    ):
        errors["follow_up_status"] = "Choose open, in progress or done"
    if follow_up_status == FollowUpStatus.DONE and not response.strip():
        errors["follow_up_response"] = "Enter what was done before marking the follow-up done"
    if show_in_you_said_we_did and follow_up_status != FollowUpStatus.DONE:
        errors["show_in_you_said_we_did"] = 'Only a done follow-up can go in "You said, we did"'
    if show_in_you_said_we_did and not engagement.young_people_said.strip():
        errors["show_in_you_said_we_did"] = (
            '"You said, we did" needs what young people said: this engagement has none'
        )
    if errors:
        raise ValidationError(errors)
    engagement.follow_up_response = response.strip()
    engagement.follow_up_status = follow_up_status
    engagement.show_in_you_said_we_did = show_in_you_said_we_did
    engagement.responded_by = officer
    engagement.responded_at = timezone.now()
    engagement.full_clean()
    engagement.save()
    return engagement


@transaction.atomic
def engagement_draft_from_event(
    *,
    member: Member,
    event_title: str,
    on: date,
    area: ChampionArea | None,
    event: Event | None = None,
) -> Engagement:
    """A draft engagement for a member who attended an event; the member completes and submits it.

    When no area is given and the member champions exactly one area that year, it is used.
    """
    if area is None:
        serving = Appointment.objects.active_on(on).filter(member=member)
        areas = list(serving.values_list("area", flat=True)[:2])
        area = ChampionArea.objects.get(pk=areas[0]) if len(areas) == 1 else None
    engagement = Engagement(
        member=member,
        area=area,
        date=on,
        kind=EngagementKind.EVENT,
        event=event,
        event_title=event_title[:200],
        status=EngagementStatus.DRAFT,
    )
    engagement.full_clean()
    engagement.save()
    return engagement
