"""The audit trail in the portal, for admins: what people did (sign-ins, settings, moderation,
responses, files...) and every change to a governance record with before and after, filtered,
with CSV. Read-only: nothing here, or anywhere, edits the trail."""

from datetime import date, datetime, time, timedelta
from typing import Any

import django_filters
import django_tables2 as tables
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from pghistory.models import Context, Events

from corporate_parenting.audit_changes import ChangeRows, change_list, for_record
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import AuditEvent, Role, User
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import (
    PortalDateTimeColumn,
    PortalFilterSet,
    PortalTable,
    table_page,
)

CHANGE_CHOICES = [("insert", "Created"), ("update", "Changed"), ("delete", "Deleted")]


def _people() -> QuerySet[User]:
    return User.objects.order_by("full_name").only("full_name", "email")  # what str() shows


def _record_type_choices() -> list[tuple[str, str]]:
    from corporate_parenting.history.models import GOVERNANCE_MODELS

    return sorted(
        ((m._meta.label, str(m._meta.verbose_name).capitalize()) for m in GOVERNANCE_MODELS),
        key=lambda pair: pair[1],
    )


# --- what people did (AuditEvent) ---------------------------------------------------------------


class ActivityFilter(PortalFilterSet):
    actor = django_filters.ModelChoiceFilter(label="Who", queryset=_people(), empty_label="Anyone")
    action = django_filters.CharFilter(label="What they did", lookup_expr="icontains")
    record = django_filters.CharFilter(
        label="Record", field_name="object_repr", lookup_expr="icontains"
    )
    since = django_filters.DateFilter(
        label="From (YYYY-MM-DD)", field_name="at", lookup_expr="date__gte"
    )
    until = django_filters.DateFilter(
        label="To (YYYY-MM-DD)", field_name="at", lookup_expr="date__lte"
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []


class ActivityTable(PortalTable):
    at = PortalDateTimeColumn(format="j M Y H:i", verbose_name="When")
    actor = tables.Column(verbose_name="Who", accessor="actor__full_name", default="The portal")
    action = tables.Column(verbose_name="What")
    kind = tables.Column(
        verbose_name="Record type", accessor="content_type__model", orderable=False
    )
    object_repr = tables.Column(verbose_name="Record")
    changes = tables.Column(verbose_name="Before and after", orderable=False)
    note = tables.Column(verbose_name="Note", default="")

    class Meta:
        model = AuditEvent
        fields = ("at", "actor", "action", "kind", "object_repr", "changes", "note")
        order_by = ("-at",)

    def render_changes(self, value: dict[str, Any]) -> str:
        return "; ".join(f"{name}: {pair[0]!s} → {pair[1]!s}" for name, pair in value.items())

    def value_changes(self, value: dict[str, Any]) -> str:
        return self.render_changes(value)


@role_required(Role.ADMIN)
def activity(request: SignedInRequest) -> HttpResponse:
    rows = AuditEvent.objects.select_related("actor", "content_type")
    return table_page(
        request,
        table_class=ActivityTable,
        filterset=ActivityFilter(request.GET or None, queryset=rows),
        template="core/audit_trail.html",
        csv_filename="audit-trail.csv",
        context={"page": "activity"},
    )


# --- every change to a governance record (pghistory events, written by triggers) -----------------


class ChangeFilter(PortalFilterSet):
    record_type = django_filters.ChoiceFilter(
        label="Record type",
        field_name="pgh_obj_model",
        choices=_record_type_choices,
        empty_label="Any record",
    )
    record_id = django_filters.CharFilter(label="Record number", method="filter_record_id")
    change = django_filters.ChoiceFilter(
        label="Change", field_name="pgh_label", choices=CHANGE_CHOICES, empty_label="Any change"
    )
    who = django_filters.ModelChoiceFilter(
        label="Who", queryset=_people(), empty_label="Anyone", method="filter_who"
    )
    # Whole days where the portal is, as a range of times, so the index on the time serves.
    since = django_filters.DateFilter(label="From (YYYY-MM-DD)", method="filter_since")
    until = django_filters.DateFilter(label="To (YYYY-MM-DD)", method="filter_until")

    class Meta:
        model = Events
        fields: list[str] = []

    def filter_record_id(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return for_record(queryset, value)

    def filter_who(self, queryset: QuerySet, name: str, value: User) -> QuerySet:
        contexts = Context.objects.filter(metadata__user=value.pk).values("pk")
        return queryset.filter(pgh_context_id__in=contexts)

    def filter_since(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        return queryset.filter(pgh_created_at__gte=_start_of(value))

    def filter_until(self, queryset: QuerySet, name: str, value: date) -> QuerySet:
        return queryset.filter(pgh_created_at__lt=_start_of(value + timedelta(days=1)))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class ChangeTable(PortalTable):
    """Sorted and paged on `change_list()`; the rows drawn are full `Events` (ChangeRows)."""

    # Newest first; the event's id, then its table, order the changes saved together (two tables
    # can hold the same id at the same moment), so pages never overlap and the CSV keeps their order.
    pgh_created_at = PortalDateTimeColumn(
        format="j M Y H:i:s",
        verbose_name="When",
        order_by=("pgh_created_at", "pgh_id", "pgh_model"),
    )
    who = tables.Column(verbose_name="Who", accessor="pgh_context", orderable=False, default="")
    # Each record type is one event table, where the event's id is unique.
    pgh_obj_model = tables.Column(verbose_name="Record type", order_by=("pgh_obj_model", "pgh_id"))
    pgh_obj_id = tables.Column(
        verbose_name="Record number", order_by=("pgh_obj_id", "pgh_obj_model", "pgh_id")
    )
    pgh_label = tables.Column(
        verbose_name="Change", order_by=("pgh_label", "pgh_created_at", "pgh_id")
    )
    pgh_diff = tables.Column(verbose_name="Before and after", orderable=False, default="")
    # In the spreadsheet only; not a column to sort by (the list has no data to sort on).
    pgh_data = tables.Column(verbose_name="Record after the change", visible=False, orderable=False)

    class Meta:
        order_by = ("-pgh_created_at",)

    def __init__(self, data: QuerySet[Events], *args: Any, **kwargs: Any) -> None:
        super().__init__(ChangeRows(data), *args, **kwargs)
        self.names = dict(User.objects.order_by().values_list("pk", "full_name"))
        self.labels = dict(_record_type_choices())

    def render_who(self, value: Any) -> str:
        user = (value or {}).get("user")
        return self.names.get(user, "") if user else "Not signed in, or outside a request"

    def value_who(self, value: Any) -> str:
        return self.render_who(value)

    def render_pgh_obj_model(self, value: str) -> str:
        return self.labels.get(value, value)

    def render_pgh_label(self, value: str) -> str:
        return dict(CHANGE_CHOICES).get(value, value)

    def render_pgh_diff(self, value: dict[str, Any] | None) -> str:
        return "; ".join(
            f"{name}: {pair[0]!s} → {pair[1]!s}" for name, pair in (value or {}).items()
        )

    def value_pgh_diff(self, value: dict[str, Any] | None) -> str:
        return self.render_pgh_diff(value)


@role_required(Role.ADMIN)
def changes(request: SignedInRequest) -> HttpResponse:
    rows = change_list()
    return table_page(
        request,
        table_class=ChangeTable,
        filterset=ChangeFilter(request.GET or None, queryset=rows),
        template="core/audit_trail.html",
        csv_filename="record-changes.csv",
        context={"page": "changes"},
    )
