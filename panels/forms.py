from crispy_forms_gds.layout import HTML, Field, Fieldset, Layout, Size
from django import forms

from corporate_parenting.forms import GovUKFormMixin, HttpsURLField
from corporate_parenting.models import Role, User
from panels.documents import KINDS, check_report_document, report_max_bytes
from panels.models import (
    ActionStatus,
    AgendaItem,
    Body,
    DecisionStatus,
    DeclarationKind,
    ExemptParagraph,
    Meeting,
    MemberRole,
)

NO_CHILD_DETAILS = HTML(
    '<div class="govuk-inset-text">Do not record names or details that identify a child or '
    "young person.</div>"
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


def _officers() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=User.objects.filter(groups__name=Role.OFFICER, is_active=True).order_by(
            "full_name"
        ),
        required=False,
        label="Officer who owns the action",
        empty_label="Choose an officer",
    )


class MeetingForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save meeting"
    online_link = HttpsURLField(
        required=False,
        label="Link to join online (optional)",
        error_messages={"invalid": "Enter a web address starting https://"},
    )

    class Meta:
        model = Meeting
        fields = ("body", "date", "start_time", "venue", "online_link")
        labels = {"online_link": "Link to join online (optional)", "venue": "Venue (optional)"}
        widgets = {"date": DateInput(), "start_time": TimeInput()}
        error_messages = {
            "body": {"required": "Choose the body that is meeting"},
            "date": {
                "required": "Enter the date of the meeting",
                "invalid": "Enter a real date, like 9 December 2020",
            },
            "start_time": {
                "required": "Enter the start time",
                "invalid": "Enter a time, like 18:30",
            },
            "online_link": {"invalid": "Enter a web address starting https://"},
        }

    def __init__(self, *args: object, bodies: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].empty_label = "Choose a body"

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("body"),
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
        )


class MeetingDetailsForm(GovUKFormMixin, forms.ModelForm):
    submit_text = "Save details"
    online_link = HttpsURLField(
        required=False,
        label="Link to join online (optional)",
        error_messages={"invalid": "Enter a web address starting https://"},
    )

    class Meta:
        model = Meeting
        fields = (
            "date",
            "start_time",
            "venue",
            "online_link",
            "closing_time",
            "next_meeting_date",
            "next_meeting_time",
        )
        labels = {
            "online_link": "Link to join online (optional)",
            "venue": "Venue (optional)",
            "closing_time": "Time the chair closed the meeting",
            "next_meeting_date": "Date of the next meeting",
            "next_meeting_time": "Start time of the next meeting",
        }
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "closing_time": TimeInput(),
            "next_meeting_date": DateInput(),
            "next_meeting_time": TimeInput(),
        }
        error_messages = {
            "date": {"required": "Enter the date of the meeting", "invalid": "Enter a real date"},
            "start_time": {"required": "Enter the start time", "invalid": "Enter a time"},
            "closing_time": {"invalid": "Enter a time, like 20:45"},
            "next_meeting_date": {"invalid": "Enter a real date"},
            "next_meeting_time": {"invalid": "Enter a time, like 18:30"},
        }

    def _post_clean(self) -> None:
        # The service validates the meeting; the form only checks each field.
        pass

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("date", field_width=10),
            Field.text("start_time", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
            Field.text("closing_time", field_width=5),
            Field.text("next_meeting_date", field_width=10),
            Field.text("next_meeting_time", field_width=5),
        )


