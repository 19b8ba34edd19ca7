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

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
            Field.text("closing_time", field_width=5),
            Field.text("next_meeting_date", field_width=10),
            Field.text("next_meeting_time", field_width=5),
        )
