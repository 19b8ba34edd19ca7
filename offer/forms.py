from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.db import models

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import STAFF_ROLES, User
from offer.models import CareLeaverStatus, OfferEntry
from offer.services import ENTRY_FIELDS

AGE_CHOICES = [("", "Any age")] + [(str(age), str(age)) for age in range(16, 26)]
STATUS_CHOICES = [("", "Any status")] + [(s.value, s.label) for s in CareLeaverStatus]


class OfferSearchForm(forms.Form):
    """What a young person types and picks to find help. Sent by GET; rendered by hand."""

    q = forms.CharField(required=False, max_length=200)
    age = forms.TypedChoiceField(required=False, choices=AGE_CHOICES, coerce=int, empty_value=None)
    status = forms.ChoiceField(required=False, choices=STATUS_CHOICES)

    def criteria(self) -> dict[str, Any]:
        if not self.is_valid():
            return {"q": "", "age": None, "status": ""}
        return self.cleaned_data


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
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = User.objects.filter(groups__name__in=list(STAFF_ROLES)).distinct()
        owner.empty_label = "Nobody yet"

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
                Field.checkbox("for_eligible"),
                Field.checkbox("for_relevant"),
                Field.checkbox("for_former_relevant"),
                Field.checkbox("for_qualifying"),
                legend="Who it is for: care leaver status",
                legend_size=Size.SMALL,
            ),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("how_to_get"),
            Field.text("contact_phone", field_width=20),
            Field.text("link_url"),
            Field.text("place"),
            Field.select("owner"),
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

    def build_layout(self) -> Layout:
        return Layout(
            Field.radios("decision", legend_size=Size.SMALL),
            Field.textarea("you_said"),
            Field.textarea("we_did"),
        )


class ImportForm(GovUKFormMixin, forms.Form):
    submit_text = "Import figures"
    file = forms.FileField(
        label="CSV file of figures",
        error_messages={"required": "Choose a CSV file to import", "empty": "The file is empty"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field("file"))
