"""Pages that write their HTML in Python (rows, drop-downs, calendars, the report's lists) show
hostile text as typed: escaped once, never run as markup, never escaped twice."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.models import Engagement
from corporate_parenting.audit import audit_record
from corporate_parenting.years import current_political_year, political_year_for
from panels.models import Body
from tests import factories as core
from tests.champions.factories import (
    AppointmentFactory,
    ChampionAreaFactory,
    EngagementFactory,
    MemberFactory,
    PlanItemFactory,
)
from tests.events.factories import EventFactory, in_days
from tests.offer.factories import (
    FeedbackFactory,
    IndicatorFactory,
    OfferCategoryFactory,
    OfferEntryFactory,
)
from tests.panels.factories import ActionFactory, AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
QUOTED = "\"quoted\" & 'single' <b>"
QUOTED_ESCAPED = "&quot;quoted&quot; &amp; &#x27;single&#x27; &lt;b&gt;"


def hostile(label: str) -> str:
    """A name that carries both hostile strings, told apart from the others by its label."""
    return f"{label} {SCRIPT} {QUOTED}"


def assert_shown_as_typed(page: str, *labels: str) -> None:
    """Each hostile name is on the page escaped exactly once, and nothing on it runs."""
    assert SCRIPT not in page
    assert QUOTED not in page
    for label in labels:
        assert f"{label} {SCRIPT_ESCAPED} {QUOTED_ESCAPED}" in page, label
    assert "&amp;lt;" not in page and "&amp;amp;" not in page and "&amp;quot;" not in page
    assert "&amp;#x27;" not in page


def option(value: object, label: str, *, selected: bool = False) -> str:
    """A drop-down's option for a hostile name, as Django writes it."""
    chosen = " selected" if selected else ""
    return f'<option value="{value}"{chosen}>{label} {SCRIPT_ESCAPED} {QUOTED_ESCAPED}</option>'


def in_a_cell(page: str, label: str) -> bool:
    """Whether a table cell of the page starts with the hostile name, escaped once."""
    return f'__cell">{label} {SCRIPT_ESCAPED} {QUOTED_ESCAPED}' in page


def get(client, url: str, query: dict[str, str] | None = None) -> str:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return response.text


def test_a_list_and_its_filter_drop_down_show_a_hostile_body_and_action_as_typed(client_for):
    body = BodyFactory(name=hostile("Body"))
    meeting = MeetingFactory(body=body, date=dt.date.today() + dt.timedelta(days=3))
    ActionFactory(item=AgendaItemFactory(meeting=meeting), text=hostile("Action"))
    client = client_for("admin")
    meetings = get(client, reverse("panels:meeting_list"))
    assert option(body.pk, "Body") in meetings
    assert_shown_as_typed(meetings, "Body")
    actions = get(client, reverse("panels:action_list"))
    assert in_a_cell(actions, "Body")
    assert_shown_as_typed(actions, "Action", "Body")


def test_a_chosen_filter_keeps_its_value_escaped_in_the_drop_down(client_for):
    area = ChampionAreaFactory(name=hostile("Area"))
    EngagementFactory(area=area, what_we_did=hostile("Did"))
    page = get(client_for("admin"), f"{reverse('champions:engagement_list')}?area={area.pk}")
    assert option(area.pk, "Area", selected=True) in page
    assert_shown_as_typed(page, "Area")


def test_the_engagements_list_shows_hostile_names_as_typed(client_for):
    member = MemberFactory(user=core.councillor(full_name=hostile("Member")))
    EngagementFactory(member=member, area=ChampionAreaFactory(name=hostile("Area")))
    page = get(client_for("admin"), reverse("champions:engagement_list"))
    assert in_a_cell(page, "Member") and in_a_cell(page, "Area")
    assert_shown_as_typed(page, "Member", "Area")


def test_the_people_list_shows_a_hostile_name_as_typed(client_for):
    core.councillor(full_name=hostile("Person"))
    assert_shown_as_typed(get(client_for("admin"), "/people/"), "Person")


def test_the_engagement_forms_drop_downs_show_hostile_events_areas_and_plans_as_typed(
    client_for, councillor
):
    appointment = AppointmentFactory(
        member=MemberFactory(user=councillor), area=ChampionAreaFactory(name=hostile("Area"))
    )
    AppointmentFactory(member=appointment.member)  # two areas: the area is a real choice
    plan = PlanItemFactory(member=appointment.member, intention=hostile("Plan"))
    event = EventFactory(title=hostile("Event"), start_date=timezone.localdate())
    page = get(client_for("councillor"), reverse("champions:engagement_create"))
    assert option(appointment.area.pk, "Area") in page
    assert f'<option value="{event.pk}">Event {SCRIPT_ESCAPED} {QUOTED_ESCAPED} (' in page
    assert f'<option value="{plan.pk}">Plan {SCRIPT_ESCAPED} {QUOTED_ESCAPED} (by ' in page
    assert_shown_as_typed(page, "Area", "Event", "Plan")


