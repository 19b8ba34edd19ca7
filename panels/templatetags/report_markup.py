"""{{ text|markup }}: a report's Markdown text as clean HTML (panels.reports.markup)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from panels.reports.markup import render_markup

register = template.Library()


@register.filter
def markup(text: str) -> SafeString:
    return scrollable_tables(render_markup(text or ""))


@register.filter
def scrollable_tables(html: str) -> SafeString:
    """Each table of already-cleaned report HTML in a region that scrolls on a phone and can be
    reached by keyboard."""
    wrapped = html.replace(
        "<table>",
        '<div class="portal-table-wrapper" tabindex="0" role="region" aria-label="Table"><table>',
    ).replace("</table>", "</table></div>")
    return mark_safe(wrapped)  # noqa: S308 - the input is nh3-cleaned report HTML
