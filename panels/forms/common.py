"""What the panels forms share: date and time inputs, the reminder never to identify a child,
and model choices read once."""

from crispy_forms_gds.layout import HTML
from django import forms

NO_CHILD_DETAILS = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person.</div>"
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")
