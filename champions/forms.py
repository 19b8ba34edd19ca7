from __future__ import annotations

from datetime import timedelta

from crispy_forms_gds.layout import HTML, Field, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from champions.models import (
    ChampionArea,
    ChampionSettings,
    DbsStatus,
    EngagementKind,
    FollowUpStatus,
    Member,
)
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import Role, User
from corporate_parenting.years import current_political_year
from events.models import Event

EVENT_DAYS = 180  # events from this many days back can be chosen when logging

NO_NAMES = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person.</div>"
)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or above it)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, like 27 3 2025",
        },
    )


def year_choices() -> list[tuple[int, str]]:
    current = current_political_year()
    years = [current.previous(), current, current.next()]
    return [(y.start_year, y.label) for y in years]


class EngagementForm(GovUKFormMixin, forms.Form):
    """Few fields, sensible defaults: today's date, the member's only area already chosen."""

    submit_text = "Submit engagement"

    date = date_field("Date")
    kind = forms.ChoiceField(
        label="What kind of engagement was it?",
        choices=EngagementKind.choices,
        error_messages={"required": "Choose what kind of engagement it was"},
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=ChampionArea.objects.none(),
        error_messages={
            "required": "Choose the area this engagement was for",
            "invalid_choice": "Choose one of your areas",
        },
    )
    event = forms.ModelChoiceField(
        label="Event in the diary (optional)",
        required=False,
        queryset=Event.objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Choose an event from the list, or none"},
    )
    event_title = forms.CharField(
        label="Or the event's name (optional)",
        required=False,
        max_length=200,
        help_text="For example, Care Leavers Week",
    )
    what_we_did = forms.CharField(
        label="What you did", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    young_people_said = forms.CharField(
        label="What children and young people said",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    follow_up_requested = forms.CharField(
        label="Follow-up asked for (optional)",
        required=False,
        help_text="Your link officer will respond.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    young_people_count = forms.IntegerField(
        label="Number of young people",
        help_text="A number only. Never names.",
        initial=0,
        error_messages={
            "required": "Enter the number of young people, 0 if none",
            "invalid": "Enter the number of young people as a whole number, like 5",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args: object, member: Member, draft: bool = True, **kwargs: object) -> None:
        self.allow_draft = draft
        super().__init__(*args, **kwargs)
        year = current_political_year()
        areas = ChampionArea.objects.filter(
            appointments__member=member,
            appointments__start_year__in=(year.start_year, year.start_year - 1),
        ).distinct()
        self.fields["area"].queryset = areas
        area_list = list(areas)
        if len(area_list) == 1:
            self.fields["area"].initial = area_list[0].pk
            self.fields["area"].empty_label = None
        today = timezone.localdate()
        self.fields["event"].queryset = Event.objects.filter(
            start_date__lte=today, end_date__gte=today - timedelta(days=EVENT_DAYS)
        ).order_by("-start_date", "title")
        self.fields["event"].label_from_instance = lambda event: (
            f"{event.title} ({event.start_date:%-d %b %Y})"
        )
        self.fields["date"].initial = today
        self.fields["kind"].initial = EngagementKind.EVENT
        if self.allow_draft:
            self.helper.layout.append(
                Submit("save_draft", "Save as draft", css_class="govuk-button--secondary")
            )

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("date", field_width=10),
            Field.select("kind"),
            Field.select("area"),
            Field.select("event"),
            Field.text("event_title"),
            NO_NAMES,
            Field.textarea("what_we_did", rows=3),
            Field.textarea("young_people_said", rows=3),
            Field.textarea("follow_up_requested", rows=2),
            Field.text("young_people_count", field_width=4),
        )


class RespondForm(GovUKFormMixin, forms.Form):
    submit_text = "Save response"

    follow_up_response = forms.CharField(
        label="What has been done, or is being done",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    follow_up_status = forms.ChoiceField(
        label="Status of the follow-up",
        choices=[c for c in FollowUpStatus.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose open, in progress or done"},
    )
    show_in_you_said_we_did = forms.BooleanField(
        label='Show on the public "You said, we did" page',
        required=False,
        help_text="Only when the follow-up is done. The page shows the area, the date, what young people said and your response; never who.",
    )

    def build_layout(self) -> Layout:
        return Layout(
            NO_NAMES,
            Field.textarea("follow_up_response", rows=4),
            Field.radios("follow_up_status", legend_size=Size.SMALL, inline=False),
            Field.checkboxes("show_in_you_said_we_did"),
        )


def councillors() -> forms.models.QuerySet:
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
        self.fields["user"].queryset = councillors()
        self.fields["start_year"].choices = year_choices()
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
        error_messages={"required": "Choose the officer"},
    )
    job_title = forms.CharField(
        label="Job title", max_length=150, error_messages={"required": "Enter their job title"}
    )
    team = forms.CharField(label="Team", max_length=150, required=False)
    contact = forms.CharField(label="Contact (phone or e-mail)", max_length=150, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(
            groups__name=Role.OFFICER, is_active=True
        ).order_by("full_name")

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
        self.fields["dbs_status"].choices = DbsStatus.choices

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("ward"),
            Field.text("party"),
            Field.text("phone", field_width=20),
            Field.radios("dbs_status", legend_size=Size.SMALL),
            Field.text("dbs_cleared_on", field_width=10),
            Field.text("training_completed_on", field_width=10),
        )

    def _post_clean(self) -> None:
        # Validation is the service's job (member_update), so the model is not cleaned here.
        pass


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

    def _post_clean(self) -> None:
        pass
