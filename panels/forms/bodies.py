"""A body's details and its members."""

from typing import cast

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.db.models import Q, QuerySet

from corporate_parenting.duties import people_with_duty
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import DutyKind, Role, User
from panels.models import Body, BodyKind, MemberRole, NumberingStyle


def clerk_choices(current: object = None) -> QuerySet[User]:
    """People who may clerk a body: those with the clerk duty, and the body's current clerk even
    after they lost it, so saving the body's other details never drops its clerk."""
    choices = Q(pk__in=people_with_duty(DutyKind.CLERK).values("pk"))
    if current:
        choices |= Q(pk=getattr(current, "pk", current))
    return User.objects.filter(choices).order_by("full_name", "email")


class BodyForm(GovUKFormMixin, forms.Form):
    """A body's details. Each is checked here; the body as a whole (a prefix for the prefix
    style, a unique name and short name) is checked by the service, whose errors come back on
    these fields. Editing, pass the body's details as `initial`."""

    submit_text = "Save the body"

    name = forms.CharField(
        max_length=150, label="Name", error_messages={"required": "Enter the name of the body"}
    )
    slug = forms.SlugField(max_length=60, label="Short name for web addresses")
    kind = forms.ChoiceField(
        choices=BodyKind.choices,
        initial=BodyKind.PANEL,
        required=False,
        widget=forms.RadioSelect,
        label="Kind of body",
        help_text="The members of a body of young people are shown by their role only, never "
        "by name.",
    )
    numbering_style = forms.ChoiceField(
        choices=NumberingStyle.choices,
        initial=NumberingStyle.PREFIX,
        widget=forms.RadioSelect,
        label="Numbering style",
    )
    minute_prefix = forms.CharField(
        max_length=10,
        required=False,
        label="Minute prefix",
        help_text="Letters before each minute number, like CPP. Only for the prefix style.",
    )
    is_public = forms.BooleanField(
        required=False,
        label="Anyone may read its published agendas and approved minutes",
        help_text="Published agendas and approved minutes can be read by anyone.",
    )
    clerk = forms.ModelChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Clerk",
        help_text="People with the clerk duty.",
    )
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
    quorum = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=99,
        label="Quorum (optional)",
        help_text="How many members must be present for the meeting to go ahead, like 3. "
        "Printed on the front sheet of the agenda pack.",
        error_messages={
            "invalid": "Enter the quorum as a whole number, like 3",
            "min_value": "Enter a quorum of 1 or more",
            "max_value": "Enter a quorum of 99 or fewer",
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

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["clerk"]).queryset = clerk_choices(
            self.initial.get("clerk")
        )
        if self.initial.get("first_minute_year") is None:
            # The stored 1 is the default, not a choice: show the field empty.
            self.initial["first_minute_number"] = None

    def clean_kind(self) -> str:
        """Left unchosen, a body keeps its kind (a new one is a panel or board)."""
        return self.cleaned_data.get("kind") or self.initial.get("kind") or BodyKind.PANEL

    def clean_report_deadline_days(self) -> int:
        days = self.cleaned_data.get("report_deadline_days")
        if days is None:
            current = self.initial.get("report_deadline_days")
            return 15 if current is None else current
        return days

    def build_layout(self) -> Layout:
        return Layout(
            Field.text("name"),
            Field.text("slug", field_width=20),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.radios("numbering_style", legend_size=Size.SMALL, small=True),
            Field.text("minute_prefix", field_width=5),
            Field.checkbox("is_public"),
            Field.select("clerk"),
            Field.text("report_deadline_days", field_width=3),
            Field.text("quorum", field_width=3),
            Fieldset(
                Field.text("first_minute_number", field_width=5),
                Field.text("first_minute_year", field_width=4),
                legend="Joining part way through a municipal year",
                legend_size=Size.SMALL,
            ),
        )


class MemberChoiceField(forms.ModelChoiceField):
    """A person who can sit on a body, named with what they are: a councillor, an officer or a
    partner organisation's representative."""

    def label_from_instance(self, obj: User) -> str:
        link = getattr(obj, "partner_representative", None)
        if link is not None:
            return f"{obj.full_name} ({link.organisation.name})"
        kinds = sorted(g.name for g in obj.groups.all() if g.name in MEMBER_ROLES)
        return f"{obj.full_name} ({', '.join(Role(k).label.lower() for k in kinds)})"


# Who can sit on a body with an account: a body's members can be councillors, officers and
# partner representatives (co-opted members and young people's representatives are roles on the
# body, held by any of them or by a seat without an account).
MEMBER_ROLES = (Role.COUNCILLOR, Role.OFFICER, Role.PARTNER)


class MembershipForm(GovUKFormMixin, forms.Form):
    """A person with an account, or a seat without one named by what it is: one or the other."""

    submit_text = "Add the member"

    user = MemberChoiceField(
        queryset=User.objects.none(),
        required=False,
        label="Person",
        empty_label="Choose a person",
        help_text="A councillor, an officer or a partner organisation's representative.",
    )
    seat_name = forms.CharField(
        max_length=150,
        required=False,
        label="Or a seat without an account",
        help_text="What the seat is, like Children in Care Council representative. A role, "
        "never a young person's name.",
        error_messages={"max_length": "Keep the name of the seat to 150 characters or fewer"},
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
        cast(forms.ModelChoiceField, self.fields["user"]).queryset = (
            User.objects.filter(groups__name__in=MEMBER_ROLES, is_active=True)
            .exclude(panel_memberships__body=body)
            .distinct()
            .select_related("partner_representative__organisation")
            .prefetch_related("groups")
            .order_by("full_name")
        )

    def clean_seat_name(self) -> str:
        return " ".join((self.cleaned_data.get("seat_name") or "").split())

    def clean(self) -> dict:
        data = super().clean() or {}
        if "user" in self.errors or "seat_name" in self.errors:
            return data
        if data.get("user") and data.get("seat_name"):
            self.add_error(
                "seat_name",
                "Choose a person or give the name of a seat without an account, not both",
            )
        elif not data.get("user") and not data.get("seat_name"):
            self.add_error(
                "user",
                "Choose the person to add, or give the name of a seat without an account",
            )
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("user"),
            Field.text("seat_name"),
            Field.radios("role", legend_size=Size.SMALL, small=True),
        )
