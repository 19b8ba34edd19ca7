"""Pieces every champions form uses: the no-names reminder, date inputs, year choices and a
quick select for long lists."""

from __future__ import annotations

from crispy_forms_gds.layout import HTML
from django import forms

from corporate_parenting.years import current_political_year

NO_NAMES = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person.</div>"
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, like 27 3 2025",
        },
    )


def model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """A form's model choice field, typed as one (form.fields holds plain Fields)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


def choice(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def year_choices() -> list[tuple[int, str]]:
    current = current_political_year()
    years = [current.previous(), current, current.next()]
    return [(y.start_year, y.label) for y in years]
