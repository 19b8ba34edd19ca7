"""Meeting forms: a new meeting and its details."""

from crispy_forms_gds.layout import Field, Layout
from django import forms

from corporate_parenting.forms import GovUKFormMixin, HttpsURLField
from panels.forms.common import DateInput, TimeInput
from panels.models import Meeting


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

    def __init__(self, *args: object, bodies: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].empty_label = "Choose a body"

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("body"),
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
        )


class MeetingDetailsForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save details"
    online_link = HttpsURLField(
        required=False,
        label="Link to join online (optional)",
        error_messages={"invalid": "Enter a web address starting https://"},
    )

    class Meta:
        model = Meeting
        fields = (
            "date",
            "start_time",
            "venue",
            "online_link",
            "closing_time",
            "next_meeting_date",
            "next_meeting_time",
        )
        labels = {
            "online_link": "Link to join online (optional)",
            "venue": "Venue (optional)",
            "closing_time": "Time the chair closed the meeting",
            "next_meeting_date": "Date of the next meeting",
            "next_meeting_time": "Start time of the next meeting",
        }
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "closing_time": TimeInput(),
            "next_meeting_date": DateInput(),
            "next_meeting_time": TimeInput(),
        }
        error_messages = {
            "date": {"required": "Enter the date of the meeting", "invalid": "Enter a real date"},
            "start_time": {"required": "Enter the start time", "invalid": "Enter a time"},
            "closing_time": {"invalid": "Enter a time, like 20:45"},
            "next_meeting_date": {"invalid": "Enter a real date"},
            "next_meeting_time": {"invalid": "Enter a time, like 18:30"},
        }

    def _post_clean(self) -> None:
        # The service validates the meeting; the form only checks each field.
        pass

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
