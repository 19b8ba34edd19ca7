"""The list of partner organisations and its spreadsheet."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html

from corporate_parenting.tables import PortalTable
from partners.models import PartnerOrganisation


class OrganisationTable(PortalTable):
    name = tables.Column(verbose_name="Organisation")
    kind = tables.Column(verbose_name="Kind")
    is_statutory = tables.Column(verbose_name="Statutory corporate parent")
    representatives = tables.Column(
        verbose_name="Representatives", accessor="representative_count", orderable=False
    )
    left_on = tables.Column(verbose_name="Left", default="")

    class Meta:
        model = PartnerOrganisation
        fields = ()

    def render_name(self, record: PartnerOrganisation) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', record.get_absolute_url(), record.name
        )

    def value_name(self, record: PartnerOrganisation) -> str:
        return record.name

    def render_kind(self, record: PartnerOrganisation) -> str:
        return record.get_kind_display()

    def value_kind(self, record: PartnerOrganisation) -> str:
        return record.get_kind_display()

    def render_is_statutory(self, value: bool) -> str:
        return "Yes" if value else "No"

    def value_is_statutory(self, value: bool) -> str:
        return "Yes" if value else "No"

    def render_left_on(self, value: object) -> str:
        return f"{value:%-d %b %Y}" if value else ""

    def value_left_on(self, value: object) -> str:
        return f"{value:%d/%m/%Y}" if value else ""
