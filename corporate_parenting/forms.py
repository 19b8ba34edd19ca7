from collections.abc import Callable, Sequence
from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Model

from corporate_parenting import client, throttle
from corporate_parenting.inputs import (
    has_control_characters,
    validate_date_in_range,
    validate_no_control_characters,
    validate_one_line,
)
from corporate_parenting.logo import (
    CHOOSE_MESSAGE,
    LOGO_MAX_BYTES,
    TOO_BIG_MESSAGE,
    PreparedLogo,
    logo_prepare,
)
from corporate_parenting.models import SiteSettings
from corporate_parenting.widgets import list_model_choices, select_like

EMAIL_MAX_LENGTH = 254  # RFC 5321, and User.email


def _text_validator(field: forms.Field) -> Callable[[str], None] | None:
    """The check every text field a person types into gets: one line for a text box, no
    control characters but line breaks and tabs for a text area. Passwords are as typed."""
    if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
        return None
    if isinstance(field.widget, forms.Textarea):
        return validate_no_control_characters
    return validate_one_line


class GovUKFormMixin:
    """Every form renders through crispy-forms-gds with an error summary at the top."""

    submit_text = "Continue"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]  # mixed into Django forms only
            # Every date a person types is bounded in one place (corporate_parenting/inputs.py).
            if (
                isinstance(field, forms.DateField)
                and validate_date_in_range not in field.validators
            ):
                field.validators.append(validate_date_in_range)
            # And every text: one line in a text box, no hidden control characters anywhere.
            text_validator = _text_validator(field)
            if text_validator is not None and text_validator not in field.validators:
                field.validators.append(text_validator)
            # Drop-downs write their options in Python (widgets.Select): Django's Select renders
            # two templates an option, most of a form's time where a list is long.
            if type(field.widget) is forms.Select:
                field.widget = select_like(field.widget)
            if isinstance(field, forms.ModelChoiceField):
                list_model_choices(field)
        self.helper = FormHelper()
        self.helper.show_non_field_errors = False  # the error summary above the form lists them
        self.helper.layout = self.build_layout()
        self.helper.layout.append(Submit("submit", self.submit_text))

    def build_layout(self) -> Layout:
        return Layout(*self.fields)  # type: ignore[attr-defined]  # mixed into Django forms only

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]  # the form's full_clean, after this mixin
        # GOV.UK marks the control itself in error too (red border); crispy-forms-gds only marks
        # the form group.
        for name in self.errors:  # type: ignore[attr-defined]  # mixed into Django forms only
            field = self.fields.get(name)  # type: ignore[attr-defined]  # mixed into Django forms only
            if field is None:
                continue
            widget = field.widget
            if isinstance(widget, forms.Select):
                error_class = "govuk-select--error"
            elif isinstance(widget, forms.Textarea):
                error_class = "govuk-textarea--error"
            elif isinstance(widget, forms.widgets.Input) and widget.input_type not in {
                "checkbox",
                "radio",
            }:
                error_class = "govuk-input--error"
            else:
                continue
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}".strip()


class HttpsURLField(forms.URLField):
    """A web address that must be https://: a meeting or event link sent over plain http can be
    read or changed on the way (a Teams link is an invitation into the meeting)."""

    default_validators = [URLValidator(schemes=["https"])]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
        self.error_messages.setdefault("invalid", "Enter a web address starting https://")

    def validate(self, value: str) -> None:
        super().validate(value)
        if value and not value.lower().startswith("https://"):
            raise ValidationError(
                "Enter a web address starting https:// (a secure link), not http://",
                code="not_https",
            )


