"""Calendar feeds parsed back with icalendar, as a calendar client would read them."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from corporate_parenting.models import User
from events import services
from panels.models import Body, Meeting
from tests.events.factories import EventFactory, FeedTokenFactory, SignUpFactory, in_days
from tests.helpers import assert_constant_queries


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def only(events, summary):
    found = [e for e in events if str(e["SUMMARY"]) == summary]
    assert len(found) == 1, [str(e["SUMMARY"]) for e in events]
    return found[0]


@pytest.mark.django_db
def test_an_all_day_fortnight_ends_on_the_day_after_its_last_day(client):
    EventFactory(
        title="Fostering Fortnight",
        start_date=date(2026, 5, 10) if date(2026, 5, 10) > in_days(-300) else in_days(30),
        end_date=date(2026, 5, 23) if date(2026, 5, 10) > in_days(-300) else in_days(43),
        start_time=None,
        end_time=None,
        is_public=True,
    )
    item = only(parse(client.get(reverse("events:public_feed"))), "Fostering Fortnight")
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert type(start) is date and type(end) is date
    assert end - start == timedelta(days=14)
    assert item["DTSTART"].params.get("VALUE") == "DATE"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2027, 3, 27), 10),  # Saturday: still GMT
        (date(2027, 3, 28), 9),  # the clocks went forward at 1am: BST, UTC+1
        (date(2027, 10, 30), 9),  # Saturday: still BST
        (date(2027, 10, 31), 10),  # the clocks went back at 2am: GMT again
    ],
)
def test_timed_events_are_sent_in_utc_across_the_clock_changes(client, day, utc_hour):
    event = EventFactory(
        start_date=day, end_date=day, start_time=time(10), end_time=time(11, 30), is_public=True
    )
    item = only(parse(client_get_ics(client, event)), event.title)
    start = item.decoded("DTSTART")
    assert start == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert item.decoded("DTEND") - start == timedelta(minutes=90)
    assert "Z" in item["DTSTART"].to_ical().decode()


def client_get_ics(client, event):
    return client.get(reverse("events:event_ics", kwargs={"pk": event.pk}))


@pytest.mark.django_db
def test_a_cancelled_event_stays_in_the_feed_as_cancelled_with_a_higher_sequence(client):
    event = EventFactory(title="Round table", is_public=True)
    item = only(parse(client.get(reverse("events:public_feed"))), "Round table")
    uid, sequence = str(item["UID"]), int(item["SEQUENCE"])
    assert str(item["STATUS"]) == "CONFIRMED"

    services.event_cancel(actor=None, event=event)

    item = only(parse(client.get(reverse("events:public_feed"))), "Round table")
    assert str(item["UID"]) == uid
    assert int(item["SEQUENCE"]) == sequence + 1
    assert str(item["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_changing_the_time_bumps_the_sequence_and_keeps_the_uid():
    event = EventFactory()
    services.event_update(actor=None, event=event, start_time=time(14), end_time=time(15))
    event.refresh_from_db()
    assert event.sequence == 1
    services.event_update(actor=None, event=event, organiser="Someone else")
    event.refresh_from_db()
    assert event.sequence == 1, "a change a calendar does not show keeps the sequence"


@pytest.mark.django_db
def test_the_public_feed_has_only_public_events_and_no_names(client):
    public = EventFactory(title="Celebration", is_public=True)
    EventFactory(title="Members' round table", is_public=False)
    SignUpFactory(event=public, person__full_name="Councillor Zed Quill")
    response = client.get(reverse("events:public_feed"))
    assert [str(e["SUMMARY"]) for e in parse(response)] == ["Celebration"]
    assert b"Quill" not in response.content


@pytest.mark.django_db
def test_the_private_feed_has_my_sign_ups_and_my_meetings(client, councillor):
    mine = EventFactory(title="Mine")
    EventFactory(title="Not mine")
    cancelled_place = EventFactory(title="Place given up")
    SignUpFactory(event=mine, person=councillor)
    services.signup_create(event=cancelled_place, person=councillor)
    services.signup_cancel(event=cancelled_place, person=councillor)
    token = FeedTokenFactory(person=councillor)
    body = Body.objects.create(name="Corporate Parenting Panel", slug="cpp", minute_prefix="CPP")
    body.memberships.create(user=councillor)
    meeting = Meeting.objects.create(body=body, date=in_days(20), start_time=time(18))
    other = Body.objects.create(name="Another board", slug="other", minute_prefix="AB")
    Meeting.objects.create(body=other, date=in_days(20), start_time=time(18))
    events = parse(client.get(reverse("events:private_feed", kwargs={"token": token.token})))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == sorted(["Mine", meeting.body.name])


@pytest.mark.django_db
def test_a_revoked_or_replaced_token_gives_404(client, councillor):
    token = FeedTokenFactory(person=councillor)
    old = token.token
    url = reverse("events:private_feed", kwargs={"token": old})
    assert client.get(url).status_code == 200
    new = services.feed_token_regenerate(person=councillor).token
    assert new != old
    assert client.get(url).status_code == 404
    assert client.get(reverse("events:private_feed", kwargs={"token": new})).status_code == 200
    services.feed_token_revoke(person=councillor)
    assert client.get(reverse("events:private_feed", kwargs={"token": new})).status_code == 404
    assert User.objects.filter(pk=councillor.pk).exists()


@pytest.mark.django_db
def test_feeds_make_the_same_number_of_queries_with_more_events(client, councillor):
    token = FeedTokenFactory(person=councillor)

    def grow():
        for _ in range(5):
            SignUpFactory(person=councillor, event__is_public=True)

    grow()
    assert_constant_queries(client, reverse("events:public_feed"), grow)
    assert_constant_queries(
        client, reverse("events:private_feed", kwargs={"token": token.token}), grow
    )