class AgendaItemForm(GovUKFormMixin, forms.Form):
    submit_text = "Add item"

    title = forms.CharField(
        max_length=250, error_messages={"required": "Enter the title of the item"}
    )
    presenter = forms.CharField(max_length=200, required=False, label="Presented by (optional)")
    report = forms.FileField(
        required=False,
        label="Report (optional)",
        help_text="A PDF, Word, OpenDocument, Excel or PowerPoint file.",
    )
    is_urgent = forms.BooleanField(
        required=False,
        label="This is an urgent item added on the day",
    )
    is_exempt = forms.BooleanField(
        required=False,
        label="This item is taken in private (exempt information)",
        help_text="Its title stays public; its report and minutes are seen only by members of "
        "the body and officers.",
    )
    exempt_paragraph = forms.ChoiceField(
        required=False,
        choices=[("", "Choose a paragraph"), *ExemptParagraph.choices],
        label="Paragraph of Schedule 12A to the Local Government Act 1972",
        help_text="Needed when the item is taken in private.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        limit = report_max_bytes() // (1024 * 1024)
        self.fields["report"].help_text = f"{KINDS[0].upper()}{KINDS[1:]}, smaller than {limit} MB."

    def clean_report(self) -> object:
        report = self.cleaned_data.get("report")
        if report:
            check_report_document(report)
        return report

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("is_exempt") and not data.get("exempt_paragraph"):
            self.add_error(
                "exempt_paragraph", "Choose the paragraph of Schedule 12A that makes it exempt"
            )
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.text("presenter"),
            Field("report"),
            Field.checkbox("is_urgent"),
            Field.checkbox("is_exempt"),
            Field.select("exempt_paragraph"),
        )


class AgendaItemEditForm(AgendaItemForm):
    submit_text = "Save item"
    is_urgent = None  # an item is urgent when it is added, not later

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("title"),
            Field.text("presenter"),
            Field("report"),
            Field.checkbox("is_exempt"),
            Field.select("exempt_paragraph"),
        )


class PublishForm(GovUKFormMixin, forms.Form):
    submit_text = "Publish the agenda"

    short_notice_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for short notice",
        help_text="Needed only when there are fewer than five clear working days.",
    )

    def build_layout(self) -> Layout:
        return Layout(Field.textarea("short_notice_reason"))


class AttendanceForm(GovUKFormMixin, forms.Form):
    submit_text = "Save attendance"

    present = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Members present",
    )
    apologies = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Members who sent apologies",
        help_text="Members not ticked in either list are recorded as absent.",
    )
    substitutes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Substitutes",
        help_text="Councillors standing in for a member, one per line, like: "
        "Councillor Nolan (substitute for Councillor Marlow)",
    )
    officers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Officers in attendance",
        help_text="One per line, with their job title in brackets, like: "
        "R Tidman (Committee Services Manager)",
    )
    also_present = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Also present (adults only)",
        help_text="One per line, like: Councillor Nolan. Young people are counted below.",
    )
    young_people_present = forms.IntegerField(
        min_value=0,
        max_value=500,
        initial=0,
        label="Number of young people also present",
        help_text="A count only: never names.",
        error_messages={
            "required": "Enter the number of young people, or 0",
            "invalid": "Enter the number of young people as a whole number, like 2",
            "min_value": "Enter a number of young people, 0 or more",
        },
    )

    def __init__(self, *args: object, members: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["apologies"].queryset = members

    def clean(self) -> dict:
        data = super().clean()
        both = set(data.get("present") or []) & set(data.get("apologies") or [])
        if both:
            names = ", ".join(sorted(str(u) for u in both))
            self.add_error(
                "apologies", f"A member cannot be both present and giving apologies: {names}"
            )
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.checkboxes("present", legend_size=Size.SMALL, small=True),
            Field.checkboxes("apologies", legend_size=Size.SMALL, small=True),
            Field.textarea("substitutes"),
            Field.textarea("officers"),
            Field.textarea("also_present"),
            Field.text("young_people_present", field_width=3),
        )


class DeclarationForm(GovUKFormMixin, forms.Form):
    submit_text = "Record the declaration"

    member = forms.ModelChoiceField(
        queryset=User.objects.none(),
        empty_label="Choose a member",
        error_messages={"required": "Choose the member declaring an interest"},
    )
    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="General (not about one item)",
        label="Agenda item",
    )
    kind = forms.ChoiceField(
        choices=DeclarationKind.choices,
        widget=forms.RadioSelect,
        label="Kind of interest",
        error_messages={"required": "Choose the kind of interest"},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="The interest",
        error_messages={"required": "Describe the interest"},
    )

    def __init__(self, *args: object, members: object, items: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["item"].queryset = items

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("member"),
            Field.select("item"),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.textarea("text"),
        )


class MinutesForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the minute"

    discussion = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        label="Minute of the discussion",
        help_text="Leave a blank line between paragraphs.",
    )

    def build_layout(self) -> Layout:
        return Layout(NO_CHILD_DETAILS, Field.textarea("discussion"))


class ResolutionForm(GovUKFormMixin, forms.Form):
    submit_text = "Add the resolution"

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Resolved: that...",
        error_messages={"required": "Enter what was resolved"},
    )
    is_action = forms.BooleanField(required=False, label="This resolution is an action")
    owner = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
    owner_is_members = forms.BooleanField(
        required=False, label="The members own this action together"
    )
    due_date = forms.DateField(
        required=False,
        widget=DateInput(),
        label="Due date",
        error_messages={"invalid": "Enter a real date, like 16 March 2021"},
    )
    due_next_meeting = forms.BooleanField(required=False, label="Due by the next meeting")
    decision_status = forms.ModelChoiceField(
        queryset=DecisionStatus.objects.none(),
        required=False,
        label="Decision (optional)",
        empty_label="No decision recorded",
    )
    is_key_decision = forms.BooleanField(required=False, label="This is a key decision")
    subject_to_call_in = forms.BooleanField(
        required=False, label="Subject to call-in", help_text="Give the call-in deadline below."
    )
    call_in_deadline = forms.DateField(
        required=False,
        widget=DateInput(),
        label="Call-in deadline",
        help_text="The last day the decision can be called in. Only for a decision subject to "
        "call-in.",
        error_messages={"invalid": "Enter a real date, like 3 March 2026"},
    )

    def __init__(
        self, *args: object, current_status: DecisionStatus | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _officers()
        # Statuses in use, and a retired one the resolution already has so it is not lost.
        statuses = DecisionStatus.objects.filter(is_active=True)
        if current_status is not None:
            statuses = statuses | DecisionStatus.objects.filter(pk=current_status.pk)
        self.fields["decision_status"].queryset = statuses.order_by("position", "name")

    def build_layout(self) -> Layout:
        return Layout(
            NO_CHILD_DETAILS,
            Field.textarea("text"),
            Fieldset(
                Field.checkbox("is_action"),
                Field.select("owner"),
                Field.checkbox("owner_is_members"),
                Field.text("due_date", field_width=10),
                Field.checkbox("due_next_meeting"),
                legend="If it is an action",
                legend_size=Size.SMALL,
            ),
            Fieldset(
                Field.select("decision_status"),
                Field.checkbox("is_key_decision"),
                Field.checkbox("subject_to_call_in"),
                Field.text("call_in_deadline", field_width=10),
                legend="If it is a decision",
                legend_size=Size.SMALL,
            ),
        )


class ApproveForm(GovUKFormMixin, forms.Form):
    submit_text = "Approve and lock the minutes"

    at_meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label="Approved at the meeting on",
        empty_label="Not at a meeting",
        help_text="The minutes item of that meeting records the approval as a resolution.",
    )

    def __init__(self, *args: object, meetings: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings
        self.fields["at_meeting"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}"

    def build_layout(self) -> Layout:
        return Layout(Field.select("at_meeting"))


class AmendmentForm(GovUKFormMixin, forms.Form):
    submit_text = "Record the amendment"

    new_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        label="Corrected minute",
        error_messages={"required": "Enter the corrected minute"},
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason for the amendment",
        error_messages={"required": "Enter the reason for the amendment"},
    )

    def build_layout(self) -> Layout:
        return Layout(NO_CHILD_DETAILS, Field.textarea("new_text"), Field.textarea("reason"))


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
