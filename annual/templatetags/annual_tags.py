from django import template
from django.utils.safestring import SafeString

from annual.charts import chart_rows, draw_chart
from annual.snapshot import Chart

register = template.Library()


@register.simple_tag
def annual_chart(chart: Chart, key: str, number: int) -> SafeString:
    return draw_chart(chart, f"chart-{key}-{number}")


@register.filter
def annual_chart_rows(chart: Chart) -> list[list[str]]:
    return chart_rows(chart)
