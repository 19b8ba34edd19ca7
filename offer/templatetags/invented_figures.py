"""{% load invented_figures %}{% invented_figures groups as invented %}: whether the figures a
template already has include invented (demonstration) ones. The rule is offer/demo_marking.py."""

from typing import Any

from django import template

from offer.demo_marking import shows_invented_figures

register = template.Library()


@register.simple_tag
def invented_figures(*things: Any) -> bool:
    return shows_invented_figures(*things)
