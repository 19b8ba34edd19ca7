"""The outbox: a reminder is one row per (kind, subject, recipient, occasion), sent once, with
failures recorded; the e-mail has both parts, the council as sender and working links."""

from __future__ import annotations

import smtplib
from datetime import date, datetime, timedelta
from email.utils import parseaddr
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.models import AuditEvent
from corporate_parenting.reminders import dispatch, services
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.links import settings_token
from corporate_parenting.reminders.models import Reminder, ReminderOptOut, ReminderStatus
from corporate_parenting.reminders.services import Outgoing, local_time_on, reminders_create
from tests.core.reminder_helpers import parsed, parts
from tests.events.factories import EventFactory, SignUpFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _event_reminder(person, *, occasion="7d", kind=Kind.EVENT_UPCOMING, due_at=None):
    event = EventFactory(title="Fostering Fortnight launch")
    SignUpFactory(event=event, person=person)
    return Outgoing(
        kind=kind,
        subject=event,
        recipient=person,
        occasion=occasion,
        context={
            "title": event.title,
            "dates": event.dates_label,
            "times": event.times_label,
            "location": "Civic Offices",
            "start_date": event.start_date.isoformat(),
            "days_left": 7,
            "path": f"/events/{event.pk}/",
        },
        due_at=due_at,
    )


def test_the_same_reminder_twice_is_one_row(councillor):
    item = _event_reminder(councillor)
    assert reminders_create(items=[item]) == 1
    assert reminders_create(items=[item, item]) == 0
    assert Reminder.objects.count() == 1


def test_a_turned_off_kind_is_not_written(councillor):
    ReminderOptOut.objects.create(user=councillor, kind=Kind.EVENT_UPCOMING)
    assert reminders_create(items=[_event_reminder(councillor)]) == 0


def test_a_required_kind_cannot_be_turned_off(councillor):
    services.preferences_set(user=councillor, enabled=[])
    assert Kind.EVENT_CHANGED not in services.turned_off(councillor)
    assert Kind.EVENT_UPCOMING in services.turned_off(councillor)
    assert not services.preference_turn_off(user=councillor, kind=Kind.DBS_EXPIRING)


