"""Minutes forms: a minute, a resolution with its action or decision, approval and amendment."""

from typing import cast

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.db.models import QuerySet

from corporate_parenting.forms import GovUKFormMixin, list_choices
from corporate_parenting.models import Role, User
from panels.forms.common import NO_CHILD_DETAILS, DateInput
from panels.models import DecisionStatus, Meeting
from voice.principles import offer_principles, principles_checkboxes, principles_field


def action_owners() -> QuerySet[User]:
    """Who can own an action: officers, and partner organisations' representatives."""
    return (
        User.objects.filter(groups__name__in=(Role.OFFICER, Role.PARTNER), is_active=True)
        .distinct()
        .select_related("partner_representative__organisation")
        .order_by("full_name")
    )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        link = getattr(obj, "partner_representative", None)
        return f"{obj.full_name} ({link.organisation.name})" if link else obj.full_name


def _owner_field() -> forms.ModelChoiceField:
    return OwnerChoiceField(
        queryset=action_owners(),
        required=False,
        label="Officer who owns the action",
        help_text="Or a partner organisation's representative, who is reminded as officers are.",
        empty_label="Choose an officer or a partner",
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
    principles = principles_field()

    def __init__(
        self, *args: object, current_status: DecisionStatus | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        offer_principles(self)
        owner = self.fields["owner"] = _owner_field()
        list_choices(owner, list(action_owners()))
        # Statuses in use, and a retired one the resolution already has so it is not lost.
        statuses = DecisionStatus.objects.filter(is_active=True)
        if current_status is not None:
            statuses = statuses | DecisionStatus.objects.filter(pk=current_status.pk)
        decision_status = cast(forms.ModelChoiceField, self.fields["decision_status"])
        statuses = statuses.order_by("position", "name")
        decision_status.queryset = statuses
        list_choices(decision_status, list(statuses))

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
            principles_checkboxes(),
        )


class MeetingDayField(forms.ModelChoiceField):
    """A meeting offered by its date: "9 December 2020"."""

    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.date.day} {obj.date:%B %Y}"


class ApproveForm(GovUKFormMixin, forms.Form):
    submit_text = "Approve and lock the minutes"

    at_meeting = MeetingDayField(
        queryset=Meeting.objects.none(),
        required=False,
        label="Approved at the meeting on",
        empty_label="Not at a meeting",
        help_text="The minutes item of that meeting records the approval as a resolution.",
    )

    def __init__(self, *args: object, meetings: QuerySet[Meeting], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["at_meeting"]).queryset = meetings

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
