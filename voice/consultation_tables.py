"""The consultations list and the moderation queue, on the page and as CSV."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from corporate_parenting.small_numbers import public_count
from corporate_parenting.tables import PortalTable
from voice.consultation_models import Consultation, Finding
from voice.identifying import warnings_for

DEMO_TAG = mark_safe(' <strong class="govuk-tag govuk-tag--grey">Demonstration</strong>')


class ConsultationTable(PortalTable):
    held_from = tables.Column(verbose_name="Held")
    title = tables.Column(verbose_name="Consultation")
    kind = tables.Column(verbose_name="Kind")
    took_part = tables.Column(verbose_name="Took part", empty_values=(), orderable=False)
    findings_moderated = tables.Column(verbose_name="Findings")

    class Meta:
        model = Consultation
        template_name = "django_tables2/govuk.html"
        fields: tuple[str, ...] = ("held_from", "title", "kind", "took_part", "findings_moderated")
        caption = "Consultations with children and young people"
        orderable = False

    def render_held_from(self, record: Consultation) -> str:
        return record.when

    def value_held_from(self, record: Consultation) -> str:
        return record.when

    def render_title(self, record: Consultation, value: str) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>{}',
            self.row_url("voice:consultation_detail", record.pk),
            value,
            DEMO_TAG if record.is_demo else "",
        )

    def value_title(self, value: str) -> str:
        return value

    def render_took_part(self, record: Consultation) -> int:
        return record.took_part

    def value_took_part(self, record: Consultation) -> str:
        """The spreadsheet leaves the portal: a count under 5 is "fewer than 5"."""
        return public_count(record.took_part)


class StaffConsultationTable(ConsultationTable):
    """For those who moderate: how many findings wait."""

    findings_waiting = tables.Column(verbose_name="Waiting for moderation")

    class Meta(ConsultationTable.Meta):
        fields = (*ConsultationTable.Meta.fields, "findings_waiting")


class ModerationTable(PortalTable):
    consultation = tables.Column(accessor="consultation__title", verbose_name="Consultation")
    statement = tables.Column(verbose_name="Finding (select to moderate)")
    status = tables.Column(verbose_name="Status of the finding")
    quotes_waiting = tables.Column(verbose_name="Quotes waiting")
    check = tables.Column(verbose_name="Check before approving", empty_values=())

    class Meta:
        model = Finding
        template_name = "django_tables2/govuk.html"
        fields = ("consultation", "statement", "status", "quotes_waiting", "check")
        caption = "Findings and quotes waiting for moderation"
        orderable = False

    def render_statement(self, record: Finding, value: str) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("voice:finding_moderate", record.pk),
            Truncator(value).chars(120),
        )

    def value_statement(self, value: str) -> str:
        return value

    def value_status(self, record: Finding) -> str:
        return record.get_status_display()

    @staticmethod
    def _warnings(record: Finding) -> list[str]:
        """The statement's warnings and those of its quotes waiting (prefetched), each once."""
        found = warnings_for(record.statement)
        for quote in record.waiting_quotes:  # type: ignore[attr-defined]  # prefetched by the view
            found += warnings_for(quote.text)
        return list(dict.fromkeys(found))

    def render_check(self, record: Finding) -> str:
        found = self._warnings(record)
        if not found:
            return "Nothing flagged"
        return format_html(
            '<ul class="govuk-list govuk-!-margin-0">{}</ul>',
            format_html_join("", "<li>{}</li>", ((w,) for w in found)),
        )

    def value_check(self, record: Finding) -> str:
        return "; ".join(self._warnings(record))
