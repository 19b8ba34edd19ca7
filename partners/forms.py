"""Forms for partner organisations. The services decide; these give clear messages on the
right field."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from corporate_parenting.forms import EMAIL_MAX_LENGTH, GovUKFormMixin
from corporate_parenting.years import current_political_year, political_year_starting
from offer.models import OfferCategory
from offer.models.entries import AGE_HIGHEST, AGE_LOWEST
from panels.forms.common import DateInput
from panels.models import Body
from partners.models import SELF_ASSESSMENT_QUESTIONS, ForWhom, OrganisationKind
from partners.services import AGE_MAX
from voice.models import Principle


class OrganisationForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the organisation"

    name = forms.CharField(
        max_length=150,
        label="Name",
        help_text="As the organisation calls itself, like Northfield NHS Foundation Trust.",
        error_messages={
            "required": "Enter the organisation's name",
            "max_length": "Use 150 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="Kind of organisation",
        choices=OrganisationKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the kind of organisation",
            "invalid_choice": "Choose the kind of organisation from the list",
        },
    )
    is_statutory = forms.BooleanField(
        required=False,
        label="A statutory corporate parent",
        help_text="Named a corporate parent in law, like an NHS body, a school or college, or "
        "the police.",
    )
    slug = forms.CharField(
        max_length=60,
        required=False,
        label="Short name for web addresses (optional)",
        help_text="Letters, numbers and hyphens. Left blank, it is made from the name.",
        error_messages={"max_length": "Use 60 characters or fewer"},
    )
    about = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What they do for children in care and care leavers (optional)",
        help_text="Shown on the organisation's page.",
        error_messages={"max_length": "Use 2,000 characters or fewer"},
    )
    website = forms.URLField(
        max_length=300,
        required=False,
        label="Website (optional)",
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a web address, like https://www.example.nhs.uk",
            "max_length": "Use 300 characters or fewer",
        },
    )
    contact_name = forms.CharField(
        max_length=150,
        required=False,
        label="Contact's name (optional)",
        help_text="Who the council contacts about the partnership.",
        error_messages={"max_length": "Use 150 characters or fewer"},
    )
    contact_email = forms.EmailField(
        max_length=EMAIL_MAX_LENGTH,
        required=False,
        label="Contact's e-mail address (optional)",
        error_messages={
            "invalid": "Enter an e-mail address in the correct format, like name@example.org",
            "max_length": "Use 254 characters or fewer",
        },
    )
    contact_phone = forms.CharField(
        max_length=40,
        required=False,
        label="Contact's phone number (optional)",
        error_messages={"max_length": "Use 40 characters or fewer"},
    )

    board = forms.ModelChoiceField(
        label="The board it answers to (optional)",
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="None",
        help_text="Its late pledges become a standing item on this body's agendas, and the "
        "body's public page lists it as a partner.",
        error_messages={"invalid_choice": "Choose a body from the list"},
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.checkbox("is_statutory"),
            Field.text("slug", field_width=20),
            Field.textarea("about"),
            Field.text("website"),
            Field.text("contact_name"),
            Field.text("contact_email"),
            Field.text("contact_phone", field_width=20),
            Field.select("board"),
        )


class RepresentativeInviteForm(GovUKFormMixin, forms.Form):
    submit_text = "Send the invitation"

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="As it should appear on minutes and papers",
        error_messages={
            "required": "Enter the person's full name",
            "max_length": "Enter a name of 150 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="E-mail address",
        max_length=EMAIL_MAX_LENGTH,
        help_text="The invitation goes here, and they sign in with it",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the person's e-mail address",
            "invalid": "Enter an e-mail address in the correct format, like name@example.org",
            "max_length": "Enter an e-mail address of 254 characters or fewer",
        },
    )
    job_title = forms.CharField(
        label="Job title (optional)",
        required=False,
        max_length=150,
        help_text="Printed with their name, like Designated Nurse for Looked After Children",
        error_messages={"max_length": "Enter a job title of 150 characters or fewer"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field.text("full_name"), Field.text("email"), Field.text("job_title"))


class PledgeForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the pledge"

    year = forms.TypedChoiceField(
        label="Year",
        coerce=int,
        error_messages={
            "required": "Choose the year of the pledge",
            "invalid_choice": "Choose a year from the list",
        },
    )
    what = forms.CharField(
        label="What you will do",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plainly, in a sentence or two, like ‘Every care leaver registered with a GP "
        "gets free prescriptions until they are 25’.",
        error_messages={
            "required": "Enter what you will do",
            "max_length": "Use 1,000 characters or fewer",
        },
    )
    for_whom = forms.ChoiceField(
        label="Who it is for",
        choices=ForWhom.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who the pledge is for",
            "invalid_choice": "Choose who the pledge is for",
        },
    )
    age_from = forms.IntegerField(
        label="From age (optional)",
        required=False,
        min_value=0,
        max_value=AGE_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the age as a whole number, like 16",
            "min_value": f"Enter an age from 0 to {AGE_MAX}",
            "max_value": f"Enter an age from 0 to {AGE_MAX}",
        },
    )
    age_to = forms.IntegerField(
        label="To age (optional)",
        required=False,
        min_value=0,
        max_value=AGE_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the age as a whole number, like 25",
            "min_value": f"Enter an age from 0 to {AGE_MAX}",
            "max_value": f"Enter an age from 0 to {AGE_MAX}",
        },
    )
    how_shown = forms.CharField(
        label="How you will show your progress",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A count, a date, a document: what the Board will see each quarter.",
        error_messages={
            "required": "Enter how you will show your progress",
            "max_length": "Use 1,000 characters or fewer",
        },
    )
    due_on = forms.DateField(
        label="Done by",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date it will be done by",
            "invalid": "Enter the date it will be done by as a real date, like 31 3 2027",
        },
    )
    principle = forms.ModelChoiceField(
        label="The corporate parenting principle it serves",
        queryset=Principle.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose the principle the pledge serves",
            "invalid_choice": "Choose a principle from the list",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)
        current = current_political_year()
        years = {y.start_year: y.label for y in (current.previous(), current, current.next())}
        kept = self.initial.get("year")  # a pledge's own year stays on offer when it is changed
        if isinstance(kept, int) and kept not in years:
            years[kept] = political_year_starting(kept).label
        year.choices = sorted(years.items())

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("year"),
            Field.textarea("what"),
            Field.radios("for_whom", legend_size=Size.SMALL, small=True),
            Fieldset(
                Field.text("age_from", field_width=3),
                Field.text("age_to", field_width=3),
                legend="Ages (optional)",
                legend_size=Size.SMALL,
            ),
            Field.textarea("how_shown"),
            Field.text("due_on", field_width=10),
            Field.radios("principle", legend_size=Size.SMALL, small=True),
        )


class ProgressForm(GovUKFormMixin, forms.Form):
    submit_text = "Report progress"

    summary = forms.CharField(
        label="Progress made",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Counts and what changed, never a young person's name or details. This is "
        "published with the pledge.",
        error_messages={
            "required": "Enter the progress made",
            "max_length": "Use 2,000 characters or fewer",
        },
    )
    figure = forms.CharField(
        label="A figure (optional)",
        max_length=100,
        required=False,
        help_text="Like ‘38 care leavers registered’. Published with the pledge.",
        error_messages={"max_length": "Use 100 characters or fewer"},
    )
    link = forms.URLField(
        label="A link (optional)",
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a web address, like https://www.example.nhs.uk/report",
            "max_length": "Use 300 characters or fewer",
        },
    )
    file = forms.FileField(
        label="A file (optional)",
        required=False,
        help_text="A PDF of up to 10 MB. Read by the Board and your organisation, never published.",
        error_messages={"invalid": "The selected file could not be read"},
    )
    at_risk = forms.BooleanField(
        label="We may not keep this pledge by its date",
        required=False,
        help_text="The pledge shows as at risk until you report again.",
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.textarea("summary"),
            Field.text("figure"),
            Field.text("link"),
            Field("file"),
            Field.checkbox("at_risk"),
        )


class SelfAssessmentForm(GovUKFormMixin, forms.Form):
    """The duty's questions, one text area each; two buttons: save, or send to the Board."""

    submit_text = "Save and come back later"

    def build_layout(self) -> Layout:
        layout = Layout(*(Field.textarea(name, rows=6) for name, _, _ in SELF_ASSESSMENT_QUESTIONS))
        layout.append(
            Submit("complete", "Send it to the Board", css_class="govuk-!-margin-right-3")
        )
        return layout


