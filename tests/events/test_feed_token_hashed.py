"""A private calendar address is kept only as a hash of its secret, shown once when made."""

import hashlib
from importlib import import_module

import pytest
from django.apps import apps as global_apps
from django.urls import reverse

from events import services
from events.models import FeedToken
from tests.events.factories import SignUpFactory

pytestmark = pytest.mark.django_db


def test_the_database_keeps_only_a_hash_of_the_secret(councillor):
    made = services.feed_token_regenerate(person=councillor)
    stored = FeedToken.objects.get(person=councillor)
    assert made.token and made.token not in stored.token_hash
    assert stored.token_hash == hashlib.sha256(made.token.encode()).hexdigest()
    assert stored.token == ""  # read back, the secret is not there to show


def test_the_address_is_shown_once_and_works(client_for, councillor):
    SignUpFactory(person=councillor, event__title="Care Leavers' Week")
    client = client_for("councillor")
    client.post(reverse("events:feed_regenerate"))
    page = client.get(reverse("events:feed"))
    url = page.context["feed_url"]
    assert url and "shown only this once" in page.text
    secret = url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".ics")
    feed = client_for("anonymous").get(reverse("events:private_feed", kwargs={"token": secret}))
    assert feed.status_code == 200 and b"Care Leavers" in feed.content
    again = client.get(reverse("events:feed"))
    assert again.context["feed_url"] == ""
    assert secret not in again.text
    assert "shown only once" in again.text


def test_a_hash_in_the_address_does_not_open_the_feed(client, councillor):
    services.feed_token_regenerate(person=councillor)
    stored = FeedToken.objects.get(person=councillor).token_hash
    response = client.get(reverse("events:private_feed", kwargs={"token": stored}))
    assert response.status_code == 404


def test_existing_addresses_keep_working_after_the_migration(client, councillor):
    """The migration hashes each stored secret, so addresses already subscribed still work."""
    migration = import_module("events.migrations.0003_feed_token_hashed")
    secret = "an-address-from-before-the-migration"
    FeedToken.objects.create(person=councillor, token_hash=secret)  # as stored before
    migration.hash_existing(global_apps, None)
    response = client.get(reverse("events:private_feed", kwargs={"token": secret}))
    assert response.status_code == 200