def test_a_hostile_event_search_is_shown_as_typed_in_the_event_drop_down(client_for, councillor):
    AppointmentFactory(member=MemberFactory(user=councillor))
    EventFactory(title=hostile("Event"), start_date=timezone.localdate() - dt.timedelta(days=400))
    search = f"{SCRIPT} {QUOTED}"
    url = reverse("champions:engagement_create")
    page = get(client_for("councillor"), url, {"event_q": search})
    assert f'<optgroup label="Events matching “{SCRIPT_ESCAPED} {QUOTED_ESCAPED}”">' in page
    assert_shown_as_typed(page, "Event")


def _events_this_month() -> dt.date:
    day = in_days(3)
    EventFactory(
        title=hostile("Event"),
        location=hostile("Where"),
        start_date=day,
        is_public=True,
        areas=[ChampionAreaFactory(name=hostile("Area"), slug="hostile-area")],
    )
    MeetingFactory(body=BodyFactory(name=hostile("Body"), is_public=True), date=day)
    return day


def test_the_months_show_hostile_titles_places_and_bodies_as_typed(client, client_for):
    day = _events_this_month()
    query = f"?year={day.year}&month={day.month}"
    members = get(client_for("councillor"), reverse("events:month") + query)
    assert_shown_as_typed(members, "Event", "Where", "Body", "Area")
    public = get(client, reverse("events:public_month") + query)
    assert_shown_as_typed(public, "Event", "Where", "Body", "Area")


def test_the_diary_shows_a_hostile_title_as_typed(client_for):
    event = EventFactory(title=hostile("Event"), start_date=in_days(30))
    year = political_year_for(event.start_date).start_year
    page = get(client_for("councillor"), f"{reverse('events:diary')}?year={year}")
    assert_shown_as_typed(page, "Event")


def test_roll_forward_shows_a_hostile_title_as_typed_and_keeps_what_was_typed(client_for):
    event = EventFactory(
        title=hostile("Event"),
        start_date=dt.date(2022, 10, 24),
        end_date=dt.date(2022, 10, 30),
        start_time=None,
        end_time=None,
        is_annual=True,
        annual_rule="last_full_week",
    )
    url = reverse("events:roll_forward") + "?year=2022"
    client = client_for("admin")
    assert_shown_as_typed(get(client, url), "Event")
    typed = '"><script>alert(1)</script>'
    response = client.post(url, {f"include_{event.pk}": "on", f"start_{event.pk}": typed})
    assert response.status_code == 200
    assert_shown_as_typed(response.text, "Event")
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in response.text


def test_the_champion_report_shows_hostile_text_as_typed(client_for):
    member = MemberFactory(user=core.councillor(full_name=hostile("Member")))
    area = ChampionAreaFactory(name=hostile("Area"))
    engagement = EngagementFactory(
        member=member,
        area=area,
        date=max(current_political_year().start, timezone.localdate() - dt.timedelta(days=1)),
        what_we_did=hostile("Did"),
        young_people_said=hostile("Heard"),
        event_title=hostile("Event"),
    )
    Engagement.objects.filter(pk=engagement.pk).update(
        follow_up_status="done", follow_up_response=hostile("Changed")
    )
    PlanItemFactory(member=member, area=area, intention=hostile("Plan"))
    page = get(client_for("officer"), reverse("champions:report"))
    assert_shown_as_typed(page, "Member", "Area", "Did", "Heard", "Event", "Changed", "Plan")


def test_the_audit_trail_shows_a_hostile_record_and_person_as_typed(client_for):
    actor = core.officer(full_name=hostile("Actor"))
    body = BodyFactory(name=hostile("Body"))
    audit_record(actor=actor, instance=body, action="renamed", note=hostile("Note"))
    page = get(client_for("admin"), reverse("audit_trail"))
    assert_shown_as_typed(page, "Actor", "Body", "Note")


def test_the_record_changes_show_a_hostile_before_and_after_as_typed(client_for):
    body = BodyFactory(name=hostile("Before"))
    Body.objects.filter(pk=body.pk).update(name=hostile("After"))
    page = get(client_for("admin"), reverse("audit_changes"))
    assert_shown_as_typed(page, "Before", "After")


def test_the_offers_lists_and_scorecard_show_hostile_titles_and_names_as_typed(client_for):
    OfferEntryFactory(
        title=hostile("Entry"), category=OfferCategoryFactory(name=hostile("Category"))
    )
    FeedbackFactory(text=hostile("Feedback"))
    IndicatorFactory(name=hostile("Indicator"))
    client = client_for("admin")
    assert_shown_as_typed(get(client, reverse("offer:manage")), "Entry")
    assert_shown_as_typed(get(client, reverse("offer:feedback_list")), "Feedback")
    assert_shown_as_typed(get(client, reverse("offer:indicator_list")), "Indicator")
    # An indicator with no figures is listed when asked for (?all=1).
    assert_shown_as_typed(get(client, reverse("offer:scorecard") + "?all=1"), "Indicator")
