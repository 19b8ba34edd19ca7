"""The list of partner organisations and its spreadsheet."""

from __future__ import annotations

import django_filters
import django_tables2 as tables
from django.utils.html import format_html

from corporate_parenting.tables import PortalDateColumn, PortalFilterSet, PortalTable
from corporate_parenting.years import current_political_year
from partners.models import (
    OfferProposal,
    PartnerOrganisation,
    Pledge,
    PledgeStatus,
)


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
        empty_text = "No partner organisations have been added yet."

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


def _years() -> list[tuple[int, str]]:
    """The years pledges are filtered by: next year back to two years ago."""
    current = current_political_year()
    years = [current.next(), current, current.previous(), current.previous().previous()]
    return [(y.start_year, y.label) for y in years]


class PledgeFilter(PortalFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[c for c in PledgeStatus.choices if c[0] != PledgeStatus.DRAFT],
        empty_label="Any status",
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation",
        queryset=PartnerOrganisation.objects.order_by("name"),
        empty_label="Any organisation",
    )
    year = django_filters.ChoiceFilter(label="Year", empty_label="Any year", choices=_years)

    class Meta:
        model = Pledge
        fields: tuple[str, ...] = ()


class PledgeTable(PortalTable):
    what = tables.Column(verbose_name="Pledge")
    organisation = tables.Column(verbose_name="Organisation", accessor="organisation__name")
    for_whom = tables.Column(verbose_name="For")
    due_on = PortalDateColumn(verbose_name="Done by", format="j M Y")
    last_reported_on = PortalDateColumn(
        verbose_name="Last progress", format="j M Y", default="None yet"
    )
    status = tables.Column(verbose_name="Status")

    class Meta:
        model = Pledge
        fields = ()
        empty_text = "No pledges match. Partners' pledges show here once they have made them."

    def render_what(self, record: Pledge) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("partners:pledge_detail", record.pk),
            str(record),
        )

    def value_what(self, record: Pledge) -> str:
        return record.what

    def render_for_whom(self, record: Pledge) -> str:
        ages = record.ages
        return f"{record.get_for_whom_display()}{', ' + ages if ages else ''}"

    def value_for_whom(self, record: Pledge) -> str:
        return self.render_for_whom(record)

    def render_status(self, record: Pledge) -> str:
        return format_html(
            '<strong class="govuk-tag {}">{}</strong>', record.status_tag, record.status_label
        )

    def value_status(self, record: Pledge) -> str:
        return record.status_label


class ProposalTable(PortalTable):
    title = tables.Column(verbose_name="Entry")
    organisation = tables.Column(verbose_name="Proposed by", accessor="organisation__name")
    is_change = tables.Column(verbose_name="New or a change")
    created_at = PortalDateColumn(verbose_name="Sent", format="j M Y")
    status = tables.Column(verbose_name="Status")

    class Meta:
        model = OfferProposal
        fields = ()
        empty_text = "No partner has proposed an offer entry yet."

    def render_title(self, record: OfferProposal) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("partners:proposal_detail", record.pk),
            record.title,
        )

    def value_title(self, record: OfferProposal) -> str:
        return record.title

    def render_is_change(self, value: bool) -> str:
        return "A change" if value else "New"

    def value_is_change(self, value: bool) -> str:
        return "A change" if value else "New"

    def render_status(self, record: OfferProposal) -> str:
        return record.get_status_display()
