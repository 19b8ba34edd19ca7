import django_tables2 as tables
from django.utils.html import format_html

from corporate_parenting.tables import PortalTable
from events.models import Event


class EventTable(PortalTable):
    title = tables.Column(verbose_name="Event", order_by=("title",))
    start_date = tables.Column(verbose_name="Dates", order_by=("start_date", "start_time"))
    times = tables.Column(verbose_name="Time", empty_values=(), orderable=False)
    category = tables.Column(verbose_name="Category")
    places = tables.Column(verbose_name="Places", empty_values=(), orderable=False)

    class Meta:
        model = Event
        fields = ("title", "start_date", "times", "category", "places")
        caption = "Events"
        empty_text = "No events match. Try other filters."
        attrs = {"class": "govuk-table"}
        # Ordered by date; no sortable headers (their hidden text widens the page at 390 px).
        orderable = False

    def render_title(self, record: Event) -> str:
        suffix = (
            ' <strong class="govuk-tag govuk-tag--red">Cancelled</strong>'
            if record.is_cancelled
            else ""
        )
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>' + suffix,
            self.row_url("events:detail", record.pk),
            record.title,
        )

    def value_title(self, record: Event) -> str:
        return record.title + (" (cancelled)" if record.is_cancelled else "")

    def render_start_date(self, record: Event) -> str:
        return record.dates_label

    def render_times(self, record: Event) -> str:
        return record.times_label

    def render_places(self, record: Event) -> str:
        return record.places_label
