"""Forms for partner organisations. The services decide; these give clear messages on the
right field."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from corporate_parenting.forms import EMAIL_MAX_LENGTH, GovUKFormMixin
from partners.models import OrganisationKind


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
