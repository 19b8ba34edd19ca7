"""A KPI table with its trend charts that panel reports can embed: embed_kpis(["NEET-CL", ...])."""

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from offer.kpis import status_of
from offer.models import Indicator


def embed_kpis(codes: list[str], *, charts: bool = True) -> SafeString:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes).for_scorecard()}
    statuses = [
        status_of(indicators[c], indicators[c].latest_measurements)
        for c in codes
        if c in indicators
    ]
    html = render_to_string("offer/_kpi_table.html", {"statuses": statuses})
    if charts:
        html += "".join(
            f"<figure><figcaption>{escape(s.indicator.name)}</figcaption>{s.chart}</figure>"
            for s in statuses
        )
    return mark_safe(html)  # noqa: S308 - the table is a rendered template; names are escaped
