"""Forms for the strategy. The services decide; these give clear messages on the right field."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from offer.models import Indicator, OfferEntry
from panels.models import Resolution
from strategy.models import Objective, Priority

POSITION_HELP = "Lower numbers come first, for example 10, 20, 30."


def _model_field(form: forms.Form, name: str) -> forms.ModelChoiceField:
    """A model choice field of the form, typed as one (form.fields holds plain Fields)."""
    return cast(forms.ModelChoiceField, form.fields[name])


def _position_field() -> forms.IntegerField:
    return forms.IntegerField(
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


class PriorityForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the priority"

    name = forms.CharField(
        max_length=120,
        label="Name",
        help_text="As the strategy says it, like ‘Stability’ or ‘Health’.",
        error_messages={"required": "Enter the name of the priority"},
    )
    slug = forms.CharField(
        max_length=60,
        required=False,
        label="Short name for web addresses (optional)",
        help_text="Letters, numbers and hyphens. Left blank, it is made from the name.",
    )
    description = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What it means (optional)",
    )
    position = _position_field()

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            Field.text("slug", field_width=20),
            Field.textarea("description"),
            Field.text("position", field_width=4),
        )

    def clean_position(self) -> int:
        return self.cleaned_data.get("position") or 0


class ObjectiveForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the objective"

    priority = forms.ModelChoiceField(
        queryset=Priority.objects.current(),
        label="Priority",
        empty_label="Choose the priority",
        error_messages={
            "required": "Choose the priority this objective serves",
            "invalid_choice": "Choose a priority from the list",
        },
    )
    title = forms.CharField(
        max_length=250,
        label="Objective",
        help_text="What the council means to achieve, like ‘Fewer placement moves’.",
        error_messages={"required": "Enter the objective"},
    )
    description = forms.CharField(
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="More about it (optional)",
        help_text="Counts and themes only: never details that could identify a child.",
    )
    position = _position_field()

    def __init__(self, *args: Any, objective: Objective | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if objective is not None:
            # Its own priority stays on offer when that priority has been retired.
            _model_field(self, "priority").queryset = Priority.objects.filter(
                retired_at__isnull=True
            ) | Priority.objects.filter(pk=objective.priority_id)

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("priority"),
            Field.text("title"),
            Field.textarea("description"),
            Field.text("position", field_width=4),
        )

    def clean_position(self) -> int:
        return self.cleaned_data.get("position") or 0


class ActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Resolution) -> str:
        meeting = obj.item.meeting
        return f"{meeting.body.name}, {meeting.date:%d %B %Y}: {obj.text[:120]}"


class ObjectiveLinksForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the links"

    actions = ActionChoiceField(
        queryset=Resolution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Panel actions",
        help_text="Actions from the panels' minutes that serve this objective.",
    )
    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="KPIs",
        help_text="Indicators that show whether the objective is being met.",
    )
    offer_entries = forms.ModelMultipleChoiceField(
        queryset=OfferEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Offer entries",
        help_text="What the care leaver offer gives young people towards it.",
    )

    def __init__(self, *args: Any, objective: Objective, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        messages = {
            "invalid_choice": "Choose from the list",
            "invalid_pk_value": "Choose from the list",
        }
        for field in self.fields.values():
            field.error_messages.update(messages)
        linked_indicators = objective.indicators.values("pk")
        _model_field(self, "actions").queryset = (
            Resolution.objects.actions()
            .select_related("item__meeting__body")
            .order_by("-item__meeting__date", "item__position", "position")
        )
        # Retired KPIs stay linked if they were; new links go to KPIs still watched.
        _model_field(self, "indicators").queryset = (
            Indicator.objects.current() | Indicator.objects.filter(pk__in=linked_indicators)
        ).order_by("code")
        _model_field(self, "offer_entries").queryset = OfferEntry.objects.order_by("title")

    def build_layout(self) -> Layout:
        return Layout(
            Field.checkboxes("indicators", small=True, legend_size=Size.MEDIUM),
            Field.checkboxes("actions", small=True, legend_size=Size.MEDIUM),
            Field.checkboxes("offer_entries", small=True, legend_size=Size.MEDIUM),
        )
