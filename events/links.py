"""Addresses of many objects' pages at the cost of one reverse().

A page that links a year of events would otherwise call reverse() (or `{% url %}`) once per
row, and at a few hundred rows that is most of its time."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

# Stands for the primary key in the one address reversed; never a real event's pk in the path.
_MARKER = 987654321


def path_for_each(url_name: str) -> Callable[[int], str]:
    """`reverse(url_name, args=[pk])` as a function of pk, for a URL whose only argument is an
    `<int:pk>`: the path is reversed once and the pk put in its place."""
    before, _, after = reverse(url_name, args=[_MARKER]).rpartition(str(_MARKER))
    return lambda pk: f"{before}{pk}{after}"
