"""Forms for the Children in Care Council's matters: entering one, recording its response, and
the list's filter. The services decide; these put clear messages on the right field."""

from __future__ import annotations

from typing import Any, cast

import django_filters
from crispy_forms_gds.layout import HTML, Field, Layout, Size
from django import forms
from django.db.models import Q, QuerySet

from champions.forms.common import date_field
from corporate_parenting.forms import GovUKFormMixin, list_choices
from corporate_parenting.models import Role, User
from corporate_parenting.tables import PortalFilterSet
from panels.models import Body
from panels.models.bodies import YOUNG_PEOPLES_KINDS, BodyKind
from voice.matters import Matter, MatterState
from voice.models import Theme

NO_NAMES = HTML(
    '<div class="govuk-inset-text">Write what the young people asked, never who asked it: no '
    "names or details that identify a child or young person.</div>"
)

TEXT_MAX = 10_000


def owner_choices(current: object = None) -> QuerySet[User]:
    """Who may own a matter: councillors and officers who sign in, and the owner it has."""
    people = Q(groups__name__in=(Role.COUNCILLOR, Role.OFFICER), is_active=True)
    if current:
        people |= Q(pk=getattr(current, "pk", current))
    return User.objects.filter(people).distinct().order_by("full_name", "email")


class MatterForm(GovUKFormMixin, forms.Form):
    submit_text = "Save the matter"

    raised_by = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        label="Raised by",
        empty_label="Choose the young people's body",
        error_messages={"required": "Choose who raised the matter"},
    )
    raised_on = date_field("Date raised")
    title = forms.CharField(
        max_length=150,
        label="Title",
        help_text="A few words, for lists and the Board's agenda, like ‘Bus passes for college’.",
        error_messages={
            "required": "Enter a title for the matter",
            "max_length": "Keep the title to 150 characters or fewer",
        },
    )
    asked = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What they asked",
        error_messages={
            "required": "Enter what the young people asked",
            "max_length": f"Keep what they asked to {TEXT_MAX:,} characters or fewer",
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes (optional)",
        help_text="Tick what the matter is about.",
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose themes from the list",
            "invalid_pk_value": "Choose themes from the list",
            "list": "Choose themes from the list",
        },
    )
    board = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        label="For the Board",
        empty_label="Choose the Board or panel",
        help_text="The matter stands on its agenda until it is answered.",
        error_messages={"required": "Choose the Board the matter is for"},
    )
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Owner",
        empty_label="Choose who answers it",
        help_text="The officer or councillor who records the response.",
        error_messages={"required": "Choose the owner who answers the matter"},
    )
    due_on = date_field("Date the answer is due")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raised_by = cast(forms.ModelChoiceField, self.fields["raised_by"])
        raised_by.queryset = Body.objects.filter(kind__in=YOUNG_PEOPLES_KINDS).order_by("name")
        list_choices(raised_by, list(raised_by.queryset))
        board = cast(forms.ModelChoiceField, self.fields["board"])
        board.queryset = Body.objects.filter(kind=BodyKind.PANEL).order_by("name")
        list_choices(board, list(board.queryset))
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = owner_choices(self.initial.get("owner"))
        list_choices(owner, list(owner.queryset))
        themes = cast(forms.ModelChoiceField, self.fields["themes"])
        kept = [getattr(t, "pk", t) for t in self.initial.get("themes") or ()]
        themes.queryset = (Theme.objects.active() | Theme.objects.filter(pk__in=kept)).order_by(
            "position", "name"
        )
        list_choices(themes, list(themes.queryset))

    def build_layout(self) -> Layout:
        return Layout(
            NO_NAMES,
            Field.select("raised_by"),
            Field.text("raised_on", field_width=10),
            Field.text("title"),
            Field.textarea("asked"),
            Field.checkboxes("themes", legend_size=Size.SMALL, small=True),
            Field.select("board"),
            Field.select("owner"),
            Field.text("due_on", field_width=10),
        )


class ResponseForm(GovUKFormMixin, forms.Form):
    submit_text = "Record the response"

    response = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        label="The response",
        help_text="What was done, or will be, in words the young people will understand.",
        error_messages={
            "required": "Enter the response to the matter",
            "max_length": f"Keep the response to {TEXT_MAX:,} characters or fewer",
        },
    )

    def build_layout(self) -> Layout:
        return Layout(NO_NAMES, Field.textarea("response"))


def _boards(request: object) -> QuerySet[Body]:
    """The Boards the person may see (Body.objects.visible_to)."""
    user = getattr(request, "user", None)
    if user is None:
        return Body.objects.none()
    return Body.objects.visible_to(user).filter(kind=BodyKind.PANEL).distinct()


class MatterFilter(PortalFilterSet):
    state = django_filters.ChoiceFilter(
        choices=[("unanswered", "Open (not answered)"), *MatterState.choices],
        empty_label="Any state",
        method="filter_state",
        label="State",
    )
    board = django_filters.ModelChoiceFilter(
        queryset=_boards, empty_label="Every Board", label="Board"
    )

    class Meta:
        model = Matter
        fields = ("state", "board")

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # state_now comes with the rows (MatterQuerySet.with_state), decided there.
        if value == "unanswered":
            return queryset.exclude(state_now=MatterState.ANSWERED)
        return queryset.filter(state_now=value) if value else queryset
