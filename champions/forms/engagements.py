"""The engagement form (with its event pick-list) and an officer's response to a follow-up.

The only champions module that imports events at runtime: a champion picks the event they went
to. The pick-list offers what a person would pick (their own sign-ups, then events from
EVENT_DAYS_BACK ago to EVENT_DAYS_AHEAD on), and a bounded search finds older ones; any
existing event is accepted when the form is sent, so a searched one stays valid.
"""

from __future__ import annotations

from datetime import date, timedelta

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from champions.forms.common import (
    NO_NAMES,
    choice,
    date_field,
    model_choice,
)
from champions.models import ChampionArea, EngagementKind, FollowUpStatus, Member, PlanItem
from corporate_parenting.forms import GovUKFormMixin, list_choices
from corporate_parenting.inputs import has_control_characters
from corporate_parenting.widgets import Select
from corporate_parenting.years import current_political_year
from events.models import Event, SignUp
from voice.models import Theme
from voice.principles import offer_principles, principles_checkboxes, principles_field

EVENT_DAYS_BACK = 90  # events that ended this many days ago are offered without a search
EVENT_DAYS_AHEAD = 30  # and events starting within this many days
EVENT_OPTIONS = 150  # at most this many events in the list (sign-ups first)
SEARCH_MAX_LENGTH = 100
SEARCH_RESULTS = 50


def event_search_from(value: object) -> str:
    """The ?event_q= search, bounded: stripped, at most SEARCH_MAX_LENGTH characters, no control
    characters (anything else gives no search)."""
    text = str(value or "").strip()[:SEARCH_MAX_LENGTH]
    return "" if has_control_characters(text) else text


def _event_label(title: str, start_date: date) -> str:
    return f"{title} ({start_date:%-d %b %Y})"


def event_choices(*, member: Member, search: str = "", keep: int | None = None) -> list:
    """Grouped choices: the member's sign-ups, recent and upcoming events, search matches, and
    the event already chosen (keep). One query; bounded whatever the diary's size."""
    today = timezone.localdate()
    signups = SignUp.objects.filter(
        event=OuterRef("pk"), person_id=member.user_id, status="signed_up"
    )
    window = Q(
        start_date__lte=today + timedelta(days=EVENT_DAYS_AHEAD),
        end_date__gte=today - timedelta(days=EVENT_DAYS_BACK),
    )
    wanted = window | Q(Exists(signups))
    if keep:
        wanted |= Q(pk=keep)
    matches: set[int] = set()
    if search:
        matches = set(
            Event.objects.filter(title__icontains=search)
            .order_by("-start_date")
            .values_list("pk", flat=True)[:SEARCH_RESULTS]
        )
        wanted |= Q(pk__in=matches)
    # Plain rows, not Event objects: at a couple of hundred options, building the objects
    # would cost more than the query.
    rows = (
        Event.objects.filter(wanted)
        .annotate(mine=Exists(signups))
        .order_by("-mine", "-start_date", "title")
        .values_list("pk", "title", "start_date", "mine")[: EVENT_OPTIONS + SEARCH_RESULTS + 1]
    )
    mine: list[tuple[int, str]] = []
    found: list[tuple[int, str]] = []
    around: list[tuple[int, str]] = []
    for pk, title, start_date, is_mine in rows:
        option = (pk, _event_label(title, start_date))
        if is_mine:
            mine.append(option)
        elif pk in matches:
            found.append(option)
        elif len(around) < EVENT_OPTIONS or pk == keep:
            around.append(option)
    choices: list = [("", "None")]
    if mine:
        choices.append(("Events you signed up for", mine))
    if found:
        choices.append((f"Events matching “{search}”", found))
    if around:
        choices.append(("Recent and upcoming events", around))
    return choices


def _plan_label(item: PlanItem) -> str:
    return f"{item.intention[:80]} (by {item.due_by:%-d %b %Y})"


