"""An update to an action."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from panels.forms.common import NO_CHILD_DETAILS
from panels.models import ActionStatus


class ActionUpdateForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the update"

    status = forms.ChoiceField(
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status of the action"},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Update",
        error_messages={"required": "Enter what has happened"},
    )

    def build_layout(self) -> Layout:
        return Layout(
            NO_CHILD_DETAILS,
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Field.textarea("text"),
        )
