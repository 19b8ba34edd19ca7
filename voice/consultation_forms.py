"""Forms for consultations, findings, quotes and their moderation. The services decide
(voice/consultations.py); these give clear messages on the right field."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin, list_choices
from corporate_parenting.models import User
from panels.models import Resolution
from strategy.models import Objective
from voice.consultation_models import AGE_BAND_MAX, AGE_BANDS, ConsultationKind
from voice.consultations import (
    QUOTE_MAX,
    STATEMENT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Decision,
    participation_officers,
)
from voice.models import Theme
from voice.principles import offer_principles, principles_checkboxes, principles_field

NO_NAMES = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person: no name, school, placement, home, phone number or e-mail address, and no age "
    "with another detail. Anything that looks like one is flagged for the moderator.</div>"
)
CHOOSE = {
    "invalid_choice": "Choose from the list",
    "invalid_pk_value": "Choose from the list",
    "list": "Choose from the list",
}


def _max(limit: int) -> dict[str, str]:
    return {"max_length": f"Use {limit:,} characters or fewer"}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date(label: str, *, required: bool, what: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={
            "required": f"Enter {what}",
            "invalid": f"Enter {what} as a real date, like 27 3 2026",
        },
    )


def _band(label: str) -> forms.IntegerField:
    what = (
        f"how many aged {label.lower()} took part"
        if label[0].isdigit()
        else (f"how many {label.lower()} took part")
    )
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=AGE_BAND_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "invalid": f"Enter {what} as a whole number, like 12",
            "min_value": f"Enter {what}, from 0",
            "max_value": f"Enter {what}, up to 100,000",
        },
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.email


class ActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Resolution) -> str:
        meeting = obj.item.meeting
        return f"{meeting.body.name}, {meeting.date:%-d %B %Y}: {obj.text[:120]}"


def _model_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class ConsultationForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the consultation"

    title = forms.CharField(
        max_length=TITLE_MAX,
        label="Title",
        help_text="For example ‘Make A Noise 2026’.",
        error_messages={"required": "Enter the title of the consultation", **_max(TITLE_MAX)},
    )
    kind = forms.ChoiceField(
        label="What kind of consultation was it?",
        choices=ConsultationKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of consultation it was",
            "invalid_choice": "Choose what kind of consultation it was",
        },
    )
    asked = forms.CharField(
        max_length=TEXT_MAX,
        label="What were young people asked?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what young people were asked", **_max(TEXT_MAX)},
    )
    held_from = _date(
        "Held on, or from", required=True, what="the date it was held, or the date it started"
    )
    held_to = _date("Until (optional)", required=False, what="the date it ended")
    run_by = PersonChoiceField(
        label="Who ran it? (optional)",
        help_text="The participation officer.",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not recorded",
        error_messages={"invalid_choice": "Choose the participation officer from the list"},
    )

    under_11 = _band("Under 11")
    aged_11_to_15 = _band("11 to 15")
    aged_16_to_17 = _band("16 to 17")
    aged_18_to_21 = _band("18 to 21")
    aged_22_to_25 = _band("22 to 25")
    age_not_known = _band("Age not known")

    def __init__(self, *args: Any, current_run_by: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        run_by = _model_field(self, "run_by")
        run_by.queryset = participation_officers(current_run_by)
        list_choices(run_by, list(run_by.queryset))

    def build_layout(self) -> Layout:
        return Layout(
            NO_NAMES,
            Field.text("title"),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("asked"),
            Field("held_from"),
            Field("held_to"),
            Field.select("run_by"),
            Fieldset(
                HTML(
                    '<p class="govuk-hint">Counts only, never names. Leave a band blank for '
                    "none.</p>"
                ),
                *[Field.text(name, field_width=4) for name, _ in AGE_BANDS],
                legend="How many took part, by age",
                legend_size=Size.SMALL,
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        held_from, held_to = data.get("held_from"), data.get("held_to")
        if held_from and held_to and held_to < held_from:
            self.add_error(
                "held_to", "The date it ended must be the same as or after the date it started"
            )
        return data

    def age_bands(self) -> dict[str, int | None]:
        return {name: self.cleaned_data.get(name) for name, _ in AGE_BANDS}


class FindingForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the finding"

    statement = forms.CharField(
        max_length=STATEMENT_MAX,
        label="What did young people tell you?",
        help_text="One short statement, in your words, for example ‘Young people want to know "
        "who their personal adviser is before they turn 18’.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what young people told you", **_max(STATEMENT_MAX)},
    )
    themes = forms.ModelMultipleChoiceField(
        label="What is it about? (optional)",
        help_text="Tick the themes it raises.",
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOOSE,
    )
    quote = forms.CharField(
        max_length=QUOTE_MAX,
        required=False,
        label="A quote (optional)",
        help_text="Young people's own words, with nothing that identifies anyone. A moderator "
        "approves it before anyone else reads it. You can add more quotes afterwards.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_max(QUOTE_MAX),
    )
    actions = ActionChoiceField(
        label="Panel actions it led to (optional)",
        required=False,
        queryset=Resolution.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOOSE,
    )
    principles = principles_field()
    objectives = forms.ModelMultipleChoiceField(
        label="Strategy objectives it led to (optional)",
        required=False,
        queryset=Objective.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOOSE,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Active themes, and any retired one the finding already has (it keeps it).
        themes = _model_field(self, "themes")
        kept = [getattr(t, "pk", t) for t in self.initial.get("themes") or ()]
        themes.queryset = (Theme.objects.active() | Theme.objects.filter(pk__in=kept)).order_by(
            "position", "name"
        )
        list_choices(themes, list(themes.queryset))
        actions = _model_field(self, "actions")
        actions.queryset = (
            Resolution.objects.actions()
            .select_related("item__meeting__body")
            .order_by("-item__meeting__date", "item__position", "position")
        )
        list_choices(actions, list(actions.queryset))
        objectives = _model_field(self, "objectives")
        objectives.queryset = Objective.objects.select_related("priority")
        list_choices(objectives, list(objectives.queryset))
        offer_principles(self)

    def build_layout(self) -> Layout:
        fields: list[Any] = [
            NO_NAMES,
            Field.textarea("statement"),
            Field.checkboxes("themes", small=True, legend_size=Size.SMALL),
        ]
        if "quote" in self.fields:
            fields.append(Field.textarea("quote"))
        fields += [
            Field.checkboxes("actions", small=True, legend_size=Size.SMALL),
            Field.checkboxes("objectives", small=True, legend_size=Size.SMALL),
            principles_checkboxes(),
        ]
        return Layout(*fields)


class FindingEditForm(FindingForm):
    """Changing a finding: its quotes are added and moderated one by one."""

    quote = None  # type: ignore[assignment]  # Django's way to leave out an inherited field


class QuoteForm(GovUKFormMixin, forms.Form):
    submit_text = "Add the quote"

    text = forms.CharField(
        max_length=QUOTE_MAX,
        label="The quote",
        help_text="Young people's own words, with nothing that identifies anyone. A moderator "
        "approves it before anyone else reads it.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the quote", **_max(QUOTE_MAX)},
    )

    def build_layout(self) -> Layout:
        return Layout(NO_NAMES, Field.textarea("text"))


class FindingModerateForm(GovUKFormMixin, forms.Form):
    submit_text = "Save decision"

    decision = forms.ChoiceField(
        label="What should happen to this finding?",
        choices=[
            (Decision.APPROVE, "Approve it: it counts, for members and officers to read"),
            (
                Decision.SHOW,
                "Approve it and show it on the public summary, with what was done",
            ),
            (Decision.REJECT, "Reject it: it is neither counted nor shown"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what should happen to this finding",
            "invalid_choice": "Choose what should happen to this finding",
        },
    )
    we_did = forms.CharField(
        max_length=STATEMENT_MAX,
        required=False,
        label="What was done (needed to show it publicly)",
        help_text="What changed because of it, written to ‘you’.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_max(STATEMENT_MAX),
    )

    def build_layout(self) -> Layout:
        return Layout(Field.radios("decision", legend_size=Size.SMALL), Field.textarea("we_did"))
