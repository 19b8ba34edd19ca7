"""Who may change KPI definitions, and the rules a definition must keep: the model's own,
then the portal's (a code used once, in any case; a target in its unit's range; an owner who
holds the duty; a priority that is not retired)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from corporate_parenting.duties import has_duty, people_with_duty
from corporate_parenting.inputs import has_control_characters
from corporate_parenting.models import DutyKind, User
from offer.models import UNIT_RANGES, Indicator, Polarity, Unit
from strategy.models import Priority

INDICATOR_FIELDS = (
    "code",
    "name",
    "definition",
    "unit",
    "polarity",
    "priority",
    "target",
    "tolerance",
    "source",
    "owner",
)
TEXT_FIELDS = ("code", "name", "definition", "source")


def can_manage_indicators(user: User | AnonymousUser | None) -> bool:
    """Admins and KPI owners create, change, retire and import indicator definitions."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_portal_admin or has_duty(user, DutyKind.KPI_OWNER)


def require_manager(actor: User | None) -> None:
    if not can_manage_indicators(actor):
        raise PermissionDenied("Only admins and KPI owners change indicators")


def owner_choices() -> Any:
    """The people an indicator can be given to: those who hold the KPI owner duty."""
    return people_with_duty(DutyKind.KPI_OWNER)


# ---------------------------------------------------------------- the rules of a definition

CONTEXT_HAS_NO_TARGET = (
    "A context measure has no target: it is watched, not judged. Leave the target empty, or "
    "choose whether higher or lower is better"
)


def target_problem(polarity: str | None, target: Decimal | None) -> str | None:
    """Why this target cannot be set, for the polarity chosen: a context measure takes none
    (there is no better or worse to be on target for). The form, the definitions import and
    indicator_save all ask this."""
    if polarity == Polarity.CONTEXT and target is not None:
        return CONTEXT_HAS_NO_TARGET
    return None


def definition_problems(indicator: Indicator, *, before: Indicator | None) -> dict[str, str]:
    """What is wrong with this definition, by field: the model's own rules, then the portal's.

    before is the stored indicator when it is a change (its owner and priority may stay even if
    the owner lost the duty or the priority was retired since)."""
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = getattr(indicator, name)
        if isinstance(value, str) and has_control_characters(value):
            errors[name] = (
                "Remove the hidden control characters (often pasted from another program)"
            )
    try:
        indicator.full_clean(validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, _plain_message(name, messages[0]))
    code = (indicator.code or "").strip()
    if code and "code" not in errors:
        taken = Indicator.objects.filter(code__iexact=code).exclude(pk=indicator.pk).first()
        if taken is not None:
            errors["code"] = (
                f"The code {taken.code} is already used by '{taken.name}'"
                + (" (retired: reinstate it instead)" if taken.is_retired else "")
                + ". Choose another code"
            )
    if "target" not in errors and (problem := target_problem(indicator.polarity, indicator.target)):
        errors["target"] = problem
    if indicator.unit in UNIT_RANGES:
        low, high = UNIT_RANGES[indicator.unit]
        unit = Unit(indicator.unit).label.lower()
        if (
            "target" not in errors
            and indicator.target is not None
            and not low <= indicator.target <= high
        ):
            errors["target"] = f"Enter a target from {low:,} to {high:,} ({unit})"
        if (
            "tolerance" not in errors
            and indicator.tolerance is not None
            and not 0 <= indicator.tolerance <= high
        ):
            errors["tolerance"] = f"Enter a tolerance from 0 to {high:,} ({unit})"
    owner_id = indicator.owner_id
    new_owner = owner_id is not None and (before is None or before.owner_id != owner_id)
    if owner_id is not None and new_owner and not owner_choices().filter(pk=owner_id).exists():
        errors["owner"] = "Choose a person who holds the KPI owner duty"
    priority_id = indicator.priority_id
    new_priority = priority_id is not None and (before is None or before.priority_id != priority_id)
    if (
        priority_id is not None
        and new_priority
        and not Priority.objects.current().filter(pk=priority_id).exists()
    ):
        errors["priority"] = "Choose a strategic priority that is not retired"
    return errors


MESSAGES = {
    "code": "Enter a code of letters, numbers, hyphens or underscores, 30 characters or fewer",
    "name": "Enter a name of 200 characters or fewer",
    "unit": "Choose a unit",
    "polarity": "Choose whether higher or lower is better",
    "target": "Enter the target as a number, like 85 or 12.5",
    "tolerance": "Enter the tolerance as a number of 0 or more, like 5",
    "source": "Enter a source of 200 characters or fewer",
}


def _plain_message(name: str, message: str) -> str:
    if name == "name" and "blank" in message:
        return "Enter a name"
    if name == "code" and "blank" in message:
        return "Enter a code"
    return MESSAGES.get(name, message)
