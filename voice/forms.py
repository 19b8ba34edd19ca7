"""Forms for voice. The services decide; these give clear messages on the right field."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Layout
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.years import PoliticalYear, current_political_year
from voice.told import quarters_of, year_choices

POSITION_HELP = "Lower numbers come first, for example 10, 20, 30."


class ThemeForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the theme"

    name = forms.CharField(
        max_length=80,
        label="Name",
        help_text="A few plain words, like ‘Housing’ or ‘Feeling safe’.",
        error_messages={
            "required": "Enter the name of the theme",
            "max_length": "Use 80 characters or fewer",
        },
    )
    slug = forms.CharField(
        max_length=60,
        required=False,
        label="Short name for web addresses (optional)",
        help_text="Letters, numbers and hyphens. Left blank, it is made from the name.",
        error_messages={"max_length": "Use 60 characters or fewer"},
    )
    description = forms.CharField(
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What it covers (optional)",
        help_text="Shown to those who tag. Never details about a child.",
        error_messages={"max_length": "Use 1,000 characters or fewer"},
    )
    position = forms.IntegerField(
        min_value=0,
        max_value=999,
        required=False,
        label="Position (optional)",
        help_text=POSITION_HELP,
        error_messages={
            "invalid": "Enter the position as a whole number, like 10",
            "min_value": "Enter a position from 0 to 999",
            "max_value": "Enter a position from 0 to 999",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name", field_width=20),
            Field.text("slug", field_width=20),
            Field.textarea("description"),
            Field.text("position", field_width=4),
        )

    def clean_position(self) -> int:
        return self.cleaned_data.get("position") or 0


class PeriodForm(GovUKFormMixin, forms.Form):
    """?year= and ?quarter=: a political year from the list, and optionally one quarter."""

    submit_text = "Show"

    year = forms.TypedChoiceField(
        label="Political year",
        coerce=int,
        required=False,
        error_messages={"invalid_choice": "Choose a year from the list"},
    )
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "The whole year"), (1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        error_messages={"invalid_choice": "Choose a quarter from the list, or the whole year"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.years = year_choices()
        super().__init__(*args, **kwargs)
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [(y.start_year, y.label) for y in self.years]
        quarter_field = self.fields.get("quarter")
        if isinstance(quarter_field, forms.TypedChoiceField):
            # Named by their months, which follow the month the political year starts.
            quarters = quarters_of(self.years[0]) if self.years else ()
            quarter_field.choices = [("", "The whole year")] + [
                (q.number, q.label) for q in quarters
            ]
        self.helper.form_method = "get"

    def build_layout(self) -> Layout:
        return Layout(Field.select("year"), Field.select("quarter"))

    def chosen(self) -> tuple[PoliticalYear, int | None]:
        """The year and quarter asked for; the current year when nothing valid was asked."""
        current = current_political_year()
        if not self.is_bound or not self.is_valid():
            return current, None
        start_year = self.cleaned_data.get("year")
        year = next((y for y in self.years if y.start_year == start_year), current)
        return year, self.cleaned_data.get("quarter")


class YearForm(PeriodForm):
    """?year= only: the public summary counts whole years."""

    quarter = None  # type: ignore[assignment]  # Django's way to leave out an inherited field

    def build_layout(self) -> Layout:
        return Layout(Field.select("year"))
