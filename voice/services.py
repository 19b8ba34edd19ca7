"""Every write to the voice vocabulary: admins add, change, reorder, retire and bring back
themes. Tagging is written where the tagged record is (champions and offer services), with
themes_for_tagging() deciding which themes may be chosen."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from voice.models import Theme

# Addresses under /voice/themes/ that are pages, not themes.
RESERVED_SLUGS = {"new"}
POSITION_MAX = 999


def can_shape(user: User | None) -> bool:
    """Admins keep the list of themes."""
    return user is not None and user.is_authenticated and user.is_portal_admin


def _check_shape(actor: User | None) -> None:
    if not can_shape(actor):
        raise PermissionDenied("Only an admin can change the themes")


def _others(theme: Theme | None) -> QuerySet[Theme]:
    return Theme.objects.exclude(pk=theme.pk) if theme is not None else Theme.objects.all()


def themes_for_tagging(
    themes: Iterable[Theme], *, already: Iterable[Theme] = (), field: str = "themes"
) -> list[Theme]:
    """The themes a record may be tagged with: active ones, and the retired ones it already
    had (so changing something else does not take them off)."""
    chosen = list(themes)
    kept = {theme.pk for theme in already}
    refused = [t.name for t in chosen if t.retired_at is not None and t.pk not in kept]
    if refused:
        raise ValidationError({field: f"‘{refused[0]}’ is retired: choose a theme from the list"})
    return chosen


@transaction.atomic
def theme_save(
    *,
    actor: User | None,
    theme: Theme | None,
    name: str,
    slug: str = "",
    description: str = "",
    position: int = 0,
) -> Theme:
    """Add a theme (theme=None) or change one."""
    _check_shape(actor)
    name, description = name.strip(), description.strip()
    slug = slugify(slug.strip() or name)[:60]
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the name of the theme"
    elif _others(theme).filter(name__iexact=name).exists():
        errors["name"] = f"There is already a theme called ‘{name}’"
    if not slug:
        errors["slug"] = "Enter a short name made of letters and numbers"
    elif slug in RESERVED_SLUGS:
        errors["slug"] = f"‘{slug}’ is used by the portal: choose another short name"
    elif _others(theme).filter(slug=slug).exists():
        errors["slug"] = f"Another theme already has the short name ‘{slug}’"
    if not 0 <= position <= POSITION_MAX:
        errors["position"] = f"Enter a position from 0 to {POSITION_MAX}"
    if errors:
        raise ValidationError(errors)
    creating = theme is None
    target = theme if theme is not None else Theme()
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
        action="theme added" if creating else "theme changed",
        changes=None
        if creating
        else {k: (before[k], after[k]) for k in after if before[k] != after[k]},
    )
    return target


@transaction.atomic
def theme_move(*, actor: User | None, theme: Theme, direction: str) -> Theme:
    """Move an active theme one place up or down the list. The list is numbered 10, 20, 30...
    again, so themes that shared a position get places of their own."""
    _check_shape(actor)
    if direction not in ("up", "down"):
        raise ValidationError("Choose up or down")
    ordered = list(Theme.objects.active().select_for_update().order_by("position", "name"))
    index = next((i for i, t in enumerate(ordered) if t.pk == theme.pk), None)
    if index is None:
        raise ValidationError(f"‘{theme}’ is retired: bring it back to move it")
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        raise ValidationError(f"‘{theme}’ is already {'first' if direction == 'up' else 'last'}")
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for number, each in enumerate(ordered, start=1):
        position = min(number * 10, POSITION_MAX)
        if each.position != position:
            each.position = position
            each.save(update_fields=["position", "updated_at"])
    moved = ordered[other]
    audit_record(actor=actor, instance=moved, action=f"theme moved {direction}")
    return moved


@transaction.atomic
def theme_retire(*, actor: User | None, theme: Theme) -> Theme:
    """Take a theme off the lists to tag with. What was tagged keeps it: nothing is deleted."""
    _check_shape(actor)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    if theme.is_retired:
        raise ValidationError(f"‘{theme}’ was retired already")
    theme.retired_at = timezone.now()
    theme.save(update_fields=["retired_at", "updated_at"])
    audit_record(actor=actor, instance=theme, action="theme retired")
    return theme


@transaction.atomic
def theme_reinstate(*, actor: User | None, theme: Theme) -> Theme:
    _check_shape(actor)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    if not theme.is_retired:
        raise ValidationError(f"‘{theme}’ is in use already")
    theme.retired_at = None
    theme.save(update_fields=["retired_at", "updated_at"])
    audit_record(actor=actor, instance=theme, action="theme brought back")
    return theme
