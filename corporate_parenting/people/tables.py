"""The list of people, its filters and its spreadsheet."""

from __future__ import annotations

import django_filters
import django_tables2 as tables
from django.db.models import Q, QuerySet
from django.utils.html import format_html

from corporate_parenting.models import DutyKind, Role, User
from corporate_parenting.people.querysets import duty_labels, person_status, role_labels
from corporate_parenting.tables import PortalDateColumn, PortalFilterSet, PortalTable


class PeopleFilter(PortalFilterSet):
    q = django_filters.CharFilter(label="Name or e-mail address", method="filter_q", max_length=100)
    role = django_filters.ChoiceFilter(
        label="Role",
        field_name="groups__name",
        choices=Role.choices,
        empty_label="Any role",
    )
    duty = django_filters.ChoiceFilter(
        label="Duty",
        field_name="duties__kind",
        choices=DutyKind.choices,
        empty_label="Any duty",
    )
    active = django_filters.ChoiceFilter(
        label="Account",
        choices=[("yes", "Active"), ("no", "Not active (invited or deactivated)")],
        method="filter_active",
        empty_label="Active or not",
    )

    class Meta:
        model = User
        fields: tuple[str, ...] = ()

    def filter_q(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(full_name__icontains=value) | Q(email__icontains=value))

    def filter_active(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return queryset.filter(is_active=value == "yes") if value else queryset


class PeopleTable(PortalTable):
    full_name = tables.Column(verbose_name="Name")
    email = tables.Column(verbose_name="E-mail address")
    roles = tables.Column(verbose_name="Roles", accessor="pk", empty_values=())
    duties = tables.Column(verbose_name="Duties", accessor="pk", empty_values=())
    status = tables.Column(verbose_name="Account", accessor="pk", empty_values=())
    last_login = PortalDateColumn(verbose_name="Last signed in", format="j M Y", default="Never")

    class Meta:
        model = User
        fields = ()
        sequence = ("full_name", "email", "roles", "duties", "status", "last_login")
        template_name = "django_tables2/govuk.html"
        caption = "People"
        empty_text = "Nobody matches. Change the filters, or invite someone."
        orderable = False

    def render_full_name(self, value: str, record: User) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("people:detail", record.pk),
            value or record.email,
        )

    def value_full_name(self, value: str) -> str:
        return value

    def render_roles(self, record: User) -> str:
        return ", ".join(role_labels(record)) or "None"

    def value_roles(self, record: User) -> str:
        return ", ".join(role_labels(record))

    def render_duties(self, record: User) -> str:
        return ", ".join(duty_labels(record)) or "None"

    def value_duties(self, record: User) -> str:
        return ", ".join(duty_labels(record))

    def render_status(self, record: User) -> str:
        return person_status(record)

    def value_status(self, record: User) -> str:
        return person_status(record)

    def value_last_login(self, value: object) -> str:
        return value.date().isoformat() if value else ""  # type: ignore[attr-defined]  # a datetime or None
