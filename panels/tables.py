import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from panels.models import Declaration, Meeting, Resolution


class MeetingTable(tables.Table):
    date = tables.DateColumn(format="j M Y", linkify=True, verbose_name="Date")
    body = tables.Column(verbose_name="Body")
    start_time = tables.TimeColumn(format="H:i", verbose_name="Starts")
    status = tables.Column(verbose_name="Status")
    item_count = tables.Column(verbose_name="Items", orderable=False)

    class Meta:
        model = Meeting
        fields = ("date", "body", "start_time", "status", "item_count")
        orderable = False


class ActionTable(tables.Table):
    text = tables.Column(verbose_name="Action", linkify=True, order_by=("pk",))
    meeting = tables.Column(
        accessor="item__meeting", verbose_name="From the meeting", orderable=False
    )
    owner = tables.Column(accessor="owner_label", verbose_name="Owner", orderable=False)
    due_on = tables.Column(verbose_name="Due", order_by=("due_on",))
    status = tables.Column(verbose_name="Status")

    class Meta:
        model = Resolution
        fields = ("text", "meeting", "owner", "due_on", "status")
        orderable = False

    def render_meeting(self, value: Meeting) -> str:
        return f"{value.body}, {value.date:%-d %b %Y}"

    def render_due_on(self, value: object, record: Resolution) -> str:
        label = value.strftime("%-d %b %Y") if value else "Next meeting"  # type: ignore[attr-defined]
        if value and record.is_open and value < timezone.localdate():
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', label
            )
        return label

    def value_due_on(self, value: object, record: Resolution) -> str:
        return value.isoformat() if value else "next meeting"  # type: ignore[attr-defined]

    def render_status(self, value: str, record: Resolution) -> str:
        return record.get_status_display()


class DeclarationTable(tables.Table):
    meeting = tables.DateColumn(
        accessor="meeting__date",
        format="j M Y",
        verbose_name="Meeting",
        order_by=("meeting__date",),
    )
    member = tables.Column(verbose_name="Member")
    item = tables.Column(verbose_name="Item", default="General")
    kind = tables.Column(verbose_name="Kind of interest")
    text = tables.Column(verbose_name="Interest")

    class Meta:
        model = Declaration
        fields = ("meeting", "member", "item", "kind", "text")
        orderable = False
