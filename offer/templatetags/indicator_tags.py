"""{% load indicator_tags %}{% if user|can_manage_indicators %}: whether to offer the links to
the indicators' pages. The rule is offer/indicators/services/rules.py."""

from typing import Any

from django import template

from offer.indicators.services import can_manage_indicators as _can_manage

register = template.Library()


@register.filter
def can_manage_indicators(user: Any) -> bool:
    return _can_manage(user)
