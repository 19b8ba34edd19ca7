"""Every write to the strategy. Admins shape it (priorities and objectives); officers and admins
link the panel actions, KPIs and offer entries that serve each objective."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from corporate_parenting.permissions import is_council_staff
from offer.models import Indicator, OfferEntry
from panels.models import Resolution
from strategy.models import Objective, Priority

# Addresses under /strategy/priorities/ that are pages, not priorities.
RESERVED_SLUGS = {"new"}


def _other_priorities(priority: Priority | None) -> QuerySet[Priority]:
    others = Priority.objects.all()
    return others.exclude(pk=priority.pk) if priority is not None else others


def can_shape(user: User | None) -> bool:
    """Admins create and change priorities and objectives."""
    return user is not None and user.is_authenticated and user.is_portal_admin


def can_link(user: User | None) -> bool:
    """Officers and admins say what serves an objective."""
    return is_council_staff(user)


def _check_shape(actor: User | None) -> None:
    if not can_shape(actor):
        raise PermissionDenied("Only an admin can change the strategy")


@transaction.atomic
def priority_save(
    *,
    actor: User | None,
    priority: Priority | None,
    name: str,
    slug: str = "",
    description: str = "",
    position: int = 0,
) -> Priority:
    """Create a priority (priority=None) or change one."""
    _check_shape(actor)
    name, description = name.strip(), description.strip()
    slug = slugify(slug.strip() or name)[:60]
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the name of the priority"
    elif _other_priorities(priority).filter(name__iexact=name).exists():
        errors["name"] = f"There is already a priority called ‘{name}’"
    if not slug:
        errors.setdefault("slug", "Enter a short name made of letters and numbers")
    elif slug in RESERVED_SLUGS:
        errors["slug"] = f"‘{slug}’ is used by the portal: choose another short name"
    elif _other_priorities(priority).filter(slug=slug).exists():
        errors["slug"] = f"Another priority already has the short name ‘{slug}’"
    if not 0 <= position <= 999:
        errors["position"] = "Enter a position from 0 to 999"
    if errors:
        raise ValidationError(errors)
    creating = priority is None
    target = priority if priority is not None else Priority()
    before = {"name": target.name, "slug": target.slug, "position": target.position}
    target.name, target.slug, target.description, target.position = (
        name,
        slug,
        description,
        position,
    )
    target.full_clean()
    target.save()
    after = {"name": target.name, "slug": target.slug, "position": target.position}
    audit_record(
        actor=actor,
        instance=target,
        action="priority added" if creating else "priority changed",
        changes={k: (before[k], after[k]) for k in after if before[k] != after[k]}
        if not creating
        else None,
    )
    return target


@transaction.atomic
def priority_retire(*, actor: User | None, priority: Priority) -> Priority:
    """Take a priority out of the strategy. Its objectives, and the KPIs and reports that name
    it, keep it: nothing is deleted."""
    _check_shape(actor)
    priority = Priority.objects.select_for_update().get(pk=priority.pk)
    if priority.is_retired:
        raise ValidationError(f"‘{priority}’ was retired already")
    priority.retired_at = timezone.now()
    priority.save(update_fields=["retired_at", "updated_at"])
    audit_record(actor=actor, instance=priority, action="priority retired")
    return priority


@transaction.atomic
def priority_restore(*, actor: User | None, priority: Priority) -> Priority:
    _check_shape(actor)
    priority = Priority.objects.select_for_update().get(pk=priority.pk)
    if not priority.is_retired:
        raise ValidationError(f"‘{priority}’ is in the strategy already")
    priority.retired_at = None
    priority.save(update_fields=["retired_at", "updated_at"])
    audit_record(actor=actor, instance=priority, action="priority brought back")
    return priority


@transaction.atomic
def objective_save(
    *,
    actor: User | None,
    objective: Objective | None,
    priority: Priority,
    title: str,
    description: str = "",
    position: int = 0,
) -> Objective:
    """Create an objective under a priority (objective=None) or change one."""
    _check_shape(actor)
    title, description = title.strip(), description.strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "Enter the objective"
    if priority is None or priority.pk is None:
        errors["priority"] = "Choose the priority this objective serves"
    elif priority.is_retired and getattr(objective, "priority_id", None) != priority.pk:
        errors["priority"] = f"‘{priority}’ is retired: choose a priority in the strategy"
    if not 0 <= position <= 999:
        errors["position"] = "Enter a position from 0 to 999"
    if errors:
        raise ValidationError(errors)
    creating = objective is None
    target = objective if objective is not None else Objective()
    before = {"title": target.title, "priority": str(getattr(target, "priority", "") or "")}
    target.priority, target.title, target.description, target.position = (
        priority,
        title,
        description,
        position,
    )
    target.full_clean()
    target.save()
    after = {"title": target.title, "priority": str(priority)}
    audit_record(
        actor=actor,
        instance=target,
        action="objective added" if creating else "objective changed",
        changes=None
        if creating
        else {k: (before[k], after[k]) for k in after if before[k] != after[k]},
    )
    return target


@transaction.atomic
def objective_links_set(
    *,
    actor: User | None,
    objective: Objective,
    actions: Iterable[Resolution],
    indicators: Iterable[Indicator],
    offer_entries: Iterable[OfferEntry],
) -> Objective:
    """Say which panel actions, KPIs and offer entries serve the objective (replacing the
    links it had)."""
    if not can_link(actor):
        raise PermissionDenied("Only officers and admins link work to the strategy")
    actions, indicators, offer_entries = list(actions), list(indicators), list(offer_entries)
    if any(not action.is_action for action in actions):
        raise ValidationError({"actions": "Choose panel actions from the list"})
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    before = {
        "actions": sorted(objective.actions.values_list("pk", flat=True)),
        "indicators": sorted(objective.indicators.values_list("code", flat=True)),
        "offer entries": sorted(objective.offer_entries.values_list("slug", flat=True)),
    }
    objective.actions.set(actions)
    objective.indicators.set(indicators)
    objective.offer_entries.set(offer_entries)
    after = {
        "actions": sorted(a.pk for a in actions),
        "indicators": sorted(i.code for i in indicators),
        "offer entries": sorted(e.slug for e in offer_entries),
    }
    changes = {k: (before[k], after[k]) for k in after if before[k] != after[k]}
    if changes:
        objective.save(update_fields=["updated_at"])
        audit_record(
            actor=actor, instance=objective, action="objective links changed", changes=changes
        )
    return objective
