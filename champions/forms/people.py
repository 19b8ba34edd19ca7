"""Admins' forms: appointments (and ending one), areas, link officers, members and their
targets, the champion settings, and the annual report's sponsor and author."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.db.models import QuerySet

from champions.forms.common import NO_NAMES, choice, date_field, model_choice, year_choices
from champions.models import ChampionArea, ChampionSettings, DbsStatus, Member
from corporate_parenting.duties import people_with_duty
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import DutyKind, Role, User
from corporate_parenting.years import current_political_year


def councillors() -> QuerySet[User]:
    return User.objects.filter(groups__name=Role.COUNCILLOR, is_active=True).order_by("full_name")


class AppointmentForm(GovUKFormMixin, forms.Form):
    submit_text = "Appoint champion"

    user = forms.ModelChoiceField(
        label="Councillor",
        queryset=User.objects.none(),
        error_messages={"required": "Choose the councillor to appoint"},
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=ChampionArea.objects.all(),
        error_messages={"required": "Choose the area they will champion"},
    )
    start_year = forms.TypedChoiceField(
        label="Political year",
        coerce=int,
        error_messages={"required": "Choose the political year"},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "user").queryset = councillors()
        choice(self, "start_year").choices = year_choices()
        self.fields["start_year"].initial = current_political_year().start_year

    def build_layout(self) -> Layout:
        return Layout(Field.select("user"), Field.select("area"), Field.select("start_year"))


class AreaForm(GovUKFormMixin, forms.Form):
    submit_text = "Save area"

    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter the area's name"}
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    current_issues = forms.CharField(
        label="Current issues champions should work on",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            NO_NAMES,
            Field.textarea("description"),
            Field.textarea("current_issues"),
        )


class LinkOfficerForm(GovUKFormMixin, forms.Form):
    submit_text = "Add link officer"

    officer = forms.ModelChoiceField(
        label="Officer",
        queryset=User.objects.none(),
        help_text="People who hold the link officer duty. An admin gives the duty on the people pages.",
        error_messages={
            "required": "Choose the officer",
            "invalid_choice": "Choose someone who holds the link officer duty",
        },
    )
    job_title = forms.CharField(
        label="Job title", max_length=150, error_messages={"required": "Enter their job title"}
    )
    team = forms.CharField(label="Team", max_length=150, required=False)
    contact = forms.CharField(label="Contact (phone or e-mail)", max_length=150, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "officer").queryset = people_with_duty(DutyKind.LINK_OFFICER)

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("officer"),
            Field.text("job_title"),
            Field.text("team"),
            Field.text("contact"),
        )


class MemberForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save"

    dbs_cleared_on = date_field(
        "DBS cleared on", required=False, help_text="Needed when the DBS check is cleared."
    )
    training_completed_on = date_field("Champion training completed on", required=False)

    class Meta:
        model = Member
        fields = ("ward", "party", "phone", "dbs_status", "dbs_cleared_on", "training_completed_on")
        widgets = {"dbs_status": forms.RadioSelect}
        labels = {"phone": "Phone number"}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "dbs_status").choices = DbsStatus.choices

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("ward"),
            Field.text("party"),
            Field.text("phone", field_width=20),
            Field.radios("dbs_status", legend_size=Size.SMALL),
            Field.text("dbs_cleared_on", field_width=10),
            Field.text("training_completed_on", field_width=10),
        )


class ChampionSettingsForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save settings"

    class Meta:
        model = ChampionSettings
        fields = ("engagement_target", "dbs_valid_years")
        labels = {"engagement_target": "Engagements per champion per political year"}
        error_messages = {
            "engagement_target": {
                "required": "Enter the target",
                "invalid": "Enter a whole number",
            },
            "dbs_valid_years": {"required": "Enter the years", "invalid": "Enter a whole number"},
        }

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("engagement_target", field_width=4),
            Field.text("dbs_valid_years", field_width=4),
        )


class AppointmentEndForm(GovUKFormMixin, forms.Form):
    submit_text = "End appointment"

    ended_on = date_field(
        "Last day as champion", help_text="Today or earlier, in the appointment's political year."
    )
    reason = forms.CharField(
        label="Why it ended (optional)",
        required=False,
        max_length=300,
        help_text="For example, stood down, or became a cabinet member.",
    )

    def build_layout(self) -> Layout:
        return Layout(Field.text("ended_on", field_width=10), Field.text("reason"))


class MemberTargetForm(GovUKFormMixin, forms.Form):
    submit_text = "Save target"

    target = forms.IntegerField(
        label="Engagements this member is asked for in a political year",
        required=False,
        min_value=1,
        max_value=100,
        help_text="Leave empty to use the default target from the champion settings.",
        error_messages={
            "invalid": "Enter the target as a whole number, like 2",
            "min_value": "The target must be 1 or more",
            "max_value": "The target must be 100 or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    reason = forms.CharField(
        label="Why this member's target differs",
        required=False,
        max_length=300,
        help_text="Needed for a target of their own. For example, a cabinet member.",
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("target") is not None and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why this member's target differs from the default")
        return data

    def build_layout(self) -> Layout:
        return Layout(Field.text("target", field_width=4), Field.text("reason"))


class ReportPeopleForm(GovUKFormMixin, forms.Form):
    submit_text = "Save sponsor and author"

    sponsor = forms.ModelChoiceField(
        label="Report sponsor",
        queryset=User.objects.none(),
        help_text="People who hold the report sponsor duty.",
        error_messages={
            "required": "Choose the report's sponsor",
            "invalid_choice": "Choose someone who holds the report sponsor duty",
        },
    )
    author = forms.ModelChoiceField(
        label="Report author",
        queryset=User.objects.none(),
        help_text="People who hold the report author duty.",
        error_messages={
            "required": "Choose the report's author",
            "invalid_choice": "Choose someone who holds the report author duty",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "sponsor").queryset = people_with_duty(DutyKind.REPORT_SPONSOR)
        model_choice(self, "author").queryset = people_with_duty(DutyKind.REPORT_AUTHOR)

    def build_layout(self) -> Layout:
        return Layout(Field.select("sponsor"), Field.select("author"))