class EngagementForm(GovUKFormMixin, forms.Form):
    """Few fields, sensible defaults: today's date, the member's only area already chosen."""

    submit_text = "Submit engagement"

    date = date_field("Date")
    kind = forms.ChoiceField(
        label="What kind of engagement was it?",
        choices=EngagementKind.choices,
        widget=Select,
        error_messages={"required": "Choose what kind of engagement it was"},
    )
    area = forms.ModelChoiceField(
        label="Area",
        queryset=ChampionArea.objects.none(),
        widget=Select,
        error_messages={
            "required": "Choose the area this engagement was for",
            "invalid_choice": "Choose one of your areas",
        },
    )
    event = forms.ChoiceField(
        label="Event in the diary (optional)",
        required=False,
        help_text="Events you signed up for come first. Search for an older one above the form.",
        # Full width: a long event name must not make the page scroll sideways on a phone.
        widget=Select(attrs={"class": "govuk-!-width-full"}),
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
    themes = forms.ModelMultipleChoiceField(
        label="What did they talk about? (optional)",
        help_text="Tick the themes young people raised.",
        required=False,
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Choose themes from the list",
            "invalid_pk_value": "Choose themes from the list",
            "list": "Choose themes from the list",
        },
    )
    principles = principles_field()
    plan_item = forms.ModelChoiceField(
        label="Does this tick off an item of your plan? (optional)",
        required=False,
        queryset=PlanItem.objects.none(),
        widget=Select(attrs={"class": "govuk-!-width-full"}),
        empty_label="No",
        error_messages={"invalid_choice": "Choose an item of your plan that is not done yet"},
    )

    def __init__(
        self,
        *args: object,
        member: Member,
        draft: bool = True,
        search: str = "",
        **kwargs: object,
    ) -> None:
        self.allow_draft = draft
        super().__init__(*args, **kwargs)
        year = current_political_year()
        areas = ChampionArea.objects.filter(
            appointments__member=member,
            appointments__start_year__in=(year.start_year, year.start_year - 1),
        ).distinct()
        area = model_choice(self, "area")
        area.queryset = areas
        area_list = list(areas)
        if len(area_list) == 1:
            area.initial = area_list[0].pk
            area.empty_label = None
        list_choices(area, area_list)
        choice(self, "event").choices = event_choices(
            member=member, search=search, keep=self._chosen_event()
        )
        plan_item = model_choice(self, "plan_item")
        plan_item.queryset = (
            PlanItem.objects.filter(member=member, start_year__in=(year.start_year,))
            .filter(Q(done_by__isnull=True) | Q(pk=self.initial.get("plan_item") or 0))
            .order_by("due_by", "pk")
        )
        # Django's documented way to label a model choice; the stubs see a method.
        plan_item.label_from_instance = _plan_label  # type: ignore[method-assign,assignment]
        list_choices(plan_item, list(plan_item.queryset))
        # Active themes, and any retired one the engagement already has (it keeps it).
        themes = model_choice(self, "themes")
        kept = [getattr(t, "pk", t) for t in self.initial.get("themes") or ()]
        themes.queryset = (Theme.objects.active() | Theme.objects.filter(pk__in=kept)).order_by(
            "position", "name"
        )
        list_choices(themes, list(themes.queryset))
        offer_principles(self)
        today = timezone.localdate()
        self.fields["date"].initial = today
        self.fields["kind"].initial = EngagementKind.EVENT
        if self.allow_draft:
            self.helper.layout.append(
                Submit("save_draft", "Save as draft", css_class="govuk-button--secondary")
            )

    def _chosen_event(self) -> int | None:
        """The event already chosen: the one sent, or the one being edited."""
        value = self.data.get("event") if self.is_bound else self.initial.get("event")
        if isinstance(value, Event):
            return value.pk
        try:
            pk = int(str(value)[:12])
        except (TypeError, ValueError):
            return None
        return pk if 0 < pk < 2**31 else None

    def clean_event(self) -> Event | None:
        """Any event in the diary may be chosen (a search finds older ones); the list only
        offers the likely ones."""
        value = self.cleaned_data.get("event")
        if not value:
            return None
        try:
            return Event.objects.get(pk=int(value))
        except (ValueError, Event.DoesNotExist):
            raise forms.ValidationError("Choose an event from the list, or none") from None

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
            Field.checkboxes("themes", small=True, legend_size=Size.SMALL),
            principles_checkboxes(),
            Field.textarea("follow_up_requested", rows=2),
            Field.text("young_people_count", field_width=4),
            Field.select("plan_item"),
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
