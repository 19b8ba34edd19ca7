"""The whole published offer on one page (to print) and as a booklet.

Young people and their advisers print the same page, and it changes only when an officer
changes the offer, so its list is rendered once per version of the offer and then served from
the cache.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max, Prefetch, Sum
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from offer.models import OfferCategory, OfferEntry

SECTIONS_TEMPLATE = "offer/_print_sections.html"
SECTIONS_CACHE_SECONDS = 60 * 60 * 24
# What an entry shows on paper: nothing else is read (the search index is large).
PRINTED_FIELDS = (
    "category",
    "title",
    "summary",
    "details",
    "kind",
    "legal_basis",
    "age_from",
    "age_to",
    "how_to_get",
    "contact_phone",
    "link_url",
)

Sections = list[tuple[OfferCategory, list[OfferEntry]]]


def whole_offer() -> Sections:
    """Every category with its published entries, by title, in two queries."""
    published = OfferEntry.objects.published().order_by("title").only(*PRINTED_FIELDS)
    categories = OfferCategory.objects.prefetch_related(
        Prefetch("entries", queryset=published, to_attr="published_entries")
    )
    return [(c, c.published_entries) for c in categories]


def offer_version() -> str:
    """Changes whenever what the printed offer shows changes: an entry published, withdrawn,
    edited or deleted (each save moves updated_at), or a category renamed or reordered."""
    entries = OfferEntry.objects.published().aggregate(
        count=Count("pk"), ids=Sum("pk"), changed=Max("updated_at")
    )
    categories = list(OfferCategory.objects.values_list("pk", "slug", "name", "summary", "order"))
    shown = repr((sorted(entries.items()), categories)).encode()
    return hashlib.sha256(shown).hexdigest()[:32]


def printed_sections() -> SafeString:
    """The contents and every section of the printed offer, rendered once per version."""
    key = f"offer:printed:{offer_version()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(SECTIONS_TEMPLATE, {"sections": whole_offer()})
        cache.set(key, html, SECTIONS_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template above
