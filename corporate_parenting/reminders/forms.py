"""Forms for people's reminder settings and public alert subscriptions."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.reminders.kinds import OPTIONAL_KINDS, SPECS


class PreferencesForm(GovUKFormMixin, forms.Form):
    submit_text = "Save your reminder settings"

    enabled = forms.MultipleChoiceField(
        label="Reminders you get",
        help_text="Untick the ones you do not want.",
        choices=[(kind, SPECS[kind].description) for kind in OPTIONAL_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: object, kinds: tuple[str, ...], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        enabled = self.fields["enabled"]
        assert isinstance(enabled, forms.ChoiceField)
        enabled.choices = [(kind, SPECS[kind].description) for kind in kinds]

    def build_layout(self) -> Layout:
        return Layout(Field.checkboxes("enabled", legend_size=Size.MEDIUM))


class AlertSubscribeForm(GovUKFormMixin, forms.Form):
    submit_text = "Subscribe"

    email = forms.CharField(
        label="Your e-mail address",
        help_text="We keep only this address, and only until you unsubscribe.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    agendas = forms.BooleanField(label="Agendas, when they are published", required=False)
    minutes = forms.BooleanField(label="Minutes, when they are approved", required=False)
    decisions = forms.BooleanField(label="Decisions, when the minutes are approved", required=False)

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("email"),
            Fieldset(
                Field.checkbox("agendas"),
                Field.checkbox("minutes"),
                Field.checkbox("decisions"),
                legend="What would you like e-mails about?",
                legend_size=Size.SMALL,
            ),
        )
