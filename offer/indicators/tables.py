import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from corporate_parenting.tables import PortalTable
from offer.models import Indicator


class IndicatorTable(PortalTable):
    code = tables.Column(verbose_name="Code")
    name = tables.Column(verbose_name="Indicator")
    priority = tables.Column(verbose_name="Strategic priority", default="None yet")
    owner = tables.Column(verbose_name="KPI owner", default="Nobody yet")
    figures = tables.Column(verbose_name="Figures", accessor="figure_count")
    status = tables.Column(verbose_name="Status", accessor="retired_at", empty_values=())

    class Meta:
        model = Indicator
        template_name = "django_tables2/govuk.html"
        fields = ("code", "name", "priority", "owner", "figures", "status")
        attrs = {"class": "govuk-table"}
        caption = "Indicators"
        orderable = False

    def render_code(self, record: Indicator, value: str) -> SafeString:
        return format_html(
            '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden">: change '
            "{}</span></a>",
            self.row_url("offer:indicator_edit", record.pk),
            value,
            record.name,
        )

    def render_status(self, record: Indicator, value: object) -> SafeString:
        if not record.is_retired:
            return mark_safe('<strong class="govuk-tag govuk-tag--green">Current</strong>')
        return format_html(
            '<strong class="govuk-tag govuk-tag--grey">Retired</strong> {}',
            f"{timezone.localtime(record.retired_at):%d %b %Y}",
        )

    def value_code(self, value: str) -> str:
        return value

    def value_status(self, record: Indicator) -> str:
        if not record.is_retired:
            return "Current"
        return f"Retired {timezone.localtime(record.retired_at):%Y-%m-%d}"
