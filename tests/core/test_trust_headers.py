"""Nothing of a signed-in person's, and no export, is kept by a browser or proxy; no page may
ask for the camera, microphone or location."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "councillor", "officer", "admin"])
def test_every_page_has_a_permissions_policy(client_for, role):
    for url in ("/", "/offer/", reverse("login"), "/no-such-page/"):
        response = client_for(role).get(url)
        assert "camera=()" in response["Permissions-Policy"], url
        assert "geolocation=()" in response["Permissions-Policy"], url


@pytest.mark.parametrize("role", ["councillor", "officer", "admin"])
def test_signed_in_pages_are_not_stored(client_for, role):
    for url in ("/", "/offer/", "/events/"):
        response = client_for(role).get(url)
        assert response["Cache-Control"] == "private, no-store", url


def test_public_pages_for_anonymous_visitors_may_be_stored(client):
    assert "no-store" not in client.get("/offer/").get("Cache-Control", "")


def test_exports_are_not_stored_even_for_anonymous_visitors(client, client_for):
    EventFactory(is_public=True)
    feed = client.get(reverse("events:public_feed"))
    assert feed["Cache-Control"] == "private, no-store"
    csv = client_for("admin").get(reverse("events:list") + "?export=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv["Cache-Control"] == "private, no-store"
