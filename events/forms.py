from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any, cast

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms
from django.utils.safestring import SafeString, mark_safe

from corporate_parenting.forms import GovUKFormMixin, HttpsURLField
from corporate_parenting.inputs import validate_date_in_range
from corporate_parenting.models import Role, User
from events.annual import Proposal
from events.models import Category, Event

CHILD_WARNING = HTML(
    '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!'
    '</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning'
    "</span>Do not record names or details that identify a child or young person.</strong></div>"
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


class EventForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save event"

    class Meta:
        model = Event
        fields = (
            "title",
            "category",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "location",
            "online_link",
            "description",
            "audience",
            "is_public",
            "involves_children",
            "requires_training",
            "capacity",
            "areas",
            "organiser",
            "is_annual",
            "annual_rule",
        )
        field_classes = {"online_link": HttpsURLField}
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "areas": forms.CheckboxSelectMultiple(),
            "online_link": forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
            "audience": forms.RadioSelect(),
            "annual_rule": forms.RadioSelect(),
        }
        labels = {
            "start_date": "First day",
            "end_date": "Last day",
            "online_link": "Online link",
            "annual_rule": "How the dates move from year to year",
            "capacity": "Places for members",
        }
        help_texts = {
            "start_time": "",
            "online_link": "For example, a Teams meeting link",
            "start_date": "For example, 10 May 2026",
            "end_date": "The same as the first day for a one-day event. Fostering Fortnight, "
            "10 to 23 May, ends on 23 May.",
        }
        error_messages = {
            "title": {"required": "Enter the event's title"},
            "category": {"required": "Choose a category"},
            "start_date": {
                "required": "Enter the first day of the event",
                "invalid": "Enter the first day as a real date, like 10 May 2026",
            },
            "end_date": {
                "required": "Enter the last day of the event",
                "invalid": "Enter the last day as a real date, like 23 May 2026",
            },
            "start_time": {"invalid": "Enter the start time like 10:00 or 14:30"},
            "end_time": {"invalid": "Enter the end time like 12:00 or 16:30"},
            "online_link": {"invalid": "Enter the online link as a web address, like https://..."},
            "capacity": {"invalid": "Enter the number of places as a whole number, like 20"},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        category = cast(forms.ChoiceField, self.fields["category"])
        category.choices = [("", "Choose a category"), *Category.choices]

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.select("category"),
            Fieldset(
                Field.text("start_date", field_width=10),
                Field.text("end_date", field_width=10),
                legend="Dates",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                HTML(
                    '<p class="govuk-hint">Leave both times empty for an all-day event, such as '
                    "an awareness week.</p>"
                ),
                Field.text("start_time", field_width=5),
                Field.text("end_time", field_width=5),
                legend="Times",
                legend_size=Size.MEDIUM,
            ),
            Field.text("location"),
            Field.text("online_link"),
            CHILD_WARNING,
            Field.textarea("description", rows=4),
            Field.radios("audience", legend_size=Size.SMALL),
            Field.checkboxes("is_public"),
            Field.checkboxes("involves_children"),
            Field.checkboxes("requires_training"),
            Field.text("capacity", field_width=4),
            Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
            Field.text("organiser"),
            Field.checkboxes("is_annual"),
            Field.radios("annual_rule", legend_size=Size.SMALL, small=True),
        )


class OverrideSignUpForm(GovUKFormMixin, forms.Form):
    """An admin signs a member up despite the DBS, training or capacity rule, with a reason."""

    submit_text = "Sign the member up"
    person = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Member",
        empty_label="Choose a member",
        error_messages={"required": "Choose the member to sign up"},
    )
    override_reason = forms.CharField(
        label="Reason",
        help_text="Needed when the member has no cleared DBS check or champion training that "
        "the event needs, or the event is full. "
        "It is recorded with the sign-up.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["person"]).queryset = User.objects.filter(
            groups__name=Role.COUNCILLOR
        ).order_by("full_name")

    def build_layout(self) -> Layout:
        return Layout(Field.select("person"), CHILD_WARNING, Field.textarea("override_reason"))


@dataclass(frozen=True)
class RollForwardInput:
    """One control of a roll-forward row, ready to print: no widget templates per row."""

    name: str
    id: str
    value: str  # a date as yyyy-mm-dd, or "" (what was typed, when it was not a date)
    checked: bool
    errors: list[str]


# The roll-forward rows are printed as plain strings with every value escaped (html.escape, as
# Django's escape does): a year's hundred events would take most of the page's time as
# template nodes, and format_html per control costs ten times as much as an f-string.


def _error_messages(control: RollForwardInput) -> str:
    return "".join(
        f'<p class="govuk-error-message" id="{escape(control.id)}-error">'
        f'<span class="govuk-visually-hidden">Error:</span> {escape(error)}</p>'
        for error in control.errors
    )


def _described_by(control: RollForwardInput) -> str:
    return f' aria-describedby="{escape(control.id)}-error"' if control.errors else ""


def _checkbox(control: RollForwardInput, label: str) -> str:
    control_id = escape(control.id)
    return (
        f'<div class="govuk-form-group{" govuk-form-group--error" if control.errors else ""}">'
        f"{_error_messages(control)}"
        '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">'
        '<div class="govuk-checkboxes__item">'
        f'<input class="govuk-checkboxes__input" type="checkbox" name="{escape(control.name)}" '
        f'id="{control_id}"{" checked" if control.checked else ""}{_described_by(control)}>'
        f'<label class="govuk-label govuk-checkboxes__label" for="{control_id}">{escape(label)}'
        "</label></div></div></div>"
    )


