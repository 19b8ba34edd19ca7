from typing import Any

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from corporate_parenting.tables import PortalTable
from offer.models import Feedback, OfferEntry
from voice.identifying import identifying_details


class OfferEntryTable(PortalTable):
    title = tables.Column(verbose_name="Entry")
    category = tables.Column(accessor="category__name", verbose_name="Category")
    status = tables.Column(verbose_name="Status")
    owner = tables.Column(verbose_name="Owner", default="Nobody")
    review_by = tables.Column(verbose_name="Review by")

    class Meta:
        model = OfferEntry
        template_name = "django_tables2/govuk.html"
        fields = ("title", "category", "status", "owner", "review_by")
        attrs = {"class": "govuk-table"}
        caption = "Offer entries"
        orderable = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()  # once per page, not once per row

    def render_title(self, record: OfferEntry, value: str) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("offer:entry_edit", record.pk),
            value,
        )

    def render_review_by(self, record: OfferEntry, value: object) -> str:
        text = f"{value:%d %b %Y}"
        if record.is_past_review(self.today):
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--red">Past review</strong>', text
            )
        return text

    def value_title(self, value: str) -> str:
        return value

    def value_review_by(self, value: object) -> str:
        return f"{value:%Y-%m-%d}"


class FeedbackTable(PortalTable):
    created_at = tables.Column(verbose_name="Sent")
    kind = tables.Column(verbose_name="Kind")
    text = tables.Column(verbose_name="What they said (select to moderate)", default="")
    entry = tables.Column(verbose_name="About", default="The whole offer")
    status = tables.Column(verbose_name="Status")
    check = tables.Column(verbose_name="Check before approving", empty_values=())

    class Meta:
        model = Feedback
        template_name = "django_tables2/govuk.html"
        fields = ("created_at", "kind", "text", "entry", "status", "check")
        caption = "Feedback from young people"
        orderable = False

    def render_created_at(self, value: object) -> str:
        return f"{value:%d %b %Y}"

    def render_text(self, record: Feedback, value: str) -> str:
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            self.row_url("offer:feedback_moderate", record.pk),
            Truncator(value).chars(120),
        )

    def value_text(self, value: str) -> str:
        return value

    def value_status(self, record: Feedback) -> str:
        return record.get_status_display()

    def render_check(self, record: Feedback) -> str:
        found = identifying_details(record.text)
        if not found:
            return "Nothing flagged"
        return format_html(
            '<ul class="govuk-list govuk-!-margin-0">{}</ul>',
            format_html_join("", "<li>{}</li>", ((flag,) for flag in found)),
        )

    def value_check(self, record: Feedback) -> str:
        return "; ".join(identifying_details(record.text))
