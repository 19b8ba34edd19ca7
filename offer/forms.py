from typing import Any

from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms
from django.db import models

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.inputs import one_line
from corporate_parenting.models import STAFF_ROLES, User
from offer.models import (
    AGE_HIGHEST,
    AGE_LOWEST,
    CareLeaverStatus,
    OfferEntry,
    ages_phrase,
    status_ages_words,
)
from offer.services import ENTRY_FIELDS
from voice.models import Theme
from voice.principles import (
    offer_principles,
    principles_checkboxes,
    principles_field,
    principles_initial,
)

STATUS_CHOICES = [("", "Any status")] + [(s.value, s.label) for s in CareLeaverStatus]
WORDS_MAX_LENGTH = 200
STATUSES_HINT = (
    "Tick each status this is for. Care leavers have each status at these ages: "
    + ", ".join(
        f"{status.label.split(':')[0].lower()} {status_ages_words(status)}"
        for status in CareLeaverStatus
    )
    + ". A status nobody of the ages above can have is refused."
)


class SearchWordsField(forms.CharField):
    """The search box: one line of at most WORDS_MAX_LENGTH characters, cleaned rather than
    refused, so a long or pasted search never costs the ages and status chosen beside it."""

    def to_python(self, value: Any) -> str:
        return one_line(super().to_python(value))[:WORDS_MAX_LENGTH].strip()


def _age_field(end: str) -> forms.IntegerField:
    example = "18" if end == "from" else "25"
    return forms.IntegerField(
        required=False,
        label=f"{end.capitalize()} age",
        min_value=AGE_LOWEST,
        max_value=AGE_HIGHEST,
        error_messages={
            "invalid": f"Enter the ‘{end}’ age as a whole number, like {example}",
            "min_value": f"Enter a ‘{end}’ age from {AGE_LOWEST} to {AGE_HIGHEST}",
            "max_value": f"Enter a ‘{end}’ age from {AGE_LOWEST} to {AGE_HIGHEST}",
        },
    )


