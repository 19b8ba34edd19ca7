"""The forms KPI owners and admins fill in; every rule is in services.py."""

from __future__ import annotations

from typing import Any

import django_filters
from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.db.models import Q

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.inputs import validate_no_control_characters
from corporate_parenting.models import User
from corporate_parenting.tables import PortalFilterSet
from offer.indicators.services import INDICATOR_FIELDS, owner_choices, target_problem
from offer.models import Indicator, IndicatorQuerySet
from strategy.models import Priority


class IndicatorForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save indicator"

    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS
        labels = {"owner": "KPI owner", "priority": "Strategic priority"}
        help_texts = {
            "code": "Short and unique, used in the figures import: letters, numbers and "
            "hyphens, for example CL-EET-19-21.",
            "definition": "Exactly what is counted, so that everyone reads the figure the same.",
            "target": "Leave empty for a context measure (watched, not judged): it takes no "
            "target.",
            "tolerance": "How far short of the target still counts as amber, in the same unit.",
            "source": "The statistic or system the figures come from.",
            "owner": "The person who enters its figures. Only people with the KPI owner duty "
            "are listed.",
        }
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 4}),
            "unit": forms.RadioSelect,
            "polarity": forms.RadioSelect,
        }
        error_messages = {
            "code": {
                "required": "Enter a code",
                "invalid": "Enter a code of letters, numbers, hyphens or underscores",
                "max_length": "Enter a code of 30 characters or fewer",
            },
            "name": {
                "required": "Enter a name",
                "max_length": "Enter a name of 200 characters or fewer",
            },
            "unit": {"required": "Choose a unit", "invalid_choice": "Choose a unit"},
            "polarity": {
                "required": "Choose whether higher or lower is better",
                "invalid_choice": "Choose whether higher or lower is better",
            },
            "target": {
                "invalid": "Enter the target as a number, like 85 or 12.5",
                "max_digits": "Enter a target of 10 digits or fewer before the point",
                "max_decimal_places": "Enter the target with 2 decimal places or fewer",
                "max_whole_digits": "Enter a target of 10 digits or fewer before the point",
            },
            "tolerance": {
                "required": "Enter a tolerance (0 for none)",
                "invalid": "Enter the tolerance as a number, like 5",
                "max_digits": "Enter a tolerance of 10 digits or fewer before the point",
                "max_decimal_places": "Enter the tolerance with 2 decimal places or fewer",
                "max_whole_digits": "Enter a tolerance of 10 digits or fewer before the point",
            },
            "priority": {"invalid_choice": "Choose a strategic priority from the list"},
            "owner": {"invalid_choice": "Choose a person from the list"},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        # The stored owner and priority stay choosable even if the duty or priority has gone.
        keep_owner = Q(pk=instance.owner_id) if instance.owner_id else Q(pk__in=[])
        keep_priority = Q(pk=instance.priority_id) if instance.priority_id else Q(pk__in=[])
        owner = self.fields["owner"]
        priority = self.fields["priority"]
        assert isinstance(owner, forms.ModelChoiceField)
        assert isinstance(priority, forms.ModelChoiceField)
        owner.queryset = User.objects.filter(
            Q(pk__in=owner_choices().values("pk")) | keep_owner
        ).order_by("full_name", "email")
        owner.empty_label = "Nobody yet"
        priority.queryset = Priority.objects.filter(
            Q(retired_at__isnull=True) | keep_priority
        ).order_by("position", "name")
        priority.empty_label = "None yet"
        self.fields["code"].widget.attrs.update(
            {"spellcheck": "false", "autocapitalize": "characters"}
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Said on the target at once, with any other error, rather than after the rest is right.
        problem = target_problem(cleaned.get("polarity"), cleaned.get("target"))
        if problem and "target" not in self.errors:
            self.add_error("target", problem)
        return cleaned

    def validate_unique(self) -> None:
        """A code already taken is the service's error (it names the indicator that has it, in
        any case), so the form does not check it first with Django's plainer message."""

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("code", field_width=20),
            Field.text("name"),
            Field.textarea("definition"),
            Field.radios("unit", legend_size=Size.SMALL),
            Field.radios("polarity", legend_size=Size.SMALL),
            Field.select("priority"),
            Field.text("target", field_width=10),
            Field.text("tolerance", field_width=10),
            Field.text("source"),
            Field.select("owner"),
        )


class ConfirmForm(GovUKFormMixin, forms.Form):
    """Retire, reinstate or delete: one button, so the step is a deliberate POST."""

    confirm = forms.CharField(widget=forms.HiddenInput, initial="yes", required=False)

    def __init__(self, *args: object, submit_text: str = "Continue", **kwargs: object) -> None:
        self.submit_text = submit_text
        super().__init__(*args, **kwargs)

    def build_layout(self) -> Layout:
        return Layout("confirm")


class DefinitionsImportForm(GovUKFormMixin, forms.Form):
    submit_text = "Import definitions"
    file = forms.FileField(
        label="CSV file of indicator definitions",
        error_messages={"required": "Choose a CSV file to import", "empty": "The file is empty"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field("file"))


class ReferenceForm(GovUKFormMixin, forms.Form):
    """The national measures the council picks to add; those it has already are not offered."""

    submit_text = "Add the measures ticked"
    codes = forms.MultipleChoiceField(
        label="National measures to add",
        help_text="Tick the measures the council reports. Each is added as a definition only: "
        "no figures, target, priority or owner.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Tick at least one national measure to add",
            "invalid_choice": "Tick measures from the list: one ticked is not in it (it may "
            "have been added meanwhile)",
        },
    )

    def __init__(self, *args: object, choices: list[Choice], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        codes = self.fields["codes"]
        assert isinstance(codes, forms.MultipleChoiceField)
        codes.choices = choices

    def build_layout(self) -> Layout:
        return Layout(Field.checkboxes("codes", legend_size=Size.MEDIUM, small=True))


class ScorecardOptionsForm(forms.Form):
    """The scorecard's one option, read from the address (page, spreadsheet and PDF alike):
    ?all=1 shows the measures with no figures too. Anything else there is an error, never a
    guess."""

    all = forms.ChoiceField(
        label="Show measures with no figures",
        choices=[("", "Only measures with figures"), ("1", "Every measure")],
        required=False,
        error_messages={
            "invalid_choice": "To show measures with no figures, tick the box: the address "
            "takes all=1, or nothing"
        },
    )

    def with_empty(self) -> bool:
        """Whether to show measures with no figures: only when asked, and asked properly."""
        return self.is_valid() and self.cleaned_data["all"] == "1"


class IndicatorFilter(PortalFilterSet):
    status = django_filters.ChoiceFilter(
        label="Show",
        choices=[
            ("current", "Current indicators"),
            ("retired", "Retired indicators"),
            ("all", "Current and retired"),
        ],
        empty_label=None,
        method="filter_status",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    q = django_filters.CharFilter(
        label="Code or name contains",
        method="filter_text",
        max_length=100,
        validators=[validate_no_control_characters],
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-one-half"}),
    )

    class Meta:
        model = Indicator
        fields = ("status", "q")

    def filter_status(
        self, queryset: IndicatorQuerySet, name: str, value: str
    ) -> IndicatorQuerySet:
        if value == "current":
            return queryset.current()
        if value == "retired":
            return queryset.filter(retired_at__isnull=False)
        return queryset

    def filter_text(self, queryset: IndicatorQuerySet, name: str, value: str) -> IndicatorQuerySet:
        value = (value or "").strip()
        if not value:
            return queryset
        return queryset.filter(Q(code__icontains=value) | Q(name__icontains=value))
