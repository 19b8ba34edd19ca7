"""An event's one-line fields refuse line breaks and control characters with a message on the
field, and its calendar file is written whatever text is stored (an older row, an import)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events import ical
from events.models import Event
from tests.events.factories import EventFactory
from tests.events.test_views import event_form_data

pytestmark = pytest.mark.django_db

ONE_LINE_MESSAGE = "without line breaks or hidden control characters"


@pytest.mark.parametrize("field", ["title", "location", "organiser"])
@pytest.mark.parametrize(
    "text", ["Care leavers\r\nday", "Care leavers\nday", "Tab\there", "a\x1fb"]
)
def test_a_one_line_field_refuses_line_breaks_with_a_message_on_it(client_for, field, text):
    response = client_for("admin").post(reverse("events:create"), event_form_data(**{field: text}))
    assert response.status_code == 200
    form = response.context["form"]
    assert ONE_LINE_MESSAGE in " ".join(form.errors[field])
    assert not Event.objects.exists()


def test_a_description_keeps_its_line_breaks(client_for):
    response = client_for("admin").post(
        reverse("events:create"), event_form_data(description="First line\r\nSecond line")
    )
    assert response.status_code == 302
    assert Event.objects.get().description == "First line\r\nSecond line"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Care leavers\r\nday", "Care leavers day"),
        ("Care\rleavers", "Care leavers"),
        ("Care\nleavers\n", "Care leavers"),
        ("a\x0bb\x1f", "a b"),
    ],
)
def test_an_event_with_line_breaks_stored_in_its_text_still_has_a_calendar_file(
    client, title, shown
):
    event = EventFactory(
        title=title,
        location="Room 1\r\nTown Hall",
        description="Line one\r\nLine two\rLine three",
        is_public=True,
    )
    for response in (
        client.get(reverse("events:event_ics", kwargs={"pk": event.pk})),
        client.get(reverse("events:public_feed")),
    ):
        assert response.status_code == 200
        content = response.content
        # Every content line ends in CRLF, with no CR or LF of its own.
        lines = content.split(b"\r\n")
        assert not any(b"\r" in line or b"\n" in line for line in lines)
        [item] = Calendar.from_ical(content).walk("VEVENT")
        assert str(item["SUMMARY"]) == shown
        assert str(item["LOCATION"]) == "Room 1 Town Hall"
        assert str(item["DESCRIPTION"]) == "Line one\nLine two\nLine three"


def test_a_nul_or_a_lone_surrogate_in_text_never_breaks_the_calendar():
    # PostgreSQL holds neither, but the writer takes text from wherever it comes.
    event = EventFactory.build(
        pk=1,
        title="a\x00b\ud800c",
        location="x\x00y",
        description="d\x00e\r\nf",
        online_link="https://example.org/meet",
        updated_at=timezone.now(),
    )
    content = ical.calendar_bytes("Our\r\ncalendar\x00", [event])
    assert b"\x00" not in content
    calendar = Calendar.from_ical(content)
    assert str(calendar["X-WR-CALNAME"]) == "Our calendar"
    [item] = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "a b\ufffdc"
    assert str(item["LOCATION"]) == "x y, https://example.org/meet"
