"""Forms for inviting people, their roles, duties and end of term, and setting a password."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone

from corporate_parenting.forms import EMAIL_MAX_LENGTH, GovUKFormMixin, SetPasswordForm
from corporate_parenting.inputs import validate_no_control_characters
from corporate_parenting.models import DutyKind, Role


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def roles_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Roles",
        # A partner representative is invited from their organisation's page (partners), which
        # links them to it; their role is kept when an admin changes the council roles here.
        choices=[(value, label) for value, label in Role.choices if value != Role.PARTNER],
        widget=forms.CheckboxSelectMultiple,
        help_text="Councillors log engagements and read papers; officers run meetings, reports, "
        "KPIs and the offer; admins also manage people and the portal.",
        error_messages={
            "required": "Choose at least one role",
            "invalid_choice": "Choose roles from the list",
        },
    )


class InvitationForm(GovUKFormMixin, forms.Form):
    submit_text = "Send the invitation"

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        validators=[validate_no_control_characters],
        help_text="As it should appear on minutes and reports, like Councillor Ruth Hollis",
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
    roles = roles_field()
    duties = forms.MultipleChoiceField(
        label="Duties (optional)",
        required=False,
        choices=DutyKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="What they are responsible for: these decide the pick-lists they appear in "
        "and the reminders they get",
        error_messages={"invalid_choice": "Choose duties from the list"},
    )
    job_title = forms.CharField(
        label="Job title (optional)",
        required=False,
        max_length=150,
        validators=[validate_no_control_characters],
        help_text="Printed with their duties, like Director of Children's Services",
        error_messages={"max_length": "Enter a job title of 150 characters or fewer"},
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("full_name"),
            Field.text("email"),
            Field.checkboxes("roles", legend_size=Size.SMALL),
            Field.checkboxes("duties", legend_size=Size.SMALL, small=True),
            Field.text("job_title"),
        )


class RolesForm(GovUKFormMixin, forms.Form):
    submit_text = "Save roles"

    roles = roles_field()

    def __init__(self, *args: Any, partner: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partner:  # their partner role stays, so the council roles may all be left empty
            self.fields["roles"].required = False
            self.fields[
                "roles"
            ].help_text = (
                "They represent a partner organisation: that role stays whatever is chosen here."
            )

    def build_layout(self) -> Layout:
        return Layout(Field.checkboxes("roles", legend_size=Size.SMALL))


class DutyGrantForm(GovUKFormMixin, forms.Form):
    submit_text = "Give this duty"

    kind = forms.ChoiceField(
        label="Duty",
        choices=DutyKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a duty",
            "invalid_choice": "Choose a duty from the list",
        },
    )
    job_title = forms.CharField(
        label="Job title with this duty (optional)",
        required=False,
        max_length=150,
        validators=[validate_no_control_characters],
        help_text="Like Director of Children's Services. Giving a duty they hold changes its title.",
        error_messages={"max_length": "Enter a job title of 150 characters or fewer"},
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.radios("kind", legend_size=Size.SMALL, small=True), Field.text("job_title")
        )


class KnownAsForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the name"

    known_as = forms.CharField(
        label="Name to use in e-mails (optional)",
        required=False,
        max_length=150,
        error_messages={"max_length": "Enter a name of 150 characters or fewer"},
    )

    def __init__(self, *args: object, default_name: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["known_as"].help_text = (
            f"E-mails start Hello, then this name. Leave it blank to use {default_name}, "
            "worked out from the full name."
        )
        self.fields["known_as"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def build_layout(self) -> Layout:
        return Layout(Field.text("known_as", field_width=20))


class DeactivateForm(GovUKFormMixin, forms.Form):
    submit_text = "Deactivate the account"

    reason = forms.CharField(
        label="Why is the account being closed?",
        max_length=500,
        validators=[validate_no_control_characters],
        help_text="Recorded in the audit trail, like 'Did not stand at the May election'",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why the account is being closed, like 'Term ended'",
            "max_length": "Enter a reason of 500 characters or fewer",
        },
    )
    ended_on = forms.DateField(
        label="Date their term or job ended",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date their term or job ended",
            "invalid": "Enter the date their term or job ended as a real date, like 7 5 2026",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ended_on"].initial = timezone.localdate()

    def build_layout(self) -> Layout:
        return Layout(Field.textarea("reason"), Field.text("ended_on", field_width=10))


class ReactivateForm(GovUKFormMixin, forms.Form):
    submit_text = "Reactivate the account"

    reason = forms.CharField(
        label="Why is the account being opened again? (optional)",
        required=False,
        max_length=500,
        validators=[validate_no_control_characters],
        help_text="Recorded in the audit trail, like 'Re-elected in May'",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "Enter a reason of 500 characters or fewer"},
    )

    def build_layout(self) -> Layout:
        return Layout(Field.textarea("reason"))


class InvitationAcceptForm(SetPasswordForm):
    """Django's SetPasswordForm: the password validators in AUTH_PASSWORD_VALIDATORS run on it."""

    submit_text = "Set my password"
