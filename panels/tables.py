import datetime

import django_tables2 as tables
from django.utils.html import format_html

from corporate_parenting.tables import PortalTable, row_link
from panels.models import Declaration, Meeting, PlannedItem, Resolution


def short_date(value: datetime.date) -> str:
    """3 Jan 2025. Python formats dates and times in the tables: tables2's DateColumn and
    TimeColumn compile a template for every cell, most of a long list's time."""
    return f"{value.day} {value:%b %Y}"


class MeetingTable(PortalTable):
    date = tables.Column(linkify=row_link("panels:meeting_detail"), verbose_name="Date")
    body = tables.Column(verbose_name="Body")
    start_time = tables.Column(verbose_name="Starts")
    status = tables.Column(verbose_name="Status")
    item_count = tables.Column(verbose_name="Items", orderable=False)

    class Meta:
        model = Meeting
        fields = ("date", "body", "start_time", "status", "item_count")
        orderable = False

    def render_date(self, value: datetime.date) -> str:
        return short_date(value)

    def render_start_time(self, value: datetime.time) -> str:
        return f"{value:%H:%M}"


class ActionTable(PortalTable):
    text = tables.Column(
        verbose_name="Action", linkify=row_link("panels:action_detail"), order_by=("pk",)
    )
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
        label = short_date(value) if value else "Next meeting"  # type: ignore[arg-type]  # value is the due_on date from with_due_on() when set
        if record.is_overdue:  # type: ignore[attr-defined]  # annotated by with_due_on()
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--red">Overdue</strong>', label
            )
        return label

    def value_due_on(self, value: object) -> str:
        return value.isoformat() if value else "next meeting"  # type: ignore[attr-defined]  # value is the due_on date from with_due_on() when set

    def render_status(self, record: Resolution) -> str:
        return record.get_status_display()


class DeclarationTable(PortalTable):
    meeting = tables.Column(
        accessor="meeting__date", verbose_name="Meeting", order_by=("meeting__date",)
    )
    member = tables.Column(verbose_name="Member")
    item = tables.Column(verbose_name="Item", default="General")
    kind = tables.Column(verbose_name="Kind of interest")
    text = tables.Column(verbose_name="Interest")

    class Meta:
        model = Declaration
        fields = ("meeting", "member", "item", "kind", "text")
        orderable = False

    def render_meeting(self, value: datetime.date) -> str:
        return short_date(value)


class PlannedItemTable(PortalTable):
    month = tables.Column(verbose_name="Month")
    title = tables.Column(verbose_name="Item", linkify=row_link("panels:planned_item_edit"))
    owner = tables.Column(verbose_name="Report author", default="Not yet chosen")
    sponsor = tables.Column(verbose_name="Sponsor", default="Not yet chosen")
    report_deadline = tables.Column(
        verbose_name="Report due", default="When the meeting is arranged", orderable=False
    )
    outcome_label = tables.Column(verbose_name="What became of it", orderable=False)

    class Meta:
        model = PlannedItem
        fields = ("month", "title", "owner", "sponsor", "report_deadline", "outcome_label")
        orderable = False

    def render_month(self, value: datetime.date) -> str:
        return f"{value:%B %Y}"

    def value_month(self, value: datetime.date) -> str:
        return f"{value:%Y-%m}"

    def render_report_deadline(self, value: datetime.date) -> str:
        return short_date(value)

    def value_report_deadline(self, value: datetime.date | None) -> str:
        return value.isoformat() if value else ""
