"""Forms for reports. Body text is checked here for the author's sake and again in the
services; the services decide."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from corporate_parenting.duties import people_with_duty
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import DutyKind, User
from offer.models import Indicator
from panels.reports.markup import check_markup
from panels.reports.models import Report
from panels.reports.voice import HEADING as VOICE_HEADING
from panels.reports.voice import VoiceChoice, voice_check
from panels.services.reports.drafting import AUTHOR_AS_SPONSOR
from strategy.models import Priority
from voice.models import Theme
from voice.principles import offer_principles, principles_checkboxes, principles_field
from voice.told import quarters_of, year_choices

MARKUP_HELP = (
    "Separate paragraphs with a blank line. Use ## for a sub-heading, - for a bullet, 1. for a "
    "numbered list, | pipes | for a table and [words](https://link) for a link."
)
NO_CHILD_DETAILS = HTML(
    '<div class="govuk-inset-text">Reports are public once published. Never include names or '
    "details that could identify a child or young person: counts and themes only.</div>"
)


def _model_field(form: forms.Form, name: str) -> forms.ModelChoiceField:
    """A model choice field of the form, typed as one (form.fields holds plain Fields)."""
    return cast(forms.ModelChoiceField, form.fields[name])


def _people_with(kind: str, label: str, empty: str) -> forms.ModelChoiceField:
    """A pick-list of the active people holding a duty (corporate_parenting.duties)."""
    return forms.ModelChoiceField(queryset=people_with_duty(kind), label=label, empty_label=empty)


def people_with_duty_or(kind: str, current: User | None) -> QuerySet[User]:
    """The people holding the duty, and the person already chosen even if they no longer hold
    it, so that an older report can still be saved as it is."""
    people = people_with_duty(kind)
    if current is None:
        return people
    return (people | User.objects.filter(pk=current.pk)).distinct().order_by("full_name", "email")


class MarkupField(forms.CharField):
    def __init__(self, *, rows: int = 5, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", MARKUP_HELP)
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)

    def validate(self, value: str) -> None:
        super().validate(value)
        check_markup(value or "")


class ReportCreateForm(GovUKFormMixin, forms.Form):
    submit_text = "Commission the report"

    title = forms.CharField(max_length=250, error_messages={"required": "Enter the title"})
    author = _people_with(DutyKind.REPORT_AUTHOR, "Author", "Choose the officer who writes it")
    sponsor = _people_with(DutyKind.REPORT_SPONSOR, "Sponsor", "Choose the sponsor who approves it")
    sponsor_title = forms.CharField(
        max_length=150,
        required=False,
        label="Sponsor's job title (optional)",
        help_text="As printed on the report, like Director of Children's Services.",
    )

    def __init__(self, *args: Any, report: Report | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offered: people with the author's or sponsor's duty (admins give duties on the people
        # pages), and, for an existing report, whoever it names now.
        _model_field(self, "author").queryset = people_with_duty_or(
            DutyKind.REPORT_AUTHOR, report.author if report else None
        )
        _model_field(self, "sponsor").queryset = people_with_duty_or(
            DutyKind.REPORT_SPONSOR, report.sponsor if report else None
        )
        self.fields["author"].error_messages["required"] = "Choose the author"
        self.fields["sponsor"].error_messages["required"] = "Choose the sponsor"
        for name, duty in (("author", "report author"), ("sponsor", "report sponsor")):
            self.fields[name].error_messages["invalid_choice"] = (
                f"Choose a person with the {duty} duty from the list"
            )
            self.fields[
                name
            ].help_text = f"People with the {duty} duty. An admin gives duties on the people pages."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        author = data.get("author")
        if author is not None and author == data.get("sponsor"):
            self.add_error("sponsor", AUTHOR_AS_SPONSOR)
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.select("author"),
            Field.select("sponsor"),
            Field.text("sponsor_title"),
        )


class ReportForm(GovUKFormMixin, forms.Form):
    """The report's text. Rendered inside the page's own form with the sections below it."""

    title = forms.CharField(max_length=250, error_messages={"required": "Enter the title"})
    sponsor_title = forms.CharField(
        max_length=150, required=False, label="Sponsor's job title (optional)"
    )
    author_contact = forms.CharField(
        max_length=200,
        required=False,
        label="Your contact details (optional)",
        help_text="An e-mail address or phone number printed on the report.",
    )
    purpose = MarkupField(label="Purpose of the report", rows=3)
    summary = MarkupField(label="Executive summary")
    recommendations = forms.CharField(
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Recommendations",
        help_text="One recommendation a line, like “That the panel note the update.” They are "
        "numbered for you.",
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.objects.current(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Strategic priorities this report addresses",
        help_text="The progress of each one's objectives is printed in the report.",
        error_messages={
            "invalid_choice": "Choose strategic priorities from the list",
            "invalid_pk_value": "Choose strategic priorities from the list",
        },
    )
    indicators = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="KPIs to show (optional)",
        help_text="Their latest figures and trend charts are printed in the report.",
    )
    voice_year = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Political year",
        help_text="Leave it out, or choose the year to report on.",
        error_messages={"invalid_choice": "Choose a political year from the list"},
    )
    voice_quarter = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Quarter",
        error_messages={"invalid_choice": "Choose a quarter from the list, or the whole year"},
    )
    voice_themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes (optional)",
        help_text="None ticked: every theme.",
        error_messages={
            "invalid_choice": "Choose themes from the list",
            "invalid_pk_value": "Choose themes from the list",
        },
    )
    principles = principles_field()
    financial_implications = MarkupField(label="Financial implications", rows=3)
    legal_implications = MarkupField(label="Legal implications", rows=3)
    equalities_implications = MarkupField(label="Equalities implications", rows=3)
    risk_implications = MarkupField(label="Risk management implications", rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.layout.pop()  # the page has its own buttons
        years = year_choices()
        year_field = self.fields["voice_year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [("", "Leave this section out")] + [
            (y.start_year, y.label) for y in years
        ]
        quarter_field = self.fields["voice_quarter"]
        assert isinstance(quarter_field, forms.TypedChoiceField)
        # Named by their months, which follow the month the political year starts.
        quarter_field.choices = [("", "The whole year")] + [
            (q.number, q.label) for q in (quarters_of(years[0]) if years else ())
        ]
        # A theme retired since the report chose it stays on offer for this report.
        themes = self.initial.get("voice_themes") or ()
        self.initial["voice_themes"] = themes = [getattr(t, "pk", t) for t in themes]
        _model_field(self, "voice_themes").queryset = Theme.objects.filter(
            Q(retired_at__isnull=True) | Q(pk__in=themes)
        )
        offer_principles(self)
        # A priority retired since the report chose it stays on offer for this report.
        chosen = self.initial.get("priorities") or ()
        if hasattr(chosen, "all"):  # the report's own related manager
            chosen = chosen.all()
        chosen = [getattr(p, "pk", p) for p in chosen]
        self.initial["priorities"] = chosen
        _model_field(self, "priorities").queryset = Priority.objects.filter(
            Q(retired_at__isnull=True) | Q(pk__in=chosen)
        )

    def build_layout(self) -> Layout:
        return Layout(
            NO_CHILD_DETAILS,
            Field.text("title"),
            Field.text("sponsor_title"),
            Field.text("author_contact"),
            Field.textarea("purpose"),
            Field.textarea("summary"),
            Field.textarea("recommendations"),
            Fieldset(
                Field.checkboxes("priorities", small=True),
                legend="Strategy",
                legend_size=Size.MEDIUM,
            ),
            Field.checkboxes("indicators", small=True),
            principles_checkboxes(),
            Fieldset(
                HTML(
                    '<p class="govuk-body">Counts by theme for the period, the trend against the '
                    "same period a year before, where they came from, quotes and what was done. "
                    "The report is public once published, so it shows only what an officer has "
                    "chosen to show on ‘You said, we did’, with counts under 5 as ‘fewer than "
                    "5’.</p>"
                ),
                Field.select("voice_year"),
                Field.select("voice_quarter"),
                Field.checkboxes("voice_themes", small=True),
                legend=VOICE_HEADING,
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("financial_implications"),
                Field.textarea("legal_implications"),
                Field.textarea("equalities_implications"),
                Field.textarea("risk_implications"),
                legend="Implications",
                legend_size=Size.MEDIUM,
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not {"voice_year", "voice_quarter", "voice_themes"} & set(self.errors):
            try:
                voice_check(self.voice_choice())
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    # A retired theme already chosen is the service's to judge (it knows the
                    # report); the list on offer already holds it.
                    if name != "voice_themes":
                        self.add_error(name, messages)
        return data

    def voice_choice(self) -> VoiceChoice:
        data = self.cleaned_data
        return VoiceChoice(
            year=data.get("voice_year"),
            quarter=data.get("voice_quarter"),
            themes=list(data.get("voice_themes") or ()),
        )


class SectionForm(GovUKFormMixin, forms.Form):
    heading = forms.CharField(max_length=200, required=False, label="Section heading")
    body = MarkupField(label="Section text", rows=8)
    DELETE = forms.BooleanField(required=False, label="Remove this section")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper.form_tag = False
        self.helper.layout.pop()

    def build_layout(self) -> Layout:
        return Layout(Field.text("heading"), Field.textarea("body"), Field.checkbox("DELETE"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("body") and not data.get("heading") and not data.get("DELETE"):
            self.add_error("heading", "Enter a heading for this section")
        return data


SectionFormSet = forms.formset_factory(
    SectionForm, extra=1, max_num=40, validate_max=True, absolute_max=40
)


class ReviewForm(GovUKFormMixin, forms.Form):
    submit_text = "Send the decision"

    decision = forms.ChoiceField(
        choices=(("approve", "Approve the report"), ("return", "Return it to the author")),
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages={"required": "Choose whether to approve or return the report"},
    )
    comment = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Comments for the author",
        help_text="Needed when you return the report.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", "Say what the author should change")
        return data

    def build_layout(self) -> Layout:
        return Layout(Field.radios("decision", legend_size=Size.MEDIUM), Field.textarea("comment"))


class AnnexForm(GovUKFormMixin, forms.Form):
    submit_text = "Add the annex"

    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter the title of the annex"}
    )
    file = forms.FileField(
        label="PDF file",
        help_text="A PDF of 20 MB or less.",
        error_messages={"required": "Choose a PDF file"},
    )

    def __init__(self, *args: Any, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"A PDF of {max_bytes // (1024 * 1024)} MB or less."

    def build_layout(self) -> Layout:
        return Layout(Field.text("title"), Field("file"))
