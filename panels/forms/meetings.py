"""Meeting forms: a new meeting and its details."""

from typing import cast

from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.db.models import QuerySet

from corporate_parenting.forms import GovUKFormMixin, HttpsURLField, list_choices
from panels.forms.common import DateInput, TimeInput
from panels.models import Body, Meeting


class MeetingForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save meeting"
    online_link = HttpsURLField(
        required=False,
        label="Link to join online (optional)",
        error_messages={"invalid": "Enter a web address starting https://"},
    )

    class Meta:
        model = Meeting
        fields = ("body", "date", "start_time", "venue", "online_link")
        labels = {"online_link": "Link to join online (optional)", "venue": "Venue (optional)"}
        widgets = {"date": DateInput(), "start_time": TimeInput()}
        error_messages = {
            "body": {"required": "Choose the body that is meeting"},
            "date": {
                "required": "Enter the date of the meeting",
                "invalid": "Enter a real date, like 9 December 2020",
            },
            "start_time": {
                "required": "Enter the start time",
                "invalid": "Enter a time, like 18:30",
            },
            "online_link": {"invalid": "Enter a web address starting https://"},
        }

    def __init__(self, *args: object, bodies: QuerySet[Body], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        body = cast(forms.ModelChoiceField, self.fields["body"])
        body.queryset = bodies
        body.empty_label = "Choose a body"
        list_choices(body, list(bodies))

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("body"),
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
        )


class MeetingDetailsForm(GovUKFormMixin, forms.Form):
    """Each detail is checked here; the meeting as a whole (closing after it starts, the next
    meeting after this one) is checked by the service, whose errors come back on these fields."""

    submit_text = "Save details"

    date = forms.DateField(
        widget=DateInput(),
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter a real date",
        },
    )
    start_time = forms.TimeField(
        widget=TimeInput(),
        error_messages={"required": "Enter the start time", "invalid": "Enter a time"},
    )
    venue = forms.CharField(max_length=200, required=False, label="Venue (optional)")
    online_link = HttpsURLField(
        max_length=200,
        required=False,
        label="Link to join online (optional)",
        error_messages={"invalid": "Enter a web address starting https://"},
    )
    closing_time = forms.TimeField(
        required=False,
        widget=TimeInput(),
        label="Time the chair closed the meeting",
        error_messages={"invalid": "Enter a time, like 20:45"},
    )
    next_meeting_date = forms.DateField(
        required=False,
        widget=DateInput(),
        label="Date of the next meeting",
        error_messages={"invalid": "Enter a real date"},
    )
    next_meeting_time = forms.TimeField(
        required=False,
        widget=TimeInput(),
        label="Start time of the next meeting",
        error_messages={"invalid": "Enter a time, like 18:30"},
    )

    change_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are the date, time or place changing?",
        help_text="Needed when they change now the agenda is published: members and the public "
        "who asked for alerts are told.",
    )
    short_notice_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for short notice",
        help_text="Needed when a new date leaves fewer than five clear working days.",
    )

    def __init__(self, *args: object, published: bool = False, **kwargs: object) -> None:
        self.published = published
        super().__init__(*args, **kwargs)
        if not published:
            del self.fields["change_reason"]
            del self.fields["short_notice_reason"]

    def build_layout(self) -> Layout:
        fields = [
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
        ]
        if self.published:
            fields += [Field.textarea("change_reason"), Field.textarea("short_notice_reason")]
        return Layout(
            *fields,
            Field.text("closing_time", field_width=5),
            Field.text("next_meeting_date", field_width=10),
            Field.text("next_meeting_time", field_width=5),
        )


class MeetingCancelForm(GovUKFormMixin, forms.Form):
    submit_text = "Cancel the meeting"

    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the meeting cancelled?",
        help_text="Once the agenda is published, shown on the public page and told to members "
        "and the public who asked for alerts.",
        error_messages={"required": "Say why the meeting is cancelled"},
    )


class ItemWithdrawForm(GovUKFormMixin, forms.Form):
    submit_text = "Withdraw the item"

    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the item withdrawn?",
        help_text="The agenda is published: members and the public who asked for alerts are told.",
        error_messages={"required": "Say why the item is withdrawn"},
    )
