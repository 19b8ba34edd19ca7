"""A champion's plan for the year: an item (what, by when, which area) and ticking one off."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Layout
from django import forms

from champions.forms.common import date_field, model_choice
from champions.models import ChampionArea, Engagement, Member
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.years import PoliticalYear


class PlanItemForm(GovUKFormMixin, forms.Form):
    submit_text = "Save plan item"

    intention = forms.CharField(
        label="What you intend to do",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, visit the care leavers' drop-in and hear what housing is like.",
        error_messages={"required": "Enter what you intend to do"},
    )
    area = forms.ModelChoiceField(
        label="Area (optional)",
        required=False,
        queryset=ChampionArea.objects.none(),
        empty_label="Any of my areas",
        error_messages={"invalid_choice": "Choose one of your areas, or none"},
    )
    due_by = date_field("Date to do it by", help_text="A date in this political year.")

    def __init__(self, *args: object, member: Member, year: PoliticalYear, **kwargs: object):
        super().__init__(*args, **kwargs)
        model_choice(self, "area").queryset = ChampionArea.objects.filter(
            appointments__member=member, appointments__start_year=year.start_year
        ).distinct()
        self.fields["due_by"].error_messages["required"] = "Enter the date you plan to do it by"

    def build_layout(self) -> Layout:
        return Layout(
            Field.textarea("intention", rows=3),
            Field.select("area"),
            Field.text("due_by", field_width=10),
        )


def _engagement_label(e: Engagement) -> str:
    area = f", {e.area.name}" if e.area else ""
    event = f", {e.event_title}" if e.event_title else ""
    return f"{e.date:%-d %b %Y}: {e.get_kind_display()}{event}{area}"


class PlanTickForm(GovUKFormMixin, forms.Form):
    """Tick an item off with one of the champion's submitted engagements of the year."""

    submit_text = "Tick off"

    engagement = forms.ModelChoiceField(
        label="The engagement that did it",
        queryset=Engagement.objects.none(),
        error_messages={
            "required": "Choose the engagement that did it",
            "invalid_choice": "Choose one of your submitted engagements this year",
        },
    )

    def __init__(self, *args: object, member: Member, year: PoliticalYear, **kwargs: object):
        super().__init__(*args, **kwargs)
        engagement = model_choice(self, "engagement")
        engagement.queryset = (
            member.engagements.submitted().in_year(year).select_related("area").order_by("-date")
        )
        # Django's documented way to label a model choice; the stubs see a method.
        engagement.label_from_instance = _engagement_label  # type: ignore[method-assign,assignment]

    def build_layout(self) -> Layout:
        return Layout(Field.select("engagement"))
