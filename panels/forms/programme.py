"""Forms for a body's work programme."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from crispy_forms_gds.layout import Field, Layout, Size
from dateutil.relativedelta import relativedelta
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import DutyKind, User
from panels.models import Body, Meeting, PlannedItem
from panels.reports.forms import people_with_duty_or

# How far ahead a month can be planned: this political year and the next.
MONTHS_AHEAD = 24


def month_choices(start: date, current: date | None = None) -> list[tuple[str, str]]:
    """'2026-05' / 'May 2026' for each month from start for two years, and the month already
    chosen when it is outside them."""
    months = [start.replace(day=1) + relativedelta(months=n) for n in range(MONTHS_AHEAD)]
    if current is not None and current not in months:
        months = sorted({*months, current})
    return [("", "Choose a month"), *((f"{m:%Y-%m}", f"{m:%B %Y}") for m in months)]


class MeetingDateField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.date:%-d %B %Y}"


class PlannedItemsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: PlannedItem) -> str:
        return f"{obj.title} ({obj.owner.full_name})" if obj.owner else obj.title


class PlannedItemForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the planned item"

    title = forms.CharField(max_length=250, error_messages={"required": "Enter the title"})
    month = forms.ChoiceField(
        label="Month",
        help_text="The month of the meeting it is planned for. A later month defers it.",
        error_messages={
            "required": "Choose the month",
            "invalid_choice": "Choose a month from the list",
        },
    )
    meeting = MeetingDateField(
        queryset=Meeting.objects.none(),
        required=False,
        label="Meeting (optional)",
        empty_label="The body's meeting in that month",
        help_text="Only when the body meets more than once in the month.",
    )
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Report author (optional)",
        empty_label="Not yet chosen",
    )
    sponsor = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Sponsor (optional)",
        empty_label="Not yet chosen",
    )
    notes = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Notes for officers (optional)",
        help_text="Never shown in public. No names or details of children.",
    )

    def __init__(
        self, *args: Any, body: Body, start: date, item: PlannedItem | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        month_field = cast(forms.ChoiceField, self.fields["month"])
        month_field.choices = month_choices(start, item.month if item else None)
        meetings = Meeting.objects.filter(body=body, date__gte=start).order_by("date")
        meeting_field = cast(forms.ModelChoiceField, self.fields["meeting"])
        meeting_field.queryset = meetings
        for name, kind in (("owner", DutyKind.REPORT_AUTHOR), ("sponsor", DutyKind.REPORT_SPONSOR)):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = people_with_duty_or(kind, getattr(item, name) if item else None)
            field.error_messages["invalid_choice"] = "Choose a person from the list"
        self.fields["owner"].help_text = "People with the report author duty."
        self.fields["sponsor"].help_text = "People with the report sponsor duty."

    def clean_month(self) -> date:
        value = self.cleaned_data["month"]
        return date(int(value[:4]), int(value[5:7]), 1)

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.select("month"),
            Field.select("meeting"),
            Field.select("owner"),
            Field.select("sponsor"),
            Field.textarea("notes"),
        )


class PlannedItemDropForm(GovUKFormMixin, forms.Form):
    submit_text = "Drop the item"

    reason = forms.CharField(
        max_length=300,
        label="Why is it dropped?",
        help_text="Shown in the programme and its export.",
        error_messages={"required": "Say why the item is dropped"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field.text("reason"))


class PlannedItemsTakeForm(GovUKFormMixin, forms.Form):
    submit_text = "Add them to the agenda"

    items = PlannedItemsField(
        queryset=PlannedItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Planned items for this meeting",
        error_messages={
            "required": "Choose at least one planned item",
            "invalid_choice": "Choose items from the list",
            "invalid_pk_value": "Choose items from the list",
        },
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["items"])
        field.queryset = PlannedItem.objects.for_meeting(meeting).select_related("owner")

    def build_layout(self) -> Layout:
        return Layout(Field.checkboxes("items", legend_size=Size.MEDIUM))