def test_dispatch_sends_each_due_reminder_once(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    first = dispatch.dispatch()
    second = dispatch.dispatch()
    assert (first.claimed, first.sent_here) == (1, 1)
    assert second.claimed == 0
    assert len(mail.outbox) == 1
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.SENT
    assert row.attempts == 1
    assert row.to_email == councillor.email
    assert row.message_id == f"<reminder-{row.pk}@example.org>"


def test_a_reminder_not_yet_due_waits(councillor):
    later = timezone.now() + timedelta(hours=3)
    reminders_create(items=[_event_reminder(councillor, due_at=later)])
    assert dispatch.dispatch().claimed == 0
    assert dispatch.dispatch(now=later + timedelta(minutes=1)).claimed == 1


def test_sending_twice_the_same_claimed_row_sends_once(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    [pk] = dispatch.claim()
    assert dispatch.send_claimed(pk) == "sent"
    assert dispatch.send_claimed(pk) == "not mine"
    assert len(mail.outbox) == 1


def test_the_email_has_text_and_html_parts_and_the_council_as_sender(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    dispatch.dispatch()
    message = parsed(mail.outbox[0])
    name, address = parseaddr(message["From"])
    assert name == "Anytown Council"
    assert address == settings.DEFAULT_FROM_EMAIL
    bodies = parts(message)
    assert set(bodies) == {"text/plain", "text/html"}
    event_path = Reminder.objects.get().context["path"]
    for body in bodies.values():
        assert f"{settings.PORTAL_BASE_URL}{event_path}" in body
        assert "Fostering Fortnight launch" in body
        assert "/account/reminders/" in body
    assert "&amp;" not in bodies["text/plain"] and "&#x27;" not in bodies["text/plain"]
    assert message["Subject"].startswith("Reminder: Fostering Fortnight launch")


def test_an_optional_kind_has_one_click_unsubscribe_headers(councillor, client):
    reminders_create(items=[_event_reminder(councillor)])
    dispatch.dispatch()
    message = parsed(mail.outbox[0])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = str(message["List-Unsubscribe"]).strip().removeprefix("<").removesuffix(">")
    assert url.startswith("http") and " " not in url
    assert url.startswith(f"{settings.PORTAL_BASE_URL}/account/reminders/")
    # The mail provider posts the one-click body, with no session and no CSRF token.
    path = url.removeprefix(settings.PORTAL_BASE_URL)
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert ReminderOptOut.objects.filter(user=councillor, kind=Kind.EVENT_UPCOMING).exists()


def test_a_required_kind_has_no_unsubscribe_header(councillor):
    reminders_create(
        items=[_event_reminder(councillor, kind=Kind.EVENT_CHANGED, occasion="cancelled:1")]
    )
    dispatch.dispatch()
    message = parsed(mail.outbox[0])
    assert message["List-Unsubscribe"] is None
    assert "cannot be turned off" in parts(message)["text/plain"]


def test_a_refusing_mail_server_is_a_recorded_failure(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    refused = smtplib.SMTPRecipientsRefused({councillor.email: (550, b"No such user")})
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = refused
        dispatch.dispatch()
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.FAILED
    assert "refused the address" in row.last_error and "550 No such user" in row.last_error


def test_a_mail_server_that_is_down_means_a_retry_with_backoff(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        before = timezone.now()
        dispatch.dispatch()
        row = Reminder.objects.get()
        assert row.status == ReminderStatus.RETRY
        assert row.send_after >= before + timedelta(minutes=1)
        assert dispatch.dispatch().claimed == 0  # not before the backoff
        later = row.send_after + timedelta(seconds=1)
        send.side_effect = smtplib.SMTPResponseException(451, b"Try again later")
        before = timezone.now()
        dispatch.dispatch(now=later)
    row.refresh_from_db()
    assert row.status == ReminderStatus.RETRY and row.attempts == 2
    assert row.send_after >= before + timedelta(minutes=5)
    dispatch.dispatch(now=row.send_after + timedelta(seconds=1))
    row.refresh_from_db()
    assert row.status == ReminderStatus.SENT
    assert len(mail.outbox) == 1


def test_retries_stop_after_the_last_attempt(councillor, settings):
    settings.REMINDERS_MAX_ATTEMPTS = 2
    reminders_create(items=[_event_reminder(councillor)])
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = ConnectionRefusedError("no mail server")
        dispatch.dispatch()
        dispatch.dispatch(now=timezone.now() + timedelta(hours=1))
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.FAILED
    assert "ConnectionRefusedError" in row.last_error


def test_backoff_never_exceeds_the_visibility_timeout():
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert all(dispatch.backoff(n).total_seconds() < 24 * 3600 for n in range(1, 20))
    # Retries wait in the database, not as broker countdowns; the lease a dead worker's row
    # waits for is shorter than the broker's redelivery.
    assert timeout > settings.REMINDERS_SENDING_LEASE_SECONDS
    assert settings.CELERY_TASK_TIME_LIMIT < settings.REMINDERS_SENDING_LEASE_SECONDS


def test_a_person_with_no_email_address_is_a_recorded_failure(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    type(councillor).objects.filter(pk=councillor.pk).update(email="")
    dispatch.dispatch()
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.FAILED
    assert row.last_error == "There is no e-mail address to send it to"
    assert mail.outbox == []


def test_a_kind_turned_off_after_it_was_written_is_skipped(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    services.preference_turn_off(user=councillor, kind=Kind.EVENT_UPCOMING)
    dispatch.dispatch()
    row = Reminder.objects.get()
    assert (row.status, row.last_error) == (ReminderStatus.SKIPPED, "Turned off by the person")


def test_a_dead_workers_row_is_claimed_again_after_its_lease(councillor):
    reminders_create(items=[_event_reminder(councillor)])
    [pk] = dispatch.claim()
    # The worker died before sending: the row stays "sending", unlocked.
    assert dispatch.claim() == []
    lease = timedelta(seconds=settings.REMINDERS_SENDING_LEASE_SECONDS)
    assert dispatch.claim(now=timezone.now() + lease + timedelta(seconds=1)) == [pk]
    assert dispatch.send_claimed(pk) == "sent"


def test_resend_is_a_new_row_recorded_as_a_resend(councillor, portal_admin):
    reminders_create(items=[_event_reminder(councillor)])
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages") as send:
        send.side_effect = smtplib.SMTPRecipientsRefused({councillor.email: (550, b"No")})
        dispatch.dispatch()
    failed = Reminder.objects.get()
    copy = services.reminder_resend(actor=portal_admin, reminder=failed)
    dispatch.dispatch()
    copy.refresh_from_db()
    assert copy.resend_of == failed and copy.requested_by == portal_admin
    assert copy.status == ReminderStatus.SENT
    assert copy.occasion.endswith("|resend 1")
    assert len(mail.outbox) == 1
    event = AuditEvent.objects.for_object(failed).get()
    assert event.action == "reminder resent" and event.actor == portal_admin


def test_send_hour_is_local_time_on_the_days_the_clocks_change():
    spring = local_time_on(date(2026, 3, 29))  # clocks go forward at 01:00 UTC
    autumn = local_time_on(date(2026, 10, 25))  # clocks go back at 01:00 UTC
    assert spring.astimezone(ZoneInfo("UTC")).hour == 7  # 08:00 BST
    assert autumn.astimezone(ZoneInfo("UTC")).hour == 8  # 08:00 GMT
    assert spring.astimezone(LONDON).hour == autumn.astimezone(LONDON).hour == 8
    # A week before a Monday after the change is the Monday before, still at 08:00 local.
    week_before = local_time_on(date(2026, 3, 30) - timedelta(days=7))
    assert week_before.astimezone(LONDON).hour == 8
    utc = ZoneInfo("UTC")
    elapsed = local_time_on(date(2026, 3, 30)).astimezone(utc) - week_before.astimezone(utc)
    assert elapsed == timedelta(days=7, hours=-1)  # 167 hours: the wall clock decides


def test_beat_schedule_is_static_and_idle_from_one_to_three():
    schedule = settings.CELERY_BEAT_SCHEDULE
    # Other parts schedule their own tasks too (retention.apply); every entry is checked below.
    assert {entry["task"] for entry in schedule.values()} >= {
        "reminders.plan",
        "reminders.dispatch",
    }
    for entry in schedule.values():
        hours = entry["schedule"].hour
        assert not hours & {1, 2}, entry
    assert schedule["reminders-dispatch"]["schedule"].minute == set(range(0, 60, 5))


def test_beat_does_not_fire_during_the_clock_changes():
    from corporate_parenting.celery import app

    for day in (datetime(2026, 3, 29, tzinfo=LONDON), datetime(2026, 10, 25, tzinfo=LONDON)):
        for entry in settings.CELERY_BEAT_SCHEDULE.values():
            schedule = entry["schedule"]
            schedule.app = app
            for minute in range(0, 24 * 60, 5):
                moment = day + timedelta(minutes=minute)
                if moment.hour in (1, 2):
                    assert not (
                        moment.minute in schedule.minute and moment.hour in schedule.hour
                    ), moment


def test_dispatch_reminders_command_sends_what_is_due(councillor, capsys):
    from django.core.management import call_command

    reminders_create(items=[_event_reminder(councillor)])
    call_command("dispatch_reminders")
    assert "Reminders dealt with: 1 (1 sent)" in capsys.readouterr().out
    assert len(mail.outbox) == 1


# Pages -------------------------------------------------------------------------------------------


def test_preferences_page_changes_what_a_person_gets(client_for, councillor):
    client = client_for("councillor")
    url = reverse("reminders:preferences")
    assert client.get(url).status_code == 200
    response = client.post(url, {"enabled": [Kind.ACTION_DUE]})
    assert response.status_code == 302
    off = services.turned_off(councillor)
    assert Kind.EVENT_UPCOMING in off and Kind.ACTION_DUE not in off


def test_the_settings_page_lists_only_what_the_persons_roles_get(client_for, councillor):
    services.preference_turn_off(user=councillor, kind=Kind.OFFER_REVIEW_DIGEST)
    page = client_for("councillor").get(reverse("reminders:preferences")).content.decode()
    assert "behind your engagements" in page
    assert "monthly list of entries past their review date" not in page
    assert "Reports you write" not in page
    client_for("councillor").post(reverse("reminders:preferences"), {"enabled": []})
    # A kind the page did not offer keeps its setting.
    assert Kind.OFFER_REVIEW_DIGEST in services.turned_off(councillor)
    officer_page = client_for("officer").get(reverse("reminders:preferences")).content.decode()
    assert "Reports you write" in officer_page and "behind your engagements" not in officer_page


def test_the_link_in_an_email_opens_the_settings_without_signing_in(client, councillor):
    url = reverse(
        "reminders:preferences_signed", kwargs={"token": settings_token(user_id=councillor.pk)}
    )
    page = client.get(url)
    assert page.status_code == 200
    assert councillor.email in page.content.decode()
    response = client.post(url, {"enabled": [Kind.ACTION_DUE, Kind.EVENT_UPCOMING]})
    assert response.status_code == 302
    assert Kind.PAPERS_PUBLISHED in services.turned_off(councillor)
    assert Kind.EVENT_UPCOMING not in services.turned_off(councillor)


def test_an_expired_settings_link_says_so(client, councillor):
    token = settings_token(user_id=councillor.pk)
    url = reverse("reminders:preferences_signed", kwargs={"token": token})
    later = timezone.now() + timedelta(days=settings.REMINDERS_LINK_MAX_AGE_DAYS + 1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.get(url)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_tampered_settings_link_says_so(client, councillor):
    token = settings_token(user_id=councillor.pk)
    url = reverse("reminders:preferences_signed", kwargs={"token": token[:-3] + "abc"})
    response = client.get(url)
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 404
    assert not ReminderOptOut.objects.exists()


def test_admin_reads_the_ledger_with_filters_and_csv(client_for, councillor):
    reminders_create(items=[_event_reminder(councillor)])
    dispatch.dispatch()
    client = client_for("admin")
    page = client.get(reverse("reminders:ledger"))
    assert page.status_code == 200
    assert councillor.email in page.content.decode()
    filtered = client.get(reverse("reminders:ledger"), {"status": "failed"})
    assert councillor.email not in filtered.content.decode()
    csv = client.get(reverse("reminders:ledger"), {"export": "csv"})
    assert "Sent" in csv.content.decode() and councillor.email in csv.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "councillor", "officer"])
def test_only_admins_resend(client_for, role, councillor):
    reminders_create(items=[_event_reminder(councillor)])
    Reminder.objects.update(status=ReminderStatus.FAILED, last_error="refused")
    row = Reminder.objects.get()
    response = client_for(role).post(reverse("reminders:resend", kwargs={"pk": row.pk}))
    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))
    assert Reminder.objects.count() == 1


def test_admin_resends_a_failed_reminder(client_for, councillor, portal_admin):
    reminders_create(items=[_event_reminder(councillor)])
    Reminder.objects.update(status=ReminderStatus.FAILED, last_error="refused")
    row = Reminder.objects.get()
    client = client_for("admin")
    assert (
        "Send it again"
        in client.get(reverse("reminders:detail", kwargs={"pk": row.pk})).content.decode()
    )
    response = client.post(reverse("reminders:resend", kwargs={"pk": row.pk}))
    assert response.status_code == 302
    copy = Reminder.objects.exclude(pk=row.pk).get()
    assert copy.resend_of == row and copy.requested_by == portal_admin
    # A sent reminder cannot be resent.
    Reminder.objects.filter(pk=copy.pk).update(status=ReminderStatus.SENT)
    again = client.post(reverse("reminders:resend", kwargs={"pk": copy.pk}))
    assert again.status_code == 302
    assert Reminder.objects.count() == 2


def test_the_ledger_makes_the_same_number_of_queries_with_more_rows(client_for, councillor):
    from tests.helpers import assert_constant_queries

    def grow(n: int):
        def add() -> None:
            for number in range(n):
                reminders_create(items=[_event_reminder(councillor, occasion=f"grow-{n}-{number}")])
            dispatch.dispatch()
            failed = Reminder.objects.first()
            assert failed is not None
            services.reminder_resend(actor=councillor, reminder=_failed(failed))

        return add

    grow(2)()
    assert_constant_queries(client_for("admin"), reverse("reminders:ledger"), grow(20))


def _failed(row: Reminder) -> Reminder:
    Reminder.objects.filter(pk=row.pk).update(status=ReminderStatus.FAILED, last_error="refused")
    row.refresh_from_db()
    return row


def test_the_public_alerts_page_makes_the_same_number_of_queries_with_more_bodies(client):
    from tests.helpers import assert_constant_queries
    from tests.panels.factories import BodyFactory

    BodyFactory(is_public=True)
    assert_constant_queries(
        client,
        reverse("panels:alert_index"),
        lambda: [BodyFactory(is_public=True) for _ in range(5)],
    )


def test_no_mail_server_at_all_is_a_retry_not_a_lost_row(councillor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    reminders_create(items=[_event_reminder(councillor)])
    dispatch.dispatch()
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.RETRY
    assert "ConnectionRefusedError" in row.last_error
