"""The engagement form's event list offers what a champion would pick: their sign-ups first,
then recent and upcoming events, with a bounded search for older ones; an edited engagement
keeps its event."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from champions.forms.engagements import EVENT_DAYS_AHEAD, EVENT_DAYS_BACK, SEARCH_MAX_LENGTH
from champions.models import Engagement
from events.models import Category, Event, SignUp
from tests.champions.factories import AppointmentFactory, EngagementFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def champion(councillor):
    return AppointmentFactory(member=MemberFactory(user=councillor))


def _event(title: str, days_from_today: int) -> Event:
    day = timezone.localdate() + dt.timedelta(days=days_from_today)
    return Event.objects.create(
        title=title, category=Category.values[0], start_date=day, end_date=day
    )


def _offered(response) -> dict[str, list[int]]:
    """{group label: [event pks]} as the select offers them."""
    groups = {}
    for label, options in response.context["form"].fields["event"].choices[1:]:
        groups[label] = [pk for pk, _ in options]
    return groups


def test_offers_recent_and_upcoming_events_only(client_for, champion):
    recent = _event("Recent", -10)
    upcoming = _event("Upcoming", EVENT_DAYS_AHEAD - 1)
    old = _event("Old", -EVENT_DAYS_BACK - 5)
    far = _event("Far off", EVENT_DAYS_AHEAD + 5)
    response = client_for("councillor").get(reverse("champions:engagement_create"))
    offered = _offered(response)["Recent and upcoming events"]
    assert recent.pk in offered and upcoming.pk in offered
    assert old.pk not in offered and far.pk not in offered


def test_own_sign_ups_come_first_even_when_older(client_for, champion, councillor):
    _event("Recent", -2)
    signed = _event("Signed up long ago", -EVENT_DAYS_BACK - 40)
    SignUp.objects.create(event=signed, person=councillor)
    response = client_for("councillor").get(reverse("champions:engagement_create"))
    groups = list(_offered(response).items())
    assert groups[0] == ("Events you signed up for", [signed.pk])


def test_a_search_finds_older_events_and_one_can_be_chosen(client_for, champion):
    old = _event("Fostering Fortnight 2019", -2000)
    client = client_for("councillor")
    url = reverse("champions:engagement_create") + "?event_q=fortnight"
    response = client.get(url)
    assert old.pk in _offered(response)["Events matching “fortnight”"]
    response = client.post(
        url,
        {
            "date": timezone.localdate().isoformat(),
            "kind": "event",
            "area": champion.area.pk,
            "young_people_count": "2",
            "event": old.pk,
        },
    )
    assert response.status_code == 302
    assert Engagement.objects.get().event == old


@pytest.mark.parametrize(
    "search", ["x" * 5000, "\x00bad", "%", "' or 1=1 --", "ü" * 200, "<script>"]
)
def test_a_hostile_search_is_bounded_and_never_a_500(client_for, champion, search):
    response = client_for("councillor").get(
        reverse("champions:engagement_create"), {"event_q": search}
    )
    assert response.status_code == 200
    assert len(response.context["event_q"]) <= SEARCH_MAX_LENGTH


@pytest.mark.parametrize("value", ["999999999", "abc", "-1", "9" * 40, "1.5"])
def test_a_hostile_event_value_is_an_error_on_the_event(client_for, champion, value):
    response = client_for("councillor").post(
        reverse("champions:engagement_create"),
        {
            "date": timezone.localdate().isoformat(),
            "kind": "event",
            "area": champion.area.pk,
            "young_people_count": "2",
            "event": value,
        },
    )
    assert response.status_code == 200
    assert "event" in response.context["form"].errors
    assert not Engagement.objects.exists()


def test_editing_keeps_an_old_event_selectable(client_for, champion):
    old = _event("Celebration 2018", -2500)
    engagement = EngagementFactory(member=champion.member, area=champion.area, event=old)
    response = client_for("councillor").get(
        reverse("champions:engagement_edit", args=[engagement.pk])
    )
    offered = [pk for pks in _offered(response).values() for pk in pks]
    assert old.pk in offered
    assert f'value="{old.pk}" selected' in response.text


def test_the_list_stays_bounded_whatever_the_diary_size(client_for, champion):
    from champions.forms.engagements import EVENT_OPTIONS

    day = timezone.localdate()
    Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            category=Category.values[0],
            start_date=day - dt.timedelta(days=n % 60),
            end_date=day - dt.timedelta(days=n % 60),
            uid=uuid.uuid4(),
        )
        for n in range(EVENT_OPTIONS + 40)
    )
    response = client_for("councillor").get(reverse("champions:engagement_create"))
    offered = [pk for pks in _offered(response).values() for pk in pks]
    assert len(offered) == EVENT_OPTIONS
