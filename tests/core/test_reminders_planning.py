"""Who gets what, and when: each app's plan(today=...) writes the outbox rows that are due, once.
Dates are fixed, including the Sundays the clocks change in March and October."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from champions import reminders as champion_reminders
from champions.models import ChampionSettings, DbsStatus
from corporate_parenting.duties import duty_grant
from corporate_parenting.models import DutyKind
from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder, ReminderStatus
from corporate_parenting.reminders.planning import plan_all
from events import reminders as event_reminders
from events import services as event_services
from events.reminders import offset_for
from offer import reminders as offer_reminders
from panels import notice
from panels import reminders as panel_reminders
from panels.services import reports as report_services
from tests import factories
from tests.champions.factories import AppointmentFactory, EngagementFactory, MemberFactory
from tests.events.factories import EventFactory, SignUpFactory
from tests.offer.factories import OfferEntryFactory
from tests.panels.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def late_on(day: date) -> dt.datetime:
    """Late in the day: every reminder planned for that day is due, whatever the hour the test
    runs (at 1 a.m. the day's 9 a.m. reminders are not yet due)."""
    return dt.datetime.combine(day, dt.time(23, 0), tzinfo=LONDON)


def rows(kind: str, **filters: object) -> list[Reminder]:
    return list(Reminder.objects.filter(kind=kind, **filters).order_by("pk"))


# Events ------------------------------------------------------------------------------------------


def test_the_week_and_the_day_before_and_no_more():
    assert offset_for(7, [7, 1]) == 7
    assert offset_for(3, [7, 1]) == 7  # a late sign-up still gets the week's reminder
    assert offset_for(1, [7, 1]) == 1
    assert offset_for(8, [7, 1]) is None
    assert offset_for(0, [7, 1]) is None


def test_event_reminders_across_the_march_clock_change():
    # The clocks go forward at 01:00 on Sunday 29 March 2026.
    event = EventFactory(start_date=date(2026, 3, 30), end_date=date(2026, 3, 30))
    going = SignUpFactory(event=event).person
    SignUpFactory(event=event, status="cancelled")
    assert event_reminders.plan(today=date(2026, 3, 22)) == 0  # eight days before
    assert event_reminders.plan(today=date(2026, 3, 23)) == 1
    assert event_reminders.plan(today=date(2026, 3, 23)) == 0  # a second run the same day
    assert event_reminders.plan(today=date(2026, 3, 26)) == 0  # already reminded this week
    assert event_reminders.plan(today=date(2026, 3, 29)) == 1  # the day before, clocks changed
    week, day = rows(Kind.EVENT_UPCOMING)
    assert {week.recipient, day.recipient} == {going}
    assert (week.occasion, day.occasion) == ("7d:2026-03-30", "1d:2026-03-30")
    # 08:00 on the wall clock both times: GMT on the 23rd, BST on the 29th.
    assert week.due_at.astimezone(UTC).time() == dt.time(8)
    assert day.due_at.astimezone(UTC).time() == dt.time(7)
    assert day.due_at.astimezone(LONDON).time() == dt.time(8)


def test_event_reminders_across_the_october_clock_change():
    # The clocks go back at 02:00 BST on Sunday 25 October 2026.
    event = EventFactory(start_date=date(2026, 10, 26), end_date=date(2026, 10, 26))
    SignUpFactory(event=event)
    assert event_reminders.plan(today=date(2026, 10, 19)) == 1
    assert event_reminders.plan(today=date(2026, 10, 25)) == 1
    week, day = rows(Kind.EVENT_UPCOMING)
    assert week.due_at.astimezone(UTC).time() == dt.time(7)  # 08:00 BST
    assert day.due_at.astimezone(UTC).time() == dt.time(8)  # 08:00 GMT
    assert (day.due_at - week.due_at) == timedelta(days=6, hours=1)


def test_cancelled_events_are_not_reminded_and_those_going_are_told_at_once(
    django_capture_on_commit_callbacks, portal_admin
):
    event = EventFactory(start_date=date.today() + timedelta(days=5))
    people = [SignUpFactory(event=event).person for _ in range(2)]
    event_reminders.plan(today=date.today())
    assert len(rows(Kind.EVENT_UPCOMING)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        event_services.event_cancel(actor=portal_admin, event=event)
    told = rows(Kind.EVENT_CHANGED)
    assert {row.recipient for row in told} == set(people)
    assert all(row.context["change"] == "cancelled" for row in told)
    # The dispatcher ran after commit (no broker: in-process): the cancellation went, the
    # week's reminder for the cancelled event did not.
    assert {row.status for row in rows(Kind.EVENT_CHANGED)} == {ReminderStatus.SENT}
    assert {row.status for row in rows(Kind.EVENT_UPCOMING)} == {ReminderStatus.SKIPPED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(m.subject.startswith("Cancelled: ") for m in mail.outbox)


def test_a_moved_event_is_told_and_reminded_for_its_new_day(portal_admin):
    today = timezone.localdate()
    event = EventFactory(start_date=today + timedelta(days=7), end_date=today + timedelta(days=7))
    SignUpFactory(event=event)
    event_reminders.plan(today=today)
    event_services.event_update(actor=portal_admin, event=event, description="Bring a coat")
    assert rows(Kind.EVENT_CHANGED) == []  # not a move
    new_day = today + timedelta(days=6)
    event_services.event_update(
        actor=portal_admin, event=event, start_date=new_day, end_date=new_day
    )
    [moved] = rows(Kind.EVENT_CHANGED)
    assert moved.context["change"] == "moved" and moved.context["start_date"] == str(new_day)
    assert event_reminders.plan(today=today) == 1  # the week's reminder for the new day
    dispatch.dispatch(now=late_on(today))
    old, new = rows(Kind.EVENT_UPCOMING)
    assert (
        old.status == ReminderStatus.SKIPPED and old.last_error == "The event moved to another day"
    )
    assert new.status == ReminderStatus.SENT


# Panel actions -----------------------------------------------------------------------------------


def test_an_action_is_reminded_ten_days_before_it_is_due_once():
    today = date(2026, 11, 2)
    due = ActionFactory(due_date=today + timedelta(days=10))
    ActionFactory(due_date=today + timedelta(days=11))
    ActionFactory(due_date=today + timedelta(days=3), status="done")
    panel_reminders.plan(today=today)
    panel_reminders.plan(today=today)
    [row] = rows(Kind.ACTION_DUE)
    assert row.recipient == due.owner
    assert row.occasion == f"due:{due.due_date}"
    assert row.context["due"] == "12 November 2026"
    panel_reminders.plan(today=today + timedelta(days=1))  # the other is now ten days away
    assert len(rows(Kind.ACTION_DUE)) == 2
    assert len(rows(Kind.ACTION_DUE, subject_id=str(due.pk))) == 1


def test_an_action_due_at_the_next_meeting_uses_that_meetings_date():
    today = date(2026, 11, 2)
    body = BodyFactory()
    meeting = MeetingFactory(body=body, date=date(2026, 10, 1))
    MeetingFactory(body=body, date=date(2026, 11, 9))
    action = ActionFactory(
        item=AgendaItemFactory(meeting=meeting), due_date=None, due_next_meeting=True
    )
    panel_reminders.plan(today=today)
    [row] = rows(Kind.ACTION_DUE)
    assert row.subject_id == str(action.pk) and row.occasion == "due:2026-11-09"


def test_an_action_the_members_own_goes_to_each_member():
    body = BodyFactory()
    members = [MembershipFactory(body=body).user for _ in range(3)]
    meeting = MeetingFactory(body=body, date=date(2026, 10, 1))
    ActionFactory(
        item=AgendaItemFactory(meeting=meeting),
        owner=None,
        owner_is_members=True,
        due_date=date(2026, 11, 5),
    )
    panel_reminders.plan(today=date(2026, 11, 2))
    assert {row.recipient for row in rows(Kind.ACTION_DUE)} == set(members)


def test_overdue_actions_go_to_the_owner_once_and_to_the_clerk_weekly(officer):
    body = BodyFactory(clerk=officer)
    meeting = MeetingFactory(body=body, date=date(2026, 9, 1))
    late = ActionFactory(item=AgendaItemFactory(meeting=meeting), due_date=date(2026, 10, 30))
    ActionFactory(
        item=AgendaItemFactory(meeting=meeting), due_date=date(2026, 10, 30), status="done"
    )
    for day in range(2, 9):  # Monday 2 to Sunday 8 November: one ISO week
        panel_reminders.plan(today=date(2026, 11, day))
    [overdue] = rows(Kind.ACTION_OVERDUE)
    assert overdue.recipient == late.owner
    [digest] = rows(Kind.ACTIONS_OVERDUE_DIGEST)
    assert digest.recipient == officer and digest.occasion == "2026-W45"
    assert [a["text"] for a in digest.context["actions"]] == [late.text]
    panel_reminders.plan(today=date(2026, 11, 9))  # the next Monday
    assert [r.occasion for r in rows(Kind.ACTIONS_OVERDUE_DIGEST)] == ["2026-W45", "2026-W46"]
    assert len(rows(Kind.ACTION_OVERDUE)) == 1


def test_an_action_done_after_its_reminder_was_written_is_not_sent():
    action = ActionFactory(due_date=date.today() + timedelta(days=2))
    panel_reminders.plan(today=date.today())
    type(action).objects.filter(pk=action.pk).update(status="done")
    dispatch.dispatch(now=late_on(date.today()))
    [row] = rows(Kind.ACTION_DUE)
    assert (row.status, row.last_error) == (ReminderStatus.SKIPPED, "The action is done or dropped")


# Reports and agendas --------------------------------------------------------------------------------


def test_report_authors_are_reminded_before_the_deadline_and_when_late(officer):
    meeting_day = date.today() + timedelta(days=40)
    body = BodyFactory(report_deadline_days=10)
    meeting = MeetingFactory(body=body, date=meeting_day)
    item = AgendaItemFactory(meeting=meeting)
    sponsor = factories.officer()
    report = report_services.report_create(
        actor=officer, item=item, title="Care leavers' housing", author=officer, sponsor=sponsor
    )
    deadline = meeting_day - timedelta(days=10)
    for offset in range(12, -3, -1):
        panel_reminders.plan(today=deadline - timedelta(days=offset))
    occasions = [row.occasion for row in rows(Kind.REPORT_DEADLINE)]
    assert occasions == [f"7d:{deadline}", f"1d:{deadline}", f"late:{deadline}"]
    assert all(row.recipient == officer for row in rows(Kind.REPORT_DEADLINE))
    assert rows(Kind.REPORT_DEADLINE)[-1].context["late"] is True
    assert report.title in rows(Kind.REPORT_DEADLINE)[0].context["title"]


def test_the_clerk_is_reminded_of_the_last_day_to_publish_the_agenda(officer):
    body = BodyFactory(clerk=officer)
    meeting = MeetingFactory(body=body, date=date(2026, 12, 10))
    latest = notice.latest_publication_day(meeting.date)
    assert panel_reminders.plan(today=latest - timedelta(days=4)) == 0
    assert panel_reminders.plan(today=latest - timedelta(days=3)) == 1
    assert panel_reminders.plan(today=latest) == 0
    [row] = rows(Kind.AGENDA_DEADLINE)
    assert row.recipient == officer and row.occasion == f"deadline:{latest}"
    assert panel_reminders.plan(today=latest + timedelta(days=1)) == 1  # missed, once
    MeetingFactory(
        body=BodyFactory(clerk=officer),
        date=date(2026, 12, 10),
        agenda_published_at=dt.datetime(2026, 12, 1, tzinfo=UTC),
    )
    assert panel_reminders.plan(today=latest - timedelta(days=1)) == 0


# Champions -----------------------------------------------------------------------------------------


def test_champions_behind_target_are_told_at_the_checkpoints(settings):
    settings.REMINDERS_CHAMPION_CHECKPOINTS = [4, 8]
    ChampionSettings.objects.update_or_create(pk=1, defaults={"engagement_target": 3})
    behind = AppointmentFactory(start_year=2026, created_at=late_on(date(2026, 5, 1))).member
    on_track = EngagementFactory(date=date(2026, 6, 1)).member
    on_track.appointments.update(created_at=late_on(date(2026, 5, 1)))
    champion_reminders.plan(today=date(2026, 8, 31))
    assert rows(Kind.CHAMPION_BEHIND_TARGET) == []  # before the first checkpoint
    champion_reminders.plan(today=date(2026, 9, 1))
    champion_reminders.plan(today=date(2026, 12, 31))
    [row] = rows(Kind.CHAMPION_BEHIND_TARGET)
    assert row.recipient == behind.user and row.occasion == "2026:4m"
    assert (row.context["count"], row.context["expected"]) == (0, 1)
    champion_reminders.plan(today=date(2027, 1, 1))  # eight months in: 2 expected
    assert {r.recipient for r in rows(Kind.CHAMPION_BEHIND_TARGET)} == {behind.user, on_track.user}


def test_dbs_not_started_goes_to_admins_and_expiring_to_the_member_and_admins(portal_admin):
    ChampionSettings.objects.update_or_create(pk=1, defaults={"dbs_valid_years": 3})
    appointed = AppointmentFactory(
        start_year=2026, member=MemberFactory(dbs_status=DbsStatus.NOT_STARTED)
    ).member
    expiring = MemberFactory(dbs_status=DbsStatus.CLEARED, dbs_cleared_on=date(2023, 12, 1))
    MemberFactory(dbs_status=DbsStatus.CLEARED, dbs_cleared_on=date(2024, 6, 1))
    champion_reminders.plan(today=date(2026, 11, 2))
    [not_started] = rows(Kind.DBS_NOT_STARTED)
    assert not_started.recipient == portal_admin
    assert [m["name"] for m in not_started.context["members"]] == [appointed.name]
    told = {row.recipient for row in rows(Kind.DBS_EXPIRING)}
    assert told == {expiring.user, portal_admin}
    assert {row.occasion for row in rows(Kind.DBS_EXPIRING)} == {"expires:2026-12-01"}


def test_training_not_done_is_a_yearly_reminder_after_the_grace_period(settings):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 60
    member = AppointmentFactory(start_year=2026, created_at=late_on(date(2026, 4, 20))).member
    AppointmentFactory(
        start_year=2026,
        member=MemberFactory(training_completed_on=date(2026, 5, 20)),
        created_at=late_on(date(2026, 4, 20)),
    )
    assert champion_reminders.plan(today=date(2026, 6, 1)) >= 0
    assert rows(Kind.TRAINING_NOT_DONE) == []
    champion_reminders.plan(today=date(2026, 7, 1))
    champion_reminders.plan(today=date(2026, 8, 1))
    [row] = rows(Kind.TRAINING_NOT_DONE)
    assert row.recipient == member.user and row.occasion == "2026"


# The offer -------------------------------------------------------------------------------------------


def test_offer_entries_past_review_go_to_the_owner_and_monthly_to_the_offer_review_leads(
    officer, portal_admin
):
    editors = [factories.officer(full_name="Bea Editor"), factories.officer(full_name="Al Editor")]
    for editor in editors:
        duty_grant(actor=portal_admin, user=editor, kind=DutyKind.OFFER_REVIEW_LEAD)
    entry = OfferEntryFactory(owner=officer, review_by=date(2026, 10, 31))
    OfferEntryFactory(owner=officer, review_by=date(2026, 12, 31))
    for day in (date(2026, 11, 1), date(2026, 11, 20), date(2026, 12, 1)):
        offer_reminders.plan(today=day)
    [row] = rows(Kind.OFFER_REVIEW)
    assert row.recipient == officer and row.subject_id == str(entry.pk)
    digests = rows(Kind.OFFER_REVIEW_DIGEST)
    assert sorted((str(d.recipient), d.occasion) for d in digests) == [
        ("Al Editor", "2026-11"),
        ("Al Editor", "2026-12"),
        ("Bea Editor", "2026-11"),
        ("Bea Editor", "2026-12"),
    ]


def test_a_deactivated_offer_review_lead_gets_no_digest(portal_admin):
    editor = factories.officer(full_name="Left Council")
    duty_grant(actor=portal_admin, user=editor, kind=DutyKind.OFFER_REVIEW_LEAD)
    editor.is_active = False
    editor.save()
    OfferEntryFactory(review_by=date(2026, 10, 31))
    offer_reminders.plan(today=date(2026, 11, 1))
    assert [row.recipient for row in rows(Kind.OFFER_REVIEW_DIGEST)] == [portal_admin]


def test_the_offer_digest_goes_to_the_admins_when_nobody_is_an_offer_review_lead(portal_admin):
    OfferEntryFactory(review_by=date(2026, 10, 31))
    offer_reminders.plan(today=date(2026, 11, 1))
    assert [row.recipient for row in rows(Kind.OFFER_REVIEW_DIGEST)] == [portal_admin]
    assert rows(Kind.OFFER_REVIEW) == []  # no owner


def test_plan_all_runs_every_app_and_a_failure_in_one_does_not_stop_the_others(monkeypatch):
    OfferEntryFactory(owner=factories.officer(), review_by=date.today() - timedelta(days=1))

    def broken(*, today):
        raise RuntimeError("boom")

    monkeypatch.setattr(event_reminders, "plan", broken)
    written = plan_all()
    assert written["events.reminders"] == 0
    assert written["offer.reminders"] >= 1