class SignInForm(GovUKFormMixin, auth_forms.AuthenticationForm):
    submit_text = "Sign in"
    error_messages = {
        "invalid_login": "Enter a correct e-mail address and password",
        "inactive": "This account has been closed. Ask your portal admin to open it again.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "E-mail address"
        self.fields["username"].widget.input_type = "email"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["username"].error_messages["required"] = "Enter your e-mail address"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean_username(self) -> str:
        # AuthenticationForm sets max_length after the field is built, so Django never checks
        # it; without this, a long name reached django-axes' 255-character column (a 500).
        username = self.cleaned_data["username"]
        if len(username) > EMAIL_MAX_LENGTH or has_control_characters(username):
            raise ValidationError(
                "Enter a correct e-mail address and password", code="invalid_login"
            )
        return username

    def clean(self) -> dict:
        # Password spraying: many accounts from one address, each below axes' per-account lock.
        if self.request is not None and throttle.sign_in_is_throttled(self.request):
            raise ValidationError(throttle.throttled_message(), code="throttled")
        try:
            return super().clean()
        except ValidationError as error:
            if self.request is not None and error.code == "invalid_login":
                throttle.sign_in_failed(self.request)
            raise

    def build_layout(self) -> Layout:
        return Layout(Field.text("username"), Field.text("password"))


class PasswordResetForm(GovUKFormMixin, auth_forms.PasswordResetForm):
    submit_text = "Send the link"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mail address"
        self.fields["email"].error_messages["required"] = "Enter your e-mail address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an e-mail address in the correct format, like name@example.org"
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        # Counted for every address asked about, account or not: the refusal says nothing.
        if client.email_over_limit(
            purpose="password-reset",
            email=email,
            limit=settings.PASSWORD_RESET_EMAIL_LIMIT,
            window_minutes=settings.PASSWORD_RESET_EMAIL_WINDOW_MINUTES,
        ):
            raise ValidationError(
                client.email_limit_message(settings.PASSWORD_RESET_EMAIL_WINDOW_MINUTES),
                code="too_many",
            )
        return email

    def build_layout(self) -> Layout:
        return Layout(Field.text("email"))


class SetPasswordForm(GovUKFormMixin, auth_forms.SetPasswordForm):
    submit_text = "Save the new password"

    def build_layout(self) -> Layout:
        return Layout(Field.text("new_password1"), Field.text("new_password2"))


class PasswordChangeForm(GovUKFormMixin, auth_forms.PasswordChangeForm):
    submit_text = "Change password"

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("old_password"), Field.text("new_password1"), Field.text("new_password2")
        )


class SiteSettingsForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save settings"

    logo_file = forms.FileField(
        label="Logo file (optional)",
        required=False,
        help_text=(
            f"A PNG or SVG image of {LOGO_MAX_BYTES // (1024 * 1024)} MB or less, shown in the "
            "header. An SVG is cleaned: anything but shapes, colours and text is left out."
        ),
        error_messages={"invalid": CHOOSE_MESSAGE, "empty": CHOOSE_MESSAGE},
    )
    remove_logo = forms.BooleanField(label="Remove the uploaded logo", required=False)

    class Meta:
        model = SiteSettings
        fields = (
            "council_name",
            "service_name",
            "brand_colour",
            "logo_url",
            "contact_email",
            "political_year_start_month",
        )
        labels = {"logo_url": "Logo address", "contact_email": "Contact e-mail address"}
        error_messages = {
            "council_name": {"required": "Enter the council's name"},
            "service_name": {"required": "Enter the service name"},
            "brand_colour": {"required": "Enter the header colour"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["logo_file"].widget.attrs["accept"] = ".png,.svg,image/png,image/svg+xml"
        self.fields["logo_url"].help_text = (
            "Only when no logo file is uploaded: a path on this site starting /, or an address "
            "the portal's security policy allows (images from other sites are blocked)."
        )

    def clean_logo_file(self) -> PreparedLogo | None:
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size is not None and upload.size > LOGO_MAX_BYTES:
            raise ValidationError(TOO_BIG_MESSAGE, code="too_big")
        data = upload.read(LOGO_MAX_BYTES + 1)
        return logo_prepare(data=data, filename=upload.name or "")

    def build_layout(self) -> Layout:
        logo_fields = [Field("logo_file")]
        if self.instance.logo:
            logo_fields.append(Field.checkbox("remove_logo", small=True))
        else:
            del self.fields["remove_logo"]  # nothing to remove
        return Layout(
            Field.text("council_name"),
            Field.text("service_name"),
            Field.text("brand_colour", field_width=10),
            *logo_fields,
            Field.text("logo_url"),
            Field.text("contact_email"),
            Field.select("political_year_start_month", legend_size=Size.SMALL),
        )


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: keyed messages on their fields, the rest
    above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def list_choices(field: forms.ModelChoiceField, rows: Sequence[Model]) -> None:
    """Lists a model choice field's options from rows already read. The field's queryset still
    checks what is sent; without this its widget reads the queryset again each time it lists
    the options (to write them, to count them, to decide whether the control is required)."""
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    # Choices set by hand are what a ModelChoiceField lists (it reads its queryset otherwise).
    field.choices = empty + [
        (field.prepare_value(row), field.label_from_instance(row)) for row in rows
    ]