for _name, _question, _hint in SELF_ASSESSMENT_QUESTIONS:
    SelfAssessmentForm.base_fields[_name] = forms.CharField(
        label=_question,
        help_text=_hint,
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": "Use 5,000 characters or fewer"},
    )


class ProposalForm(GovUKFormMixin, forms.Form):
    submit_text = "Send it to the offer editor"

    category = forms.ModelChoiceField(
        label="Category",
        queryset=OfferCategory.objects.order_by("order"),
        error_messages={
            "required": "Choose a category",
            "invalid_choice": "Choose a category from the list",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=120,
        help_text="Plain English, written to the young person, like ‘Free prescriptions’.",
        error_messages={"required": "Enter a title", "max_length": "Use 120 characters or fewer"},
    )
    summary = forms.CharField(
        label="Summary",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences written to ‘you’.",
        error_messages={
            "required": "Enter a summary",
            "max_length": "Use 300 characters or fewer",
        },
    )
    details = forms.CharField(
        label="What you get (optional)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Use 5,000 characters or fewer"},
    )
    how_to_get = forms.CharField(
        label="How to get it (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Use 2,000 characters or fewer"},
    )
    age_from = forms.IntegerField(
        label="From age",
        min_value=AGE_LOWEST,
        max_value=AGE_HIGHEST,
        initial=16,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the youngest age it is for",
            "invalid": "Enter the age as a whole number, like 16",
            "min_value": f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}",
            "max_value": f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}",
        },
    )
    age_to = forms.IntegerField(
        label="To age",
        min_value=AGE_LOWEST,
        max_value=AGE_HIGHEST,
        initial=25,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the oldest age it is for",
            "invalid": "Enter the age as a whole number, like 25",
            "min_value": f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}",
            "max_value": f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}",
        },
    )
    contact_phone = forms.CharField(
        label="Phone (optional)",
        max_length=30,
        required=False,
        error_messages={"max_length": "Use 30 characters or fewer"},
    )
    link_url = forms.URLField(
        label="Web link (optional)",
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a web address, like https://www.example.nhs.uk",
            "max_length": "Use 300 characters or fewer",
        },
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("category"),
            Field.text("title"),
            Field.textarea("summary"),
            Field.textarea("details"),
            Field.textarea("how_to_get"),
            Fieldset(
                Field.text("age_from", field_width=2),
                Field.text("age_to", field_width=2),
                legend="Who it is for: ages",
                legend_size=Size.SMALL,
            ),
            Field.text("contact_phone", field_width=20),
            Field.text("link_url"),
        )


class DeclineForm(GovUKFormMixin, forms.Form):
    submit_text = "Decline the proposal"

    note = forms.CharField(
        label="Why it is declined",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The partner reads this, so say what they could change.",
        error_messages={
            "required": "Say why, so the partner knows what to change",
            "max_length": "Use 2,000 characters or fewer",
        },
    )
