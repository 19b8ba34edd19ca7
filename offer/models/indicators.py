"""The panel's key performance indicators and their figures, period by period. What the
figures mean (RAG, direction of travel) is offer/kpis."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL

from corporate_parenting.models import BaseModel


class Unit(models.TextChoices):
    PERCENT = "percent", "Percent"
    RATE = "rate", "Rate per 10,000"
    COUNT = "count", "Count"
    DAYS = "days", "Days"


# The largest value each unit can sensibly take; an import refuses anything outside.
UNIT_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    Unit.PERCENT: (Decimal(0), Decimal(100)),
    Unit.RATE: (Decimal(0), Decimal(10000)),
    Unit.COUNT: (Decimal(0), Decimal(10_000_000)),
    Unit.DAYS: (Decimal(0), Decimal(36_500)),
}


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    CONTEXT = "context", "Context only (no RAG)"


class PeriodKind(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def current(self) -> IndicatorQuerySet:
        """Indicators still watched (not retired); retired ones keep their figures."""
        return self.filter(retired_at__isnull=True)

    def for_scorecard(self, periods: int = 12) -> IndicatorQuerySet:
        """Each indicator with its latest measurements, newest first, in two queries. Each
        indicator's latest figures are an index scan of (indicator, -period_start) that stops
        after `periods` rows (a LATERAL join), not a numbering and sort of every figure."""
        indicators, figures = Indicator._meta.db_table, Measurement._meta.db_table
        latest_ids = RawSQL(  # noqa: S611 (table names from the models; periods a parameter)
            f"SELECT latest.id FROM {indicators} i CROSS JOIN LATERAL ("  # noqa: S608 (same)
            f"SELECT m.id FROM {figures} m WHERE m.indicator_id = i.id"
            " ORDER BY m.period_start DESC LIMIT %s) latest",
            [periods],
        )
        latest = Measurement.objects.filter(pk__in=latest_ids).order_by("-period_start")
        return (
            self.order_by("code")
            .select_related("priority")
            .prefetch_related(
                models.Prefetch("measurements", queryset=latest, to_attr="latest_measurements")
            )
        )


class Indicator(BaseModel):
    """A key performance indicator the panel watches."""

    code = models.SlugField(max_length=30, unique=True, help_text="Short code used in imports.")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    # Null: definitions loaded from national reference data have no local priority yet.
    priority = models.ForeignKey(
        "strategy.Priority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="strategic priority",
    )
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        help_text="How far from the target still counts as amber.",
    )
    source = models.CharField(max_length=200, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        verbose_name="KPI owner",
    )
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ("code",)
        constraints = [
            models.CheckConstraint(condition=Q(tolerance__gte=0), name="indicator_tolerance")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"

    @property
    def is_retired(self) -> bool:
        """What current() leaves out, for one indicator a page already holds."""
        return self.retired_at is not None


class Measurement(BaseModel):
    """One period's figure for an indicator, with the comparators."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    period = models.CharField(max_length=10, help_text="2024, 2024-Q1 or 2024-03")
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    england = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    statistical_neighbours = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True
    )
    region = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    is_demo = models.BooleanField(default=False, help_text="invented figures for the demonstration")

    class Meta:
        ordering = ("indicator", "period_start")
        constraints = [
            models.UniqueConstraint(
                fields=("indicator", "period"), name="measurement_one_per_period"
            )
        ]
        indexes = [models.Index(fields=("indicator", "-period_start"))]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"
