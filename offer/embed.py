"""A KPI table with its trend charts that panel reports can embed: embed_kpis(["NEET-CL", ...])."""

from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from offer.kpis import status_of
from offer.models import Indicator
from offer.scorecard import latest_figures


def embed_kpis(codes: list[str]) -> SafeString:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes).for_scorecard()}
    statuses = [
        status_of(indicators[c], latest_figures(indicators[c])) for c in codes if c in indicators
    ]
    table = render_to_string("offer/_kpi_table.html", {"statuses": statuses})
    # Names are escaped by format_html_join; each chart is already a rendered, escaped template.
    figures = format_html_join(
        "",
        "<figure><figcaption>{}</figcaption>{}</figure>",
        ((status.indicator.name, status.chart) for status in statuses),
    )
    return SafeString(table + figures)
