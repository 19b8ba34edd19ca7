"""{{ text|markup }}: a report's Markdown text as clean HTML (panels.reports.markup)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from panels.reports.markup import render_markup

register = template.Library()


@register.filter
def markup(text: str) -> SafeString:
    return mark_safe(render_markup(text or ""))  # noqa: S308 - nh3 keeps only safe tags
