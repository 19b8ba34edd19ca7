"""A body's details and its members."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import Role, User
from panels.models import Body, MemberRole


class BodyForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save the body"

    report_deadline_days = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=90,
        label="Days before a meeting that reports are due",
        help_text="Report authors are reminded of this deadline. Leave empty for 15.",
        error_messages={
            "invalid": "Enter a number of days, like 15",
            "min_value": "Enter a number of days, 0 or more",
            "max_value": "Enter a number of days, 90 or fewer",
        },
    )
    first_minute_number = forms.IntegerField(
        required=False,
        min_value=1,
        label="First minute number (optional)",
        help_text="Only for a body that moves to the portal part way through a municipal year: "
        "the number its next minute takes, like 20 when the last paper minute was CPP19. Other "
        "years start at 1.",
        error_messages={
            "invalid": "Enter the minute number as a whole number, like 20",
            "min_value": "Enter a minute number of 1 or more",
        },
    )
    first_minute_year = forms.IntegerField(
        required=False,
        label="Municipal year it applies to (optional)",
        help_text="The year that municipal year starts in, like 2025 for 2025 to 2026.",
        error_messages={"invalid": "Enter the year as four digits, like 2025"},
    )

    class Meta:
        model = Body
        fields = (
            "name",
            "slug",
            "numbering_style",
            "minute_prefix",
            "is_public",
            "clerk",
            "report_deadline_days",
            "first_minute_number",
            "first_minute_year",
        )
        labels = {
            "slug": "Short name for web addresses",
            "is_public": "Anyone may read its published agendas and approved minutes",
        }
        widgets = {"numbering_style": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter the name of the body"}}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clerk"].queryset = User.objects.filter(groups__name=Role.OFFICER)
        self.fields["clerk"].required = False
        self.fields["minute_prefix"].required = False
        if self.instance.first_minute_year is None:
            # The stored 1 is the default, not a choice: show the field empty.
            self.initial["first_minute_number"] = None

    def clean_report_deadline_days(self) -> int:
        days = self.cleaned_data.get("report_deadline_days")
        if days is None:
            return self.instance.report_deadline_days if self.instance.pk else 15
        return days

    def _post_clean(self) -> None:
        # The service validates the body as a whole.
        pass

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            Field.text("slug", field_width=20),
            Field.radios("numbering_style", legend_size=Size.SMALL, small=True),
            Field.text("minute_prefix", field_width=5),
            Field.checkbox("is_public"),
            Field.select("clerk"),
            Field.text("report_deadline_days", field_width=3),
            Fieldset(
                Field.text("first_minute_number", field_width=5),
                Field.text("first_minute_year", field_width=4),
                legend="Joining part way through a municipal year",
                legend_size=Size.SMALL,
            ),
        )


class MembershipForm(GovUKFormMixin, forms.Form):
    submit_text = "Add the member"

    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Councillor",
        empty_label="Choose a councillor",
        error_messages={"required": "Choose the councillor to add"},
    )
    role = forms.ChoiceField(
        choices=MemberRole.choices,
        widget=forms.RadioSelect,
        initial=MemberRole.MEMBER,
        label="Role on the body",
        error_messages={"required": "Choose their role on the body"},
    )

    def __init__(self, *args: object, body: Body, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(groups__name=Role.COUNCILLOR, is_active=True)
            .exclude(panel_memberships__body=body)
            .order_by("full_name")
        )

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("user"), Field.radios("role", legend_size=Size.SMALL, small=True)
        )