class OfferSearchForm(forms.Form):
    """What a young person types and picks to find help: words, the ages they want help for
    (one age, or a range such as 18 to 25) and their care leaver status. Sent by GET; rendered
    by hand (offer/_age_status_fields.html)."""

    q = SearchWordsField(required=False)
    age_from = _age_field("from")
    age_to = _age_field("to")
    status = forms.ChoiceField(
        required=False,
        choices=STATUS_CHOICES,
        error_messages={"invalid_choice": "Choose a care leaver status from the list"},
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        # Links made before the range (?age=19) still work: one age is the range 19 to 19.
        if (
            data is not None
            and data.get("age")
            and not (data.get("age_from") or data.get("age_to"))
        ):
            data = data.copy()
            data["age_from"] = data["age_to"] = data["age"]
        super().__init__(data, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        age_from, age_to = cleaned.get("age_from"), cleaned.get("age_to")
        if age_from is not None and age_to is not None and age_from > age_to:
            self.add_error("age_to", "The ‘to’ age must be the same as or more than the ‘from’ age")
        return cleaned

    def criteria(self) -> dict[str, Any]:
        """What to search for. With errors, only the words (the page shows the errors instead
        of results, and keeps what was typed)."""
        if not self.is_valid():
            q = self.cleaned_data.get("q", "")
            return {"q": q, "age_from": None, "age_to": None, "status": ""}
        return self.cleaned_data

    def is_filtered(self) -> bool:
        criteria = self.criteria()
        return (
            criteria["age_from"] is not None
            or criteria["age_to"] is not None
            or bool(criteria["status"])
        )

    def filters_described(self) -> str:
        """The ages and status searched for, in words: 'ages 18 to 25, status: former relevant'."""
        criteria = self.criteria()
        parts = []
        if criteria["age_from"] is not None or criteria["age_to"] is not None:
            parts.append(ages_phrase(criteria["age_from"], criteria["age_to"]))
        if criteria["status"]:
            label = CareLeaverStatus(criteria["status"]).label.split(":")[0].lower()
            parts.append(f"status: {label}")
        return ", ".join(parts)


class MissingForm(GovUKFormMixin, forms.Form):
    submit_text = "Send"
    text = forms.CharField(
        label="What is missing, or what should we change?",
        help_text="Do not put your name or anything that could identify you or anyone else.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=1000,
        error_messages={
            "required": "Tell us what is missing",
            "max_length": "Use 1,000 characters or fewer",
        },
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def build_layout(self) -> Layout:
        return Layout(Field.textarea("text", max_characters=1000), "page")


def _formfield(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class OfferEntryForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save entry"

    class Meta:
        formfield_callback = _formfield
        model = OfferEntry
        fields = ENTRY_FIELDS  # what the entry services write, listed once
        widgets = {
            "review_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "details": forms.Textarea(attrs={"rows": 6}),
            "how_to_get": forms.Textarea(attrs={"rows": 3}),
            "kind": forms.RadioSelect,
            "status": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": "Enter a title"},
            "summary": {"required": "Enter a summary"},
            "category": {"required": "Choose a category"},
            "review_by": {
                "required": "Enter the date to review this entry by",
                "invalid": "Enter the review date as a real date, like 31/03/2027",
            },
            "link_url": {"invalid": "Enter a web address, like https://www.example.org"},
            "legal_basis": {"max_length": "Use 200 characters or fewer"},
        }

    principles = principles_field()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        offer_principles(self)
        if not self.is_bound:
            self.initial.setdefault("principles", principles_initial(self.instance))
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        # Staff by a subquery on their roles, not a join made distinct again (a sort of every
        # staff member's whole row), and only what the drop-down shows.
        staff = User.groups.through.objects.filter(group__name__in=list(STAFF_ROLES))
        owner.queryset = User.objects.filter(pk__in=staff.values("user_id")).only(
            "pk", "full_name", "email"
        )
        owner.empty_label = "Nobody yet"
        provider = self.fields["provider"]
        assert isinstance(provider, forms.ModelChoiceField)
        provider.empty_label = "The council"

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("category"),
            Field.text("title"),
            Field.textarea("summary", rows=2),
            Field.textarea("details"),
            Fieldset(
                Field.text("age_from", field_width=2),
                Field.text("age_to", field_width=2),
                legend="Who it is for: ages",
                legend_size=Size.SMALL,
            ),
            Fieldset(
                HTML(f'<div class="govuk-hint" id="statuses-hint">{STATUSES_HINT}</div>'),
                Field.checkbox("for_eligible"),
                Field.checkbox("for_relevant"),
                Field.checkbox("for_former_relevant"),
                Field.checkbox("for_qualifying"),
                legend="Who it is for: care leaver status",
                legend_size=Size.SMALL,
            ),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.text("legal_basis"),
            Field.textarea("how_to_get"),
            Field.text("contact_phone", field_width=20),
            Field.text("link_url"),
            Field.text("place"),
            Field.select("owner"),
            Field.select("provider"),
            principles_checkboxes(),
            Field.text("review_by", field_width=10),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
        )


class ModerateForm(GovUKFormMixin, forms.Form):
    submit_text = "Save decision"
    decision = forms.ChoiceField(
        label="What should happen to this feedback?",
        choices=[
            ("publish", "Show it on 'You said, we did' with what we did"),
            ("hide", "Do not show it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to show this feedback"},
    )
    you_said = forms.CharField(
        label="You said",
        help_text="What young people told us, in your own words. Do not record names or details "
        "that identify a child or young person.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    we_did = forms.CharField(
        label="We did",
        help_text="What changed because of it, written to 'you'.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    themes = forms.ModelMultipleChoiceField(
        label="What is it about? (optional)",
        help_text="Tick the themes it raises. They are counted whether or not it is shown.",
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose themes from the list",
            "invalid_pk_value": "Choose themes from the list",
            "list": "Choose themes from the list",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Active themes, and any retired one the feedback already has (it keeps it).
        themes = self.fields["themes"]
        assert isinstance(themes, forms.ModelMultipleChoiceField)
        kept = [getattr(t, "pk", t) for t in self.initial.get("themes") or ()]
        themes.queryset = (Theme.objects.active() | Theme.objects.filter(pk__in=kept)).order_by(
            "position", "name"
        )

    def build_layout(self) -> Layout:
        return Layout(
            Field.radios("decision", legend_size=Size.SMALL),
            Field.textarea("you_said"),
            Field.textarea("we_did"),
            Field.checkboxes("themes", small=True, legend_size=Size.SMALL),
        )


class ImportForm(GovUKFormMixin, forms.Form):
    submit_text = "Import figures"
    file = forms.FileField(
        label="CSV file of figures",
        error_messages={"required": "Choose a CSV file to import", "empty": "The file is empty"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field("file"))
