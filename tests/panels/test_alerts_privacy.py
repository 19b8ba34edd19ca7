"""Public alerts tell no one but the address's owner whether it subscribes: the sign-up gives
the same page either way (the owner is told by e-mail), and an address may be asked about only
so often, whoever asks. (The pages behind the links in alert e-mails are never stored:
tests/core/test_secret_links_no_store.py.)"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.reminders import dispatch, services
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import AlertSubscription, Reminder
from tests.core.reminder_helpers import outbox_to, parsed, parts
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db

READER = "reader@example.net"
STRANGER = "stranger@example.net"


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)


def confirmed(body, email=READER, **wants):
    wanted = {"agendas": True, "minutes": False, "decisions": True, **wants}
    subscription = services.alert_subscribe(email=email, body=body, **wanted).subscription
    services.alert_confirm(token=subscription.token)
    subscription.refresh_from_db()
    return subscription


def sign_up(client, body, email, **extra):
    url = reverse("panels:alert_subscribe", kwargs={"slug": body.slug})
    return client.post(url, {"email": email, "agendas": "on", "minutes": "on", **extra})


def as_seen(response, email):
    """The page without the address typed in, and without what differs on every page."""
    text = response.content.decode().replace(email, "ADDRESS")
    text = text.replace(str(response.context["CSP_NONCE"]), "NONCE")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "CSRF", text)
    return response.status_code, response.templates[0].name, text


# The same answer either way ----------------------------------------------------------------------


def test_signing_up_an_address_that_already_gets_alerts_looks_the_same_as_a_new_one(client, body):
    confirmed(body)
    mail.outbox.clear()
    subscribed = sign_up(client, body, READER)
    new = sign_up(client, body, STRANGER)
    assert subscribed.status_code == 200
    assert "Check your e-mail" in subscribed.content.decode()
    assert "already" not in subscribed.content.decode()
    assert as_seen(subscribed, READER) == as_seen(new, STRANGER)


def test_the_owner_of_an_address_that_already_gets_alerts_is_told_by_email(client, body):
    subscription = confirmed(body)
    dispatch.dispatch()
    mail.outbox.clear()
    sign_up(client, body, READER.upper())
    dispatch.dispatch()
    [message] = outbox_to(READER)
    email_message = parsed(message)
    assert "You already get e-mail alerts" in email_message["Subject"]
    assert "Corporate Parenting Panel" in email_message["Subject"]
    bodies = parts(email_message)
    assert set(bodies) == {"text/plain", "text/html"}
    unsubscribe = reverse("panels:alert_unsubscribe", kwargs={"token": subscription.token})
    for text in bodies.values():
        assert "already get" in text
        assert unsubscribe in text
        # Nothing that would let whoever typed the address in confirm or change anything.
        assert reverse("panels:alert_confirm", kwargs={"token": subscription.token}) not in text
    assert email_message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in email_message["List-Unsubscribe"]


def test_signing_up_again_changes_nothing_of_a_confirmed_subscription(client, body):
    subscription = confirmed(body, minutes=False)
    sign_up(client, body, READER, decisions="")
    subscription.refresh_from_db()
    assert (subscription.agendas, subscription.minutes, subscription.decisions) == (
        True,
        False,
        True,
    )
    assert subscription.is_confirmed
    assert AlertSubscription.objects.count() == 1


def test_the_owner_is_told_at_most_once_a_day(body):
    confirmed(body)
    for _ in range(3):
        services.alert_subscribe(
            email=READER, body=body, agendas=True, minutes=True, decisions=True
        )
    assert Reminder.objects.filter(kind=Kind.ALERT_ALREADY_SUBSCRIBED).count() == 1
    tomorrow = timezone.now() + timedelta(days=1)
    services.alert_subscribe(
        email=READER, body=body, agendas=True, minutes=True, decisions=True, now=tomorrow
    )
    assert Reminder.objects.filter(kind=Kind.ALERT_ALREADY_SUBSCRIBED).count() == 2


# A limit per address -----------------------------------------------------------------------------


def test_an_address_may_be_signed_up_only_so_often_and_the_answer_says_nothing_of_it(
    client, body, settings
):
    settings.ALERT_SIGN_UP_EMAIL_LIMIT = 3
    confirmed(body)
    for _ in range(3):
        sign_up(client, body, READER)
        sign_up(client, body, STRANGER)
    subscribed = sign_up(client, body, READER)
    new = sign_up(client, body, STRANGER)
    message = "Too many requests have been made for this e-mail address"
    assert message in subscribed.content.decode()
    assert as_seen(subscribed, READER) == as_seen(new, STRANGER)
    # Another address is not held back, from the same visitor.
    assert "Check your e-mail" in sign_up(client, body, "other@example.net").content.decode()


def test_the_limit_counts_an_address_however_it_is_written(client, body, settings):
    settings.ALERT_SIGN_UP_EMAIL_LIMIT = 2
    sign_up(client, body, READER)
    sign_up(client, body, " Reader@Example.NET")
    refused = sign_up(client, body, "READER@example.net ")
    assert "Too many requests have been made for this e-mail address" in refused.content.decode()


def test_the_limit_ends_with_its_window(body, settings):
    settings.ALERT_SIGN_UP_EMAIL_LIMIT = 1

    def sign_up_reader():
        services.alert_subscribe(
            email=READER, body=body, agendas=True, minutes=True, decisions=True
        )

    sign_up_reader()
    with pytest.raises(ValidationError):
        sign_up_reader()
    cache.clear()  # what the cache does when the window's time is up
    sign_up_reader()
