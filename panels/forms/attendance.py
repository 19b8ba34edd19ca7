"""Attendance at a meeting and declarations of interest."""

from typing import cast

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.db.models import QuerySet

from corporate_parenting.forms import GovUKFormMixin, list_choices
from corporate_parenting.models import User
from panels.models import AgendaItem, DeclarationKind, Membership


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
    seats_present = forms.ModelMultipleChoiceField(
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Seats without an account present",
        help_text="Seats such as a Children in Care Council representative: counted by the seat, "
        "never named.",
    )
    seats_apologies = forms.ModelMultipleChoiceField(
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Seats without an account that sent apologies",
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

    def __init__(
        self,
        *args: object,
        members: QuerySet[User],
        seats: QuerySet[Membership] | None = None,
        **kwargs: object,
    ) -> None:
        seats = seats if seats is not None else Membership.objects.none()
        self.seats = list(seats)  # read before the layout is built, which lists them if any
        super().__init__(*args, **kwargs)
        listed = list(members)  # one read for both lists
        for name in ("present", "apologies"):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = members
            list_choices(field, listed)
        for name in ("seats_present", "seats_apologies"):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = seats
            field.choices = [(m.pk, m.display_name) for m in self.seats]

    def clean(self) -> dict:
        data = super().clean() or {}
        both = set(data.get("present") or []) & set(data.get("apologies") or [])
        if both:
            names = ", ".join(sorted(str(u) for u in both))
            self.add_error(
                "apologies", f"A member cannot be both present and giving apologies: {names}"
            )
        seats_both = set(data.get("seats_present") or []) & set(data.get("seats_apologies") or [])
        if seats_both:
            names = ", ".join(sorted(m.display_name for m in seats_both))
            self.add_error(
                "seats_apologies", f"A seat cannot be both present and giving apologies: {names}"
            )
        return data

    def build_layout(self) -> Layout:
        return Layout(
            Field.checkboxes("present", legend_size=Size.SMALL, small=True),
            Field.checkboxes("apologies", legend_size=Size.SMALL, small=True),
            *(
                [
                    Field.checkboxes("seats_present", legend_size=Size.SMALL, small=True),
                    Field.checkboxes("seats_apologies", legend_size=Size.SMALL, small=True),
                ]
                if self.seats
                else []
            ),
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

    def __init__(
        self, *args: object, members: QuerySet[User], items: QuerySet[AgendaItem], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, rows in (("member", members), ("item", items)):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = rows
            list_choices(field, list(rows))

    def build_layout(self) -> Layout:
        return Layout(
            Field.select("member"),
            Field.select("item"),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.textarea("text"),
        )
