"""Pages reached by the secret link in an e-mail name a person or show an address: the reminder
settings page, and an alert's confirm and unsubscribe pages. No browser or proxy keeps them
(Cache-Control: no-store), whatever the link's state."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.reminders import services
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.links import settings_token
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def signed_url(token: str) -> str:
    return reverse("reminders:preferences_signed", kwargs={"token": token})


def test_the_settings_page_from_an_email_is_never_stored(client, councillor):
    url = signed_url(settings_token(user_id=councillor.pk, kind=Kind.EVENT_UPCOMING))
    page = client.get(url)
    assert page.status_code == 200 and councillor.email in page.content.decode()
    assert no_store(page)
    saved = client.post(url, {"enabled": [Kind.ACTION_DUE]})
    assert saved.status_code == 302 and no_store(saved)
    one_click = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200 and no_store(one_click)


def test_a_settings_link_that_cannot_be_used_is_never_stored_either(client, councillor):
    token = settings_token(user_id=councillor.pk)
    assert no_store(client.get(signed_url(token[:-3] + "abc")))
    later = timezone.now() + timedelta(days=settings.REMINDERS_LINK_MAX_AGE_DAYS + 1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        expired = client.get(signed_url(token))
    assert expired.status_code == 410 and no_store(expired)


# Public alerts -------------------------------------------------------------------------------------

READER = "reader@example.net"


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)


def subscribed(body):
    return services.alert_subscribe(
        email=READER, body=body, agendas=True, minutes=True, decisions=True
    ).subscription


def test_the_alert_confirmation_pages_are_never_stored(client, body):
    subscription = subscribed(body)
    url = reverse("panels:alert_confirm", kwargs={"token": subscription.token})
    page = client.get(url)
    assert page.status_code == 200 and READER in page.content.decode()
    assert no_store(page)
    done = client.post(url)
    assert done.status_code == 200 and no_store(done)
    again = client.get(url)
    assert again.status_code == 200 and no_store(again)
    bad = client.get(reverse("panels:alert_confirm", kwargs={"token": "x" + subscription.token}))
    assert bad.status_code == 404 and no_store(bad)


def test_the_alert_unsubscribe_pages_are_never_stored(body):
    subscription = subscribed(body)
    services.alert_confirm(token=subscription.token)
    url = reverse("panels:alert_unsubscribe", kwargs={"token": subscription.token})
    client = Client()
    page = client.get(url)
    assert page.status_code == 200 and READER in page.content.decode()
    assert no_store(page)
    done = client.post(url)
    assert done.status_code == 200 and no_store(done)
    # The link again, once the address is gone.
    assert no_store(client.post(url)) and no_store(client.get(url))
