"""The benchmark's events builder makes a consistent data set the pages can read."""

import pytest
from django.urls import reverse

from events.models import Event, FeedToken
from tests.bench.build_champions import build_champions
from tests.bench.build_events import EVENTS_PER_FACTOR, bench_feed_secret, build_events
from tests.bench.data import build_people, build_site_settings


@pytest.mark.django_db
def test_the_builder_makes_events_sign_ups_and_feed_addresses(client):
    build_people(1)
    build_site_settings(1)
    build_champions(1)
    rows = build_events(1)
    assert rows["events"] == EVENTS_PER_FACTOR == Event.objects.count()
    assert rows["event_signups"] > 0 and rows["event_areas"] > 0
    token = FeedToken.objects.order_by("pk")[0]
    secret = bench_feed_secret(token.person_id)
    response = client.get(reverse("events:private_feed", kwargs={"token": secret}))
    assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content
