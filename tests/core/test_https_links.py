"""Links to join an event or a meeting online are https:// only, with a clear message."""

import pytest

from events.forms import EventForm
from panels.forms import MeetingForm
from panels.models import Body


def _form(form_class, data):
    if form_class is MeetingForm:
        return MeetingForm(data=data, bodies=Body.objects.all())
    return form_class(data=data)


pytestmark = pytest.mark.django_db

HTTP_MESSAGE = "Enter a web address starting https:// (a secure link), not http://"


@pytest.mark.parametrize("form_class", [EventForm, MeetingForm])
def test_an_http_link_is_refused_on_its_field(form_class):
    form = _form(form_class, {"online_link": "http://teams.example.org/meet/1"})
    form.is_valid()
    assert form.errors["online_link"] == [HTTP_MESSAGE]


@pytest.mark.parametrize("form_class", [EventForm, MeetingForm])
def test_an_https_link_or_a_bare_address_is_accepted(form_class):
    for link, kept in (
        ("https://teams.example.org/meet/1", "https://teams.example.org/meet/1"),
        ("teams.example.org/meet/1", "https://teams.example.org/meet/1"),
    ):
        form = _form(form_class, {"online_link": link})
        form.is_valid()
        assert "online_link" not in form.errors, form.errors
        assert form.cleaned_data["online_link"] == kept


def test_meeting_page_shows_the_message(client_for):
    from django.urls import reverse

    from tests.panels.factories import BodyFactory

    body = BodyFactory()
    response = client_for("officer").post(
        reverse("panels:meeting_create"),
        {
            "body": body.pk,
            "date": "2026-06-11",
            "start_time": "18:30",
            "online_link": "http://teams.example.org/x",
        },
    )
    assert response.status_code == 200
    assert HTTP_MESSAGE in response.content.decode()