def _date(control: RollForwardInput, label: str, title: str) -> str:
    control_id = escape(control.id)
    return (
        f'<div class="govuk-form-group{" govuk-form-group--error" if control.errors else ""}">'
        f'<label class="govuk-label" for="{control_id}">{escape(label)}'
        f'<span class="govuk-visually-hidden"> of {escape(title)}</span></label>'
        f"{_error_messages(control)}"
        f'<input class="govuk-input govuk-input--width-10{" govuk-input--error" if control.errors else ""}" '
        f'type="date" name="{escape(control.name)}" id="{control_id}" '
        f'value="{escape(control.value)}"{_described_by(control)}></div>'
    )


@dataclass(frozen=True)
class RollForwardRow:
    proposal: Proposal
    include: RollForwardInput
    start: RollForwardInput
    end: RollForwardInput
    confirm: RollForwardInput | None  # only where the dates move

    def html(self) -> SafeString:
        """The event's fieldset in GOV.UK markup, every value escaped (see above)."""
        event = self.proposal.event
        moves = (
            '<strong class="govuk-tag govuk-tag--yellow">Dates move: check them</strong>'
            if self.confirm
            else ""
        )
        confirm = (
            _checkbox(self.confirm, f"I have checked the new dates of {event.title}")
            if self.confirm
            else ""
        )
        return mark_safe(  # noqa: S308 - every value in it is escaped in the functions above
            '<fieldset class="govuk-fieldset govuk-!-margin-bottom-6">'
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">'
            f"{escape(event.title)}</legend>{moves}"
            f'<p class="govuk-body">This year: {escape(event.dates_label)}. '
            f"{escape(event.get_annual_rule_display())}.</p>"
            f"{_checkbox(self.include, f'Roll forward {event.title}')}"
            f"{_date(self.start, 'First day next year', event.title)}"
            f"{_date(self.end, 'Last day next year', event.title)}"
            f"{confirm}</fieldset>"
        )


class RollForwardForm(GovUKFormMixin, forms.Form):
    """Next year's dates for each annual event; dates that move must be confirmed.

    A year can hold a hundred annual events, so the page prints `rows()` in one template loop
    rather than a crispy layout of four fields per event."""

    submit_text = "Roll forward to next year"

    def __init__(self, *args: Any, proposals: list[Proposal], **kwargs: Any) -> None:
        self.proposals = proposals
        super().__init__(*args, **kwargs)

    def build_layout(self) -> Layout:
        for proposal in self.proposals:
            title, pk = proposal.event.title, proposal.event.pk
            self.fields[f"include_{pk}"] = forms.BooleanField(
                label=f"Roll forward {title}", required=False, initial=True
            )
            for name, label, day, initial in (
                ("start", "First day next year", "first", proposal.start_date),
                ("end", "Last day next year", "last", proposal.end_date),
            ):
                self.fields[f"{name}_{pk}"] = forms.DateField(
                    label=label,
                    initial=initial,
                    widget=DateInput(),
                    # Added here, after the mixin bounded the form's other dates.
                    validators=[validate_date_in_range],
                    error_messages={
                        "required": f"Enter the {day} day of {title}",
                        "invalid": f"Enter the {day} day of {title} as a real date",
                    },
                )
            if proposal.moves:
                self.fields[f"confirm_{pk}"] = forms.BooleanField(
                    label=f"I have checked the new dates of {title}", required=False
                )
        return Layout()  # templates/events/roll_forward.html prints rows()

    def _input(self, name: str) -> RollForwardInput:
        bound = self[name]
        value = bound.value()
        if isinstance(value, date):
            value = value.isoformat()
        return RollForwardInput(
            name=bound.html_name,
            id=bound.auto_id or name,
            value="" if value in (None, True, False) else str(value),
            checked=bool(value) if isinstance(bound.field, forms.BooleanField) else False,
            errors=[str(error) for error in bound.errors],
        )

    def rows(self) -> list[RollForwardRow]:
        return [
            RollForwardRow(
                proposal=proposal,
                include=self._input(f"include_{proposal.event.pk}"),
                start=self._input(f"start_{proposal.event.pk}"),
                end=self._input(f"end_{proposal.event.pk}"),
                confirm=self._input(f"confirm_{proposal.event.pk}") if proposal.moves else None,
            )
            for proposal in self.proposals
        ]

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        for proposal in self.proposals:
            pk = proposal.event.pk
            if not data.get(f"include_{pk}"):
                continue
            if proposal.moves and not data.get(f"confirm_{pk}"):
                self.add_error(
                    f"confirm_{pk}",
                    f"Confirm the new dates of {proposal.event.title}, or untick it to leave it out",
                )
            start, end = data.get(f"start_{pk}"), data.get(f"end_{pk}")
            if start and end and end < start:
                self.add_error(
                    f"end_{pk}",
                    f"The last day of {proposal.event.title} must be the same as or after its "
                    "first day",
                )
        return data

    def plan(self) -> list[tuple[Event, date, date]]:
        return [
            (
                proposal.event,
                self.cleaned_data[f"start_{proposal.event.pk}"],
                self.cleaned_data[f"end_{proposal.event.pk}"],
            )
            for proposal in self.proposals
            if self.cleaned_data.get(f"include_{proposal.event.pk}")
        ]
