"""Counting related rows without joining them into the page's query."""

from django.db import models
from django.db.models import Count, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce


def count_of(rows: models.QuerySet, group: str) -> Coalesce:
    """COUNT(*) of a correlated subquery, as an annotation (0 when there are none): `rows` is
    filtered on OuterRef("pk") through `group`. Unlike Count() over a relation, it joins nothing
    into the outer query, so that query's count, order and limit stay on its own table."""
    counted = rows.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
