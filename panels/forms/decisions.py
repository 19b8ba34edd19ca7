"""The decision statuses admins keep."""

from crispy_forms_gds.layout import Field, Layout
from django import forms

from corporate_parenting.forms import GovUKFormMixin


class DecisionStatusForm(GovUKFormMixin, forms.Form):
    """A decision status: its name and place in the list; retiring it stops it being offered."""

    submit_text = "Save the decision status"

    name = forms.CharField(
        max_length=80,
        label="Name",
        help_text="As printed in the minutes, like Recommendations Approved.",
        error_messages={
            "required": "Enter the name of the decision status",
            "max_length": "Enter a name of 80 characters or fewer",
        },
    )
    position = forms.IntegerField(
        min_value=0,
        max_value=1000,
        required=False,
        label="Place in the list (optional)",
        help_text="Lower numbers come first. Leave empty to put a new status last.",
        error_messages={
            "invalid": "Enter the place in the list as a whole number, like 3",
            "min_value": "Enter a place in the list of 0 or more",
            "max_value": "Enter a place in the list of 1000 or less",
        },
    )
    is_active = forms.BooleanField(
        required=False,
        initial=True,
        label="In use: offered to clerks when they record a decision",
        help_text="Untick to retire it. Resolutions that already have it keep it.",
    )

    def __init__(self, *args: object, editing: bool = False, **kwargs: object) -> None:
        self.editing = editing
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_active"]  # a new status is in use

    def build_layout(self) -> Layout:
        fields = [Field.text("name"), Field.text("position", field_width=4)]
        if self.editing:
            fields.append(Field.checkbox("is_active"))
        return Layout(*fields)
