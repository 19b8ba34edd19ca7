import django_tables2 as tables
from django.utils.html import format_html

from champions.models import Engagement, Member
from champions.progress import target_for
from corporate_parenting.tables import PortalDateColumn, PortalTable


class EngagementTable(PortalTable):
    date = PortalDateColumn(format="j M Y", verbose_name="Date")
    member = tables.Column(
        verbose_name="Champion",
        accessor="member__user__full_name",
        order_by=("member__user__full_name",),
    )
    area = tables.Column(verbose_name="Area", accessor="area__name", default="No area yet")
    kind = tables.Column(verbose_name="Kind")
    young_people_count = tables.Column(verbose_name="Young people")
    status = tables.Column(verbose_name="Status")
    follow_up_status = tables.Column(verbose_name="Follow-up", default="None")
    # In the spreadsheet only.
    event_title = tables.Column(verbose_name="Event", visible=False)
    what_we_did = tables.Column(verbose_name="What they did", visible=False)
    young_people_said = tables.Column(verbose_name="What young people said", visible=False)
    follow_up_requested = tables.Column(verbose_name="Follow-up asked for", visible=False)
    follow_up_response = tables.Column(verbose_name="Response", visible=False)

    class Meta:
        model = Engagement
        fields = ()
        sequence = (
            "date",
            "member",
            "area",
            "kind",
            "young_people_count",
            "status",
            "follow_up_status",
        )
        caption = "Engagements"
        empty_text = "No engagements match. Change the filters, or log one."
        # Not sortable: the core table's hidden "sort" hints escape the scrolling wrapper on a
        # phone until .portal-table-wrapper gets position: relative.
        orderable = False

    def render_date(self, value, record) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("champions:engagement_detail", record.pk),
            value.strftime("%-d %b %Y"),
        )

    def value_date(self, value) -> str:
        return value.isoformat()

    def render_kind(self, record) -> str:
        return record.get_kind_display()

    def value_kind(self, record) -> str:
        return record.get_kind_display()

    def render_status(self, record) -> str:
        tag = "govuk-tag--grey" if record.is_draft else "govuk-tag--green"
        return format_html(
            '<strong class="govuk-tag {}">{}</strong>', tag, record.get_status_display()
        )

    def value_status(self, record) -> str:
        return record.get_status_display()

    def render_follow_up_status(self, record) -> str:
        return record.get_follow_up_status_display() if record.follow_up_status else "None"

    def value_follow_up_status(self, record) -> str:
        return record.get_follow_up_status_display() if record.follow_up_status else ""


class MemberTable(PortalTable):
    name = tables.Column(
        verbose_name="Councillor", accessor="user__full_name", order_by=("user__full_name",)
    )
    ward = tables.Column(verbose_name="Ward")
    party = tables.Column(verbose_name="Party")
    dbs = tables.Column(verbose_name="DBS", accessor="dbs_status")
    training_completed_on = PortalDateColumn(
        verbose_name="Training", format="j M Y", default="Not yet"
    )
    engagement_count = tables.Column(verbose_name="Engagements this year")

    class Meta:
        model = Member
        fields = ()
        sequence = ("name", "ward", "party", "dbs", "training_completed_on", "engagement_count")
        template_name = "django_tables2/govuk.html"
        caption = "Members"
        empty_text = "No members yet. Appoint a champion to add one."
        orderable = False

    # Set per request from the champion settings (see member_table_for); a member's own target
    # wins (champions.progress.target_for).
    target = 3
    valid_years = 3

    def render_name(self, value, record) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("champions:member_edit", record.pk),
            value,
        )

    def render_dbs(self, record) -> str:
        return record.dbs_summary(valid_years=self.valid_years)

    def value_dbs(self, record) -> str:
        return record.dbs_summary(valid_years=self.valid_years)

    def render_engagement_count(self, value, record) -> str:
        return f"{value} of {target_for(record, self.target)}"


def member_table_for(*, target: int, valid_years: int) -> type[MemberTable]:
    """The member table with this year's target and DBS validity (from the champion settings)."""

    class MemberTableNow(MemberTable):
        class Meta(MemberTable.Meta):
            pass

    MemberTableNow.target = target
    MemberTableNow.valid_years = valid_years
    return MemberTableNow
