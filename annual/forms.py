"""Forms for annual reports. The services decide; these give clear messages on the right field
and keep what was typed."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Layout
from django import forms

from annual.models import NARRATIVE_FIELDS, SECTION_LABELS, AnnualReport, YearStart
from annual.services import MAX_PRIORITIES
from annual.snapshot import SECTION_KEYS
from corporate_parenting.forms import GovUKFormMixin
from panels.models import Body, DecisionStatus, Meeting
from panels.reports.forms import MarkupField
from strategy.models import Objective

LEAVE_OUT = ""


class AnnualSettingsForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the settings"

    year_start = forms.ChoiceField(
        label="The year the report covers",
        choices=YearStart.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the year the report covers",
            "invalid_choice": "Choose April to March or the municipal year",
        },
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.radios("year_start"),
            *(Field.select(f"place_{key}") for key in SECTION_KEYS),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None
        places = {
            key: int(data[f"place_{key}"]) for key in SECTION_KEYS if data.get(f"place_{key}")
        }
        if not places and not self.errors:
            self.add_error(f"place_{SECTION_KEYS[0]}", "Choose a place for at least one section")
        taken: dict[int, str] = {}
        for key, place in places.items():
            if place in taken:
                self.add_error(f"place_{key}", f"Place {place} is taken: give each section its own")
            taken[place] = key
        data["sections"] = [key for _, key in sorted(taken.items())]
        return data

    @staticmethod
    def initial_for(year_start: str, sections: list[str]) -> dict[str, str]:
        initial = {"year_start": year_start}
        for n, key in enumerate(sections, start=1):
            initial[f"place_{key}"] = str(n)
        return initial


# A place for each section, made once as the module loads.
_PLACES = [(LEAVE_OUT, "Leave it out")] + [
    (str(n), f"Place {n}") for n in range(1, len(SECTION_KEYS) + 1)
]
for _key in SECTION_KEYS:
    AnnualSettingsForm.base_fields[f"place_{_key}"] = forms.ChoiceField(
        label=SECTION_LABELS[_key],
        choices=_PLACES,
        required=False,
        error_messages={"invalid_choice": "Choose a place from the list, or leave it out"},
    )


class AnnualStartForm(GovUKFormMixin, forms.Form):
    submit_text = "Start the report"

    body = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        label="Whose report",
        help_text="The panel or board that approves it and reports to full council or cabinet.",
        empty_label=None,
        error_messages={
            "required": "Choose the panel or board",
            "invalid_choice": "Choose a panel or board from the list",
        },
    )
    start_year = forms.TypedChoiceField(
        coerce=int,
        label="The year it covers",
        error_messages={
            "required": "Choose the year",
            "invalid_choice": "Choose a year from the list",
        },
    )

    def __init__(self, *args: Any, latest: int, labels: dict[int, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body = self.fields["body"]
        assert isinstance(body, forms.ModelChoiceField)
        body.queryset = Body.objects.order_by("name")
        year = self.fields["start_year"]
        assert isinstance(year, forms.TypedChoiceField)
        year.choices = [(y, labels.get(y, str(y))) for y in range(latest + 1, latest - 5, -1)]


class AnnualWriteForm(GovUKFormMixin, forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Title",
        error_messages={
            "required": "Enter the report's title",
            "max_length": "Use 200 characters or fewer",
        },
    )
    chair_foreword = MarkupField(label=NARRATIVE_FIELDS["chair_foreword"], rows=8)
    council_foreword = MarkupField(
        label=NARRATIVE_FIELDS["council_foreword"],
        rows=8,
        help_text="In the Children in Care Council's own words. Members appear by role only: "
        "no names of children or young people.",
    )
    achievements = MarkupField(label=NARRATIVE_FIELDS["achievements"], rows=8)
    young_text = MarkupField(
        label=NARRATIVE_FIELDS["young_text"],
        rows=6,
        help_text="Printed first in the young person's version: plain words, short sentences, "
        "what changed and what is next.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.layout.pop()

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            *(Field.textarea(name) for name in NARRATIVE_FIELDS),
        )


class ObjectiveChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Objective) -> str:
        return f"{obj.priority.name}: {obj.title}"


class PriorityForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(
        max_length=300,
        required=False,
        label="Priority",
        error_messages={"max_length": "Use 300 characters or fewer"},
    )
    objective = ObjectiveChoice(
        queryset=Objective.objects.none(),
        required=False,
        label="Strategy objective it serves (optional)",
        empty_label="None",
        error_messages={"invalid_choice": "Choose an objective from the list"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.layout.pop()
        objective = self.fields["objective"]
        assert isinstance(objective, forms.ModelChoiceField)
        objective.queryset = (
            Objective.objects.of_current_priorities()
            .select_related("priority")
            .order_by("priority__position", "position")
        )

    def build_layout(self) -> Layout:
        return Layout(Field.text("text"), Field.select("objective"))


PriorityFormSet = forms.formset_factory(
    PriorityForm,
    extra=2,
    max_num=MAX_PRIORITIES,
    validate_max=True,
    absolute_max=MAX_PRIORITIES,
)


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.date:%-d %B %Y}"


class ApproveForm(GovUKFormMixin, forms.Form):
    submit_text = "Record the panel's approval"

    meeting = MeetingChoice(
        queryset=Meeting.objects.none(),
        label="The meeting",
        help_text="A meeting that has been held, whose minutes are not yet approved.",
        error_messages={
            "required": "Choose the meeting at which the panel approved the report",
            "invalid_choice": "Choose a meeting from the list",
        },
    )
    decision_status = forms.ModelChoiceField(
        queryset=DecisionStatus.objects.filter(is_active=True),
        label="The panel's decision",
        error_messages={
            "required": "Choose the panel's decision",
            "invalid_choice": "Choose a decision from the list",
        },
    )

    def __init__(
        self, *args: Any, meetings: list[Meeting], report: AnnualReport, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        meeting = self.fields["meeting"]
        assert isinstance(meeting, forms.ModelChoiceField)
        meeting.queryset = Meeting.objects.filter(pk__in=[m.pk for m in meetings]).order_by("-date")

    def build_layout(self) -> Layout:
        return Layout(Field.select("meeting"), Field.select("decision_status"))
