"""The fault tests, on the real broker with real worker processes (REQUIRE_SERVICES=1 in CI).

- 1,000 due reminders, the worker killed with SIGKILL halfway and started again: every one sent
  once and none twice, counted from the ledger and from the mail the worker wrote.
- Redis down while people work: pages answer, rows are written, and they go out once Redis is
  back.
"""

from __future__ import annotations

import email
import email.policy
import time
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import MailboxMessage, Reminder, ReminderStatus
from tests.core import reminder_worker
from tests.core.reminder_worker import broker, make_due_reminders, purge, running, wait_for
from tests.events.factories import EventFactory, SignUpFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True), pytest.mark.timeout(180)]

CLOSED_PORT = "redis://127.0.0.1:1/0"


def statuses() -> Counter[str]:
    return Counter(Reminder.objects.values_list("status", flat=True))


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """A flushed database has lost the role groups the migration made."""
    from corporate_parenting.services import roles_ensure

    roles_ensure()


@pytest.fixture
def clean_broker(redis_url):
    purge(redis_url)
    yield redis_url
    purge(redis_url)


def test_killed_worker_sends_every_reminder_exactly_once(clean_broker, settings):
    # A dead worker's rows are claimed again once their lease has passed: short here.
    settings.REMINDERS_SENDING_LEASE_SECONDS = 3
    settings.REMINDERS_BATCH_SIZE = 10
    database = connection.settings_dict
    ids = make_due_reminders(1000)
    with broker(clean_broker):
        first = dispatch.dispatch()
        assert first.claimed == 1000 and first.queued == 1000
        worker = reminder_worker.Worker(broker_url=clean_broker, database=database).start()
        try:
            wait_for(
                lambda: MailboxMessage.objects.count() >= 400,
                timeout=60,
                interval=0.02,
                message="the worker sent nothing:\n" + worker.output(),
            )
            worker.kill()
            killed_at = MailboxMessage.objects.count()
            assert 0 < killed_at < 1000, killed_at
            # Some rows are left "sending" by the dead worker (its batch in hand, its prefetch).
            assert statuses()[ReminderStatus.SENDING] > 0
            worker.start()
            # Beat runs the dispatcher every few minutes; here every second.
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and statuses()[ReminderStatus.SENT] < 1000:
                dispatch.dispatch()
                time.sleep(1)
        finally:
            output = worker.output()
            worker.stop()
            worker.log.unlink(missing_ok=True)
    assert statuses() == Counter({ReminderStatus.SENT: 1000}), output[-3000:]
    sent = Counter(MailboxMessage.objects.values_list("reminder_id", flat=True))
    assert len(sent) == 1000, "some reminders were not sent"
    assert max(sent.values()) == 1, f"sent twice: {[k for k, v in sent.items() if v > 1]}"
    assert set(sent) == {str(pk) for pk in ids}
    assert Reminder.objects.filter(attempts=1).count() == 1000
    # What the worker wrote is a well-formed e-mail with both parts.
    stored = MailboxMessage.objects.first()
    assert stored is not None
    raw = stored.raw
    message = email.message_from_string(raw, policy=email.policy.default)
    assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}


def test_redis_down_pages_answer_rows_are_kept_and_go_out_when_it_returns(clean_broker, client_for):
    event = EventFactory(title="Care Leavers Week celebration")
    people = [SignUpFactory(event=event).person for _ in range(3)]
    from tests.panels.factories import BodyFactory

    body = BodyFactory(is_public=True, name="Corporate Parenting Panel", slug="cpp")
    admin = client_for("admin")
    public = client_for("anonymous")
    with broker(CLOSED_PORT):
        started = time.monotonic()
        response = admin.post(reverse("events:cancel", kwargs={"pk": event.pk}))
        assert response.status_code == 302
        assert admin.get(response.url).status_code == 200
        page = public.post(
            reverse("panels:alert_subscribe", kwargs={"slug": body.slug}),
            {"email": "reader@example.net", "agendas": "on"},
        )
        assert page.status_code == 200
        assert "Check your e-mail" in page.content.decode()
        assert time.monotonic() - started < 10  # nobody waits for a broker that is not there
        # Beat's dispatcher runs too, and cannot queue: the rows go back to waiting.
        assert dispatch.dispatch().claimed == 4
    assert statuses() == Counter({ReminderStatus.PENDING: 4})
    assert Reminder.objects.filter(kind=Kind.EVENT_CHANGED).count() == 3
    # Redis is back: the next dispatcher run queues them to a worker, which sends them.
    with broker(clean_broker), running(broker_url=clean_broker, database=connection.settings_dict):
        dispatch.dispatch()
        wait_for(
            lambda: statuses()[ReminderStatus.SENT] == 4,
            timeout=60,
            interval=0.2,
            message=f"not all sent: {statuses()}",
        )
    sent_to = Counter(MailboxMessage.objects.values_list("to", flat=True))
    assert sent_to == Counter([p.email for p in people] + ["reader@example.net"])
    confirm = MailboxMessage.objects.get(to="reader@example.net")
    message = email.message_from_string(confirm.raw, policy=email.policy.default)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(message["Subject"]).startswith("Confirm your e-mail alerts")


def test_the_worker_process_uses_the_test_database(redis_url):
    url = reminder_worker.database_url(connection.settings_dict)
    assert url.endswith("/" + settings.DATABASES["default"]["NAME"])
    assert settings.DATABASES["default"]["NAME"].startswith("test_")
    UserFactory()
