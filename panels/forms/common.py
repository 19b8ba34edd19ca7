"""What the panels forms share: date and time inputs, the reminder never to identify a child,
and model choices read once."""

from collections.abc import Sequence

from crispy_forms_gds.layout import HTML
from django import forms
from django.db.models import Model

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


def list_choices(field: forms.ModelChoiceField, rows: Sequence[Model]) -> None:
    """Lists a model choice field's options from rows already read. The field's queryset still
    checks what is sent; without this its widget reads the queryset again each time it lists
    the options (to write them, to count them, to decide whether the control is required)."""
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    # Choices set by hand are what a ModelChoiceField lists (it reads its queryset otherwise).
    field.choices = empty + [
        (field.prepare_value(row), field.label_from_instance(row)) for row in rows
    ]
