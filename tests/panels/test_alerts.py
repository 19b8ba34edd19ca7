"""Public e-mail alerts and feeds of a body's papers: double opt-in, one-click unsubscribe
(RFC 8058), members told when papers are published, and nothing of an exempt item beyond its
title. Every feed is read with a real feed parser, every e-mail with the `email` package."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import feedparser
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.reminders import dispatch, services
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import AlertSubscription, Reminder, ReminderStatus
from panels import reminders as panel_reminders
from panels import services as panel_services
from panels.models import DecisionStatus, Resolution
from tests.core.reminder_helpers import parsed, parts
from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", slug="cpp", is_public=True)


def subscribe(body, email="reader@example.net", **wants):
    wanted = {"agendas": True, "minutes": True, "decisions": True, **wants}
    subscription = services.alert_subscribe(email=email, body=body, **wanted).subscription
    return subscription


def confirmed(body, email="reader@example.net", **wants):
    subscription = subscribe(body, email, **wants)
    services.alert_confirm(token=subscription.token)
    subscription.refresh_from_db()
    return subscription


def sent_to(address: str):
    return [m for m in mail.outbox if address in m.to]


# Subscribing ----------------------------------------------------------------------------------------


def test_anyone_subscribes_and_confirms_from_the_link_in_the_email(client, body):
    url = reverse("panels:alert_subscribe", kwargs={"slug": body.slug})
    assert client.get(url).status_code == 200
    page = client.post(url, {"email": " Reader@Example.NET ", "agendas": "on", "minutes": "on"})
    assert page.status_code == 200
    assert "Check your e-mail" in page.content.decode()
    subscription = AlertSubscription.objects.get()
    assert subscription.email == "reader@example.net" and not subscription.is_confirmed
    assert (subscription.agendas, subscription.minutes, subscription.decisions) == (
        True,
        True,
        False,
    )
    dispatch.dispatch()
    [message] = mail.outbox
    email_message = parsed(message)
    bodies = parts(email_message)
    assert set(bodies) == {"text/plain", "text/html"}
    confirm_path = reverse("panels:alert_confirm", kwargs={"token": subscription.token})
    assert confirm_path in bodies["text/plain"] and confirm_path in bodies["text/html"]
    assert email_message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    assert client.get(confirm_path).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    done = client.post(confirm_path)
    assert done.status_code == 200 and "You are subscribed" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    again = client.post(confirm_path)
    assert again.status_code == 200 and "already confirmed" in again.content.decode()


def test_a_malformed_address_is_a_clear_message(client, body):
    url = reverse("panels:alert_subscribe", kwargs={"slug": body.slug})
    page = client.post(url, {"email": "not an address", "agendas": "on"})
    assert page.status_code == 200
    assert "Enter an e-mail address in the correct format" in page.content.decode()
    assert not AlertSubscription.objects.exists() and not Reminder.objects.exists()


def test_nothing_chosen_is_a_clear_message(client, body):
    url = reverse("panels:alert_subscribe", kwargs={"slug": body.slug})
    page = client.post(url, {"email": "reader@example.net"})
    assert "Choose at least one kind of paper" in page.content.decode()


def test_an_already_confirmed_address_gets_the_same_page_as_a_new_one(client, body):
    # Whether it subscribes is for its owner only (tests/panels/test_alerts_privacy.py).
    confirmed(body)
    url = reverse("panels:alert_subscribe", kwargs={"slug": body.slug})
    page = client.post(url, {"email": "reader@example.net", "agendas": "on"})
    assert page.status_code == 200
    assert "Check your e-mail" in page.content.decode()
    assert "already" not in page.content.decode()
    assert AlertSubscription.objects.count() == 1


def test_asking_again_before_confirming_sends_at_most_one_link_a_day(body):
    subscribe(body)
    subscribe(body, minutes=False)
    assert Reminder.objects.filter(kind=Kind.ALERT_CONFIRM).count() == 1
    assert AlertSubscription.objects.get().minutes is False


def test_a_body_that_is_not_public_has_no_alerts(client):
    private = BodyFactory(is_public=False)
    url = reverse("panels:alert_subscribe", kwargs={"slug": private.slug})
    assert client.get(url).status_code == 404


def test_an_expired_confirmation_link_says_so(client, body, settings):
    subscription = subscribe(body)
    AlertSubscription.objects.filter(pk=subscription.pk).update(
        confirmation_sent_at=timezone.now()
        - timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS + 1)
    )
    url = reverse("panels:alert_confirm", kwargs={"token": subscription.token})
    response = client.post(url)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert not AlertSubscription.objects.exists()


def test_a_tampered_link_says_so(client, body):
    subscription = subscribe(body)
    bad = subscription.token[:-4] + "abcd"
    for name in ("panels:alert_confirm", "panels:alert_unsubscribe"):
        response = client.get(reverse(name, kwargs={"token": bad}))
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    assert client.post(reverse("panels:alert_confirm", kwargs={"token": bad})).status_code == 404


# Papers published ------------------------------------------------------------------------------------


def _meeting_with_exempt_item(body):
    meeting = MeetingFactory(body=body, date=timezone.localdate() + timedelta(days=20))
    AgendaItemFactory(meeting=meeting, position=1, title="Care leavers' housing offer")
    AgendaItemFactory(
        meeting=meeting,
        position=2,
        title="Placement contract award",
        presenter="Confidential presenter",
        is_exempt=True,
        exempt_paragraph="3",
    )
    return meeting


def test_publishing_an_agenda_tells_members_and_confirmed_subscribers(
    body, officer, django_capture_on_commit_callbacks
):
    member = MembershipFactory(body=body).user
    wants = confirmed(body, "wants@example.net")
    confirmed(body, "minutes-only@example.net", agendas=False)
    subscribe(body, "unconfirmed@example.net")
    meeting = _meeting_with_exempt_item(body)
    dispatch.dispatch()  # the confirmation links
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        panel_services.agenda_publish(actor=officer, meeting=meeting, short_notice_reason="Test")
    assert {m.to[0] for m in mail.outbox} == {member.email, "wants@example.net"}
    [alert] = sent_to("wants@example.net")
    message = parsed(alert)
    bodies = parts(message)
    assert set(bodies) == {"text/plain", "text/html"}
    for text in bodies.values():
        assert "Care leavers" in text
        assert "Placement contract award" in text and "taken in private" in text
        assert "Confidential presenter" not in text
        assert reverse("panels:public_meeting", kwargs={"pk": meeting.pk}) in text
    # One click, as the mail provider does it: a POST with no session.
    link = str(message["List-Unsubscribe"]).strip().removeprefix("<").removesuffix(">")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = mail_client_post(f"/{path}")
    assert response.status_code == 200
    assert not AlertSubscription.objects.filter(pk=wants.pk).exists()
    # Twice is harmless.
    again = mail_client_post(f"/{path}")
    assert again.status_code == 200 and "already stopped" in again.content.decode()
    [member_mail] = sent_to(member.email)
    assert "Placement contract award (taken in private)" in parts(parsed(member_mail))["text/plain"]


def mail_client_post(path):
    from django.test import Client

    return Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


def test_approved_minutes_send_minutes_and_decisions_but_never_an_exempt_items(body, officer):
    confirmed(body)
    meeting = _meeting_with_exempt_item(body)
    meeting.status = "minutes_draft"
    meeting.agenda_published_at = timezone.now()
    meeting.save()
    noted = DecisionStatus.objects.get_or_create(name="Noted")[0]
    public_item, exempt_item = meeting.items.order_by("position")
    Resolution.objects.create(
        item=public_item, position=1, text="That the update be noted.", decision_status=noted
    )
    Resolution.objects.create(
        item=exempt_item, position=1, text="That the contract go to Acme.", decision_status=noted
    )
    panel_services.minutes_approve(actor=officer, meeting=meeting)
    dispatch.dispatch()
    kinds = set(Reminder.objects.filter(status=ReminderStatus.SENT).values_list("kind", flat=True))
    assert {Kind.ALERT_MINUTES, Kind.ALERT_DECISIONS} <= kinds
    decisions = next(m for m in mail.outbox if m.subject.startswith("Decisions:"))
    text = parts(parsed(decisions))["text/plain"]
    assert "That the update be noted." in text and "Decision: Noted" in text
    assert "Acme" not in text


def test_papers_of_a_body_that_is_not_public_reach_members_only():
    body = BodyFactory(is_public=False)
    member = MembershipFactory(body=body).user
    AlertSubscription.objects.create(email="x@example.net", body=body, confirmed_at=timezone.now())
    meeting = MeetingFactory(body=body)
    panel_reminders.papers_published(meeting=meeting, what="agenda")
    assert list(Reminder.objects.values_list("recipient", flat=True)) == [member.pk]


# Feeds ----------------------------------------------------------------------------------------------


def _published(body, **extra):
    meeting = _meeting_with_exempt_item(body)
    for name, value in {"agenda_published_at": timezone.now(), **extra}.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_agenda_feeds_parse_and_name_an_exempt_item_by_title_only(client, body, fmt):
    published = _published(body)
    MeetingFactory(body=body, date=timezone.localdate() + timedelta(days=60))  # not published
    response = client.get(
        reverse(f"panels:body_feed_{fmt}", kwargs={"slug": body.slug, "feed": "agendas"})
    )
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if fmt == "rss" else "atom10")
    assert "Corporate Parenting Panel" in feed.feed.title
    [entry] = feed.entries
    assert entry.link.endswith(reverse("panels:public_meeting", kwargs={"pk": published.pk}))
    assert "Placement contract award (taken in private)" in entry.summary
    assert "Confidential presenter" not in response.content.decode()
    assert entry.published_parsed is not None


def test_minutes_and_decisions_feeds_show_approved_public_business_only(client, body):
    meeting = _published(body, status="minutes_approved", minutes_approved_at=timezone.now())
    _published(body)  # agenda only: not in the minutes feed
    noted = DecisionStatus.objects.get_or_create(name="Noted")[0]
    public_item, exempt_item = meeting.items.order_by("position")
    Resolution.objects.create(
        item=public_item,
        position=1,
        text="That the update be noted.",
        decision_status=noted,
        is_key_decision=True,
        subject_to_call_in=True,
        call_in_deadline=dt.date(2026, 12, 1),
    )
    Resolution.objects.create(
        item=exempt_item, position=1, text="That the contract go to Acme.", decision_status=noted
    )
    minutes = feedparser.parse(
        client.get(
            reverse("panels:body_feed_rss", kwargs={"slug": body.slug, "feed": "minutes"})
        ).content
    )
    assert not minutes.bozo and len(minutes.entries) == 1
    decisions_response = client.get(
        reverse("panels:body_feed_atom", kwargs={"slug": body.slug, "feed": "decisions"})
    )
    decisions = feedparser.parse(decisions_response.content)
    assert not decisions.bozo
    [entry] = decisions.entries
    assert entry.title == "Care leavers' housing offer: Noted"
    assert "key decision" in entry.summary and "called in until 1 December 2026" in entry.summary
    assert "Acme" not in decisions_response.content.decode()


def test_feeds_of_a_body_that_is_not_public_are_not_found(client):
    private = BodyFactory(is_public=False)
    url = reverse("panels:body_feed_rss", kwargs={"slug": private.slug, "feed": "agendas"})
    assert client.get(url).status_code == 404


def test_the_alerts_page_lists_public_bodies_with_their_feeds(client, body):
    BodyFactory(is_public=False, name="Private board")
    page = client.get(reverse("panels:alert_index")).content.decode()
    assert "Corporate Parenting Panel" in page and "Private board" not in page
    assert reverse("panels:body_feed_atom", kwargs={"slug": body.slug, "feed": "minutes"}) in page


def test_addresses_never_confirmed_are_deleted_by_the_daily_run(body, settings):
    from corporate_parenting.reminders.planning import plan_all

    kept = confirmed(body, "kept@example.net")
    subscribe(body, "fresh@example.net")
    stale = subscribe(body, "stale@example.net")
    AlertSubscription.objects.filter(pk=stale.pk).update(
        confirmation_sent_at=timezone.now()
        - timedelta(days=settings.REMINDERS_CONFIRM_MAX_AGE_DAYS + 1)
    )
    AlertSubscription.objects.filter(pk=kept.pk).update(
        confirmation_sent_at=timezone.now() - timedelta(days=400)
    )
    plan_all()
    assert set(AlertSubscription.objects.values_list("email", flat=True)) == {
        "kept@example.net",
        "fresh@example.net",
    }
