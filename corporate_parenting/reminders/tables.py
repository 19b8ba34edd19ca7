"""The ledger's table and filters: what was sent to whom and when, what failed and why."""

from __future__ import annotations

import django_filters
import django_tables2 as tables
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import format_html

from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder, ReminderStatus
from corporate_parenting.tables import PortalFilterSet, PortalTable

STATUS_TAGS = {
    ReminderStatus.PENDING: "govuk-tag--grey",
    ReminderStatus.SENDING: "govuk-tag--blue",
    ReminderStatus.RETRY: "govuk-tag--yellow",
    ReminderStatus.SENT: "govuk-tag--green",
    ReminderStatus.FAILED: "govuk-tag--red",
    ReminderStatus.SKIPPED: "govuk-tag--grey",
}


def _when(value: object) -> str:
    return timezone.localtime(value).strftime("%-d %b %Y %H:%M") if value else ""  # type: ignore[arg-type]  # value is a datetime when set


class LedgerFilter(PortalFilterSet):
    status = django_filters.ChoiceFilter(
        choices=ReminderStatus.choices, empty_label="Any status", label="Status"
    )
    kind = django_filters.ChoiceFilter(choices=Kind.choices, empty_label="Any kind", label="Kind")
    to = django_filters.CharFilter(label="Sent to (e-mail address)", method="filter_to")
    since = django_filters.DateFilter(
        label="Made on or after (for example 1/12/2026)",
        field_name="created_at",
        lookup_expr="date__gte",
    )

    class Meta:
        model = Reminder
        fields = ("status", "kind")

    def filter_to(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(to_email__icontains=value) | Q(recipient__email__icontains=value))


class LedgerTable(PortalTable):
    pk = tables.Column(verbose_name="Number")
    kind = tables.Column(verbose_name="Kind")
    to_email = tables.Column(verbose_name="To", empty_values=())
    created_at = tables.Column(verbose_name="Made")
    sent_at = tables.Column(verbose_name="Sent")
    status = tables.Column(verbose_name="Status")
    last_error = tables.Column(verbose_name="Why not sent", empty_values=())

    class Meta:
        model = Reminder
        fields = ("pk", "kind", "to_email", "created_at", "sent_at", "status", "last_error")
        orderable = False

    def render_pk(self, value: int) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("reminders:detail", value),
            value,
        )

    def render_kind(self, record: Reminder) -> str:
        label = record.get_kind_display()
        return f"{label} (resend)" if record.is_resend else label

    def value_kind(self, record: Reminder) -> str:
        return self.render_kind(record)

    def render_to_email(self, record: Reminder) -> str:
        return record.to_email or "(no address)"

    def value_to_email(self, record: Reminder) -> str:
        return record.to_email

    def render_created_at(self, value: object) -> str:
        return _when(value)

    def value_created_at(self, value: object) -> str:
        return timezone.localtime(value).isoformat() if value else ""  # type: ignore[arg-type]  # value is a datetime when set

    def render_sent_at(self, value: object) -> str:
        return _when(value)

    def value_sent_at(self, value: object) -> str:
        return timezone.localtime(value).isoformat() if value else ""  # type: ignore[arg-type]  # value is a datetime when set

    def render_status(self, record: Reminder) -> str:
        return format_html(
            '<strong class="govuk-tag {}">{}</strong>',
            STATUS_TAGS.get(ReminderStatus(record.status), ""),
            record.get_status_display(),
        )

    def value_status(self, record: Reminder) -> str:
        return record.get_status_display()

    def render_last_error(self, record: Reminder) -> str:
        return record.last_error if record.status != ReminderStatus.SENT else ""

    def value_last_error(self, record: Reminder) -> str:
        return self.render_last_error(record)
