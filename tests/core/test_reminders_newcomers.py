"""New champions are not chased about the target or training before a fair point, and nobody
who has not yet set a password gets anything from the outbox but their invitation."""

from __future__ import annotations

import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from champions import reminders as champion_reminders
from champions.models import ChampionSettings, DbsStatus
from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder, ReminderStatus
from corporate_parenting.reminders.services import Outgoing, reminders_create
from tests import factories
from tests.champions.factories import AppointmentFactory, MemberFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")

CHASED = (Kind.CHAMPION_BEHIND_TARGET, Kind.TRAINING_NOT_DONE)


def at(day: date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON)


def chased(member) -> list[tuple[str, str]]:
    return sorted(
        Reminder.objects.filter(kind__in=CHASED, recipient=member.user).values_list(
            "kind", "occasion"
        )
    )


@pytest.fixture
def champion_rules(settings):
    settings.REMINDERS_CHAMPION_CHECKPOINTS = [4, 8, 11]
    settings.REMINDERS_TRAINING_GRACE_DAYS = 60
    ChampionSettings.objects.update_or_create(pk=1, defaults={"engagement_target": 3})


def test_a_councillor_appointed_minutes_ago_is_not_told_they_are_behind_or_untrained(
    champion_rules,
):
    # Appointed on 7 December, long after the year's four-month checkpoint and the year's
    # training grace: before, both reminders were written, and sent, at once.
    new = AppointmentFactory(start_year=2026, created_at=at(date(2026, 12, 7), 9)).member
    champion_reminders.plan(today=date(2026, 12, 7))
    champion_reminders.plan(today=date(2027, 1, 1))  # the eight-month checkpoint: still new
    assert chased(new) == []
    champion_reminders.plan(today=date(2027, 2, 5))  # 60 days on: training, but no checkpoint
    assert chased(new) == [(Kind.TRAINING_NOT_DONE, "2026")]
    champion_reminders.plan(today=date(2027, 4, 1))  # eleven months in
    assert chased(new) == [
        (Kind.CHAMPION_BEHIND_TARGET, "2026:11m"),
        (Kind.TRAINING_NOT_DONE, "2026"),
    ]


def test_a_champion_of_long_standing_is_still_chased_at_the_checkpoints(champion_rules):
    old = AppointmentFactory(start_year=2025, created_at=at(date(2025, 5, 10))).member
    AppointmentFactory(member=old, start_year=2026, created_at=at(date(2026, 5, 2)))
    champion_reminders.plan(today=date(2026, 9, 1))
    assert chased(old) == [
        (Kind.CHAMPION_BEHIND_TARGET, "2026:4m"),
        (Kind.TRAINING_NOT_DONE, "2026"),
    ]


def test_a_councillor_who_has_not_set_a_password_gets_no_reminders(champion_rules, portal_admin):
    # Imported after the election with no invitation accepted yet: an account with no password.
    user = factories.councillor()
    user.set_unusable_password()
    user.save()
    waiting = AppointmentFactory(
        start_year=2026,
        created_at=at(date(2026, 5, 1)),
        member=MemberFactory(
            user=user, dbs_status=DbsStatus.CLEARED, dbs_cleared_on=date(2023, 10, 1)
        ),
    ).member
    champion_reminders.plan(today=date(2026, 9, 1))
    assert Reminder.objects.filter(recipient=user).count() == 0
    # The admins still hear about the member's DBS check.
    assert Reminder.objects.filter(recipient=portal_admin, kind=Kind.DBS_EXPIRING).exists()
    user.set_password("a long and new password")
    user.save()
    champion_reminders.plan(today=date(2026, 9, 2))
    assert chased(waiting) == [
        (Kind.CHAMPION_BEHIND_TARGET, "2026:4m"),
        (Kind.TRAINING_NOT_DONE, "2026"),
    ]


def test_no_reminder_of_any_kind_is_written_for_someone_waiting_for_their_invitation():
    clerk = factories.officer()
    clerk.set_unusable_password()
    clerk.save()
    written = reminders_create(
        items=[
            Outgoing(
                kind=Kind.AGENDA_DEADLINE, subject=None, recipient=clerk, occasion="deadline:x"
            )
        ]
    )
    assert written == 0 and not Reminder.objects.exists()


def test_a_reminder_already_waiting_is_not_sent_to_someone_without_a_password(mailoutbox):
    person = factories.councillor()
    reminders_create(
        items=[
            Outgoing(
                kind=Kind.EVENT_CHANGED,
                subject=None,
                recipient=person,
                occasion="cancelled:1",
                context={"title": "Fostering Fortnight"},
                due_at=at(date(2030, 1, 1)),
            )
        ]
    )
    person.set_unusable_password()  # a password reset to none, as for an account re-invited
    person.save()
    Reminder.objects.update(send_after=at(date(2020, 1, 1)), due_at=at(date(2020, 1, 1)))
    dispatch.dispatch()
    row = Reminder.objects.get()
    assert row.status == ReminderStatus.SKIPPED and "not set a password" in row.last_error
    assert mailoutbox == []
