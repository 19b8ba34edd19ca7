"""Writes about a champion's own plan for the year: add, change and remove an item, and tick
one off by linking the engagement that did it (or untick it).

Only the champion writes their plan. A planned date may be in the future; it must fall in the
plan's political year.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from champions.models import Appointment, ChampionArea, Engagement, Member, PlanItem
from corporate_parenting.audit import audit_record
from corporate_parenting.years import political_year_starting


def _check_owner(item: PlanItem, member: Member) -> None:
    if item.member_id != member.pk:
        raise PermissionDenied("Only the champion whose plan it is can change it")


def _validate(
    *,
    member: Member,
    start_year: int,
    intention: str,
    due_by: date | None,
    area: ChampionArea | None,
) -> None:
    errors: dict[str, str] = {}
    year = political_year_starting(start_year)
    if not intention.strip():
        errors["intention"] = "Enter what you intend to do"
    if not isinstance(due_by, date):
        errors["due_by"] = "Enter the date you plan to do it by"
    elif due_by not in year:
        errors["due_by"] = (
            f"Enter a date in {year.label}: from {year.start:%-d %B %Y} to {year.end:%-d %B %Y}"
        )
    if (
        area is not None
        and not Appointment.objects.in_year(year).filter(member=member, area=area).exists()
    ):
        errors["area"] = f"Choose one of the areas you champion in {year.label}, or none"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_item_add(
    *,
    member: Member,
    start_year: int,
    intention: str,
    due_by: date | None,
    area: ChampionArea | None = None,
) -> PlanItem:
    """A new item of the member's plan for the political year starting in start_year."""
    year = political_year_starting(start_year)
    if not Appointment.objects.in_year(year).filter(member=member).exists():
        raise ValidationError(f"You are not a champion in {year.label}, so you have no plan yet")
    _validate(member=member, start_year=start_year, intention=intention, due_by=due_by, area=area)
    assert due_by is not None  # _validate refused a missing date
    item = PlanItem(
        member=member, start_year=start_year, intention=intention.strip(), due_by=due_by, area=area
    )
    item.full_clean()
    item.save()
    audit_record(actor=member.user, instance=member, action="added a plan item", note=str(item))
    return item


@transaction.atomic
def plan_item_update(
    *,
    item: PlanItem,
    member: Member,
    intention: str,
    due_by: date | None,
    area: ChampionArea | None = None,
) -> PlanItem:
    _check_owner(item, member)
    _validate(
        member=member, start_year=item.start_year, intention=intention, due_by=due_by, area=area
    )
    assert due_by is not None  # _validate refused a missing date
    item.intention, item.due_by, item.area = intention.strip(), due_by, area
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def plan_item_delete(*, item: PlanItem, member: Member) -> None:
    _check_owner(item, member)
    audit_record(actor=member.user, instance=member, action="removed a plan item", note=str(item))
    item.delete()


@transaction.atomic
def plan_item_tick(*, item: PlanItem, member: Member, engagement: Engagement | None) -> PlanItem:
    """Tick the item off with one of the member's submitted engagements of the plan's year, or
    (engagement None) untick it."""
    _check_owner(item, member)
    if engagement is not None:
        year = political_year_starting(item.start_year)
        if engagement.member_id != member.pk or engagement.is_draft or engagement.date not in year:
            raise ValidationError(
                {"engagement": f"Choose one of your submitted engagements in {year.label}"}
            )
    item.done_by = engagement
    item.save(update_fields=["done_by", "updated_at"])
    return item
