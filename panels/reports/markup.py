"""The small, safe markup of a report's body text.

Officers write Markdown, which needs no JavaScript: paragraphs, "## Headings", "- lists",
"1. lists", tables with pipes and [links](https://...). It becomes HTML through Python-Markdown
and is then cleaned by nh3, which keeps only the tags below. Anything that looks like a script
is refused with a message, so the author knows their text was not kept as typed.
"""

from __future__ import annotations

import re

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
# What looks like a script, refused so the author knows their text was not kept as typed: a
# dangerous tag, an event handler inside a tag, a javascript: address in a link. Ordinary prose
# ("Ongoing = 12", "JavaScript: a course") is text, and nh3 would drop a script anyway.
FORBIDDEN = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed|form|input|button|svg|math|link|meta)\b"
    r"|<[^<>]{0,300}\son[a-z]+\s*="
    r"|(\]\(|\bhref\s*=\s*[\"']?|\bsrc\s*=\s*[\"']?|<)\s*javascript\s*:",
    re.IGNORECASE,
)
MAX_LENGTH = 50_000


def check_markup(text: str) -> None:
    """Refuse what the markup cannot hold; the caller puts the error on its field."""
    if len(text) > MAX_LENGTH:
        raise ValidationError(f"Keep this to {MAX_LENGTH:,} characters or fewer")
    if "\x00" in text:
        raise ValidationError("Remove the control characters from the text")
    found = FORBIDDEN.search(text)
    if found:
        raise ValidationError(
            f"Remove “{found.group(0).strip()}”: the text may use paragraphs, headings, lists, "
            "tables and links only, and never scripts"
        )


def render_markup(text: str) -> SafeString:
    """Markdown to clean HTML. Headings start at h3: the report's own headings are above."""
    html = markdown.markdown(
        text.replace("\r\n", "\n"),
        extensions=["tables", "sane_lists"],
        output_format="html",
    )
    # "# A heading" in a section is a sub-heading of that section.
    html = re.sub(r"<(/?)h[12]>", r"<\1h3>", html)
    html = re.sub(r"<(/?)h[56]>", r"<\1h4>", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 kept only the tags and attributes above
