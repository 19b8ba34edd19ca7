"""{% strategy_progress priorities as progress %}: the progress rows of strategy.progress for
pages owned by other apps (a panel report shows its priorities' progress)."""

from __future__ import annotations

from django import template
from django.db.models import QuerySet

from strategy.models import Priority
from strategy.progress import PriorityProgress, progress_of

register = template.Library()


@register.simple_tag
def strategy_progress(priorities: QuerySet[Priority]) -> list[PriorityProgress]:
    """The priorities that have objectives, with their progress."""
    return [p for p in progress_of(priorities) if p.objectives]
