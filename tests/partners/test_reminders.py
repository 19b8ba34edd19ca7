"""Late pledges are chased like overdue actions: each representative once, the board's clerk
weekly; a pledge done before the e-mail goes is not chased."""

import datetime as dt
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder, ReminderStatus
from partners import reminders
from partners.models import PartnerOrganisation, Pledge
from tests import factories
from tests.panels.factories import BodyFactory
from voice.models import Principle

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def rows(kind):
    return list(Reminder.objects.filter(kind=kind).order_by("pk"))


def _pledge(organisation, what, due, **extra):
    return Pledge.objects.create(
        organisation=organisation,
        year=2026,
        what=what,
        for_whom="care_leavers",
        how_shown="Counted",
        due_on=due,
        principle=Principle.objects.get(letter="a"),
        made_at=timezone.now(),
        **extra,
    )


def test_late_pledges_go_to_each_representative_once_and_to_the_clerk_weekly(officer):
    board = BodyFactory(clerk=officer)
    trust = PartnerOrganisation.objects.create(name="Trust", slug="trust", kind="nhs", board=board)
    first = factories.partner_rep(organisation=trust, email="one@example.org")
    second = factories.partner_rep(organisation=trust, email="two@example.org")
    late = _pledge(trust, "A named nurse", date(2026, 10, 30))
    _pledge(trust, "Done already", date(2026, 10, 30), done_on=date(2026, 10, 29))
    _pledge(trust, "Not due", date(2026, 12, 30))
    Pledge.objects.create(  # a draft is never chased
        organisation=trust,
        year=2026,
        what="Draft",
        for_whom="both",
        how_shown="x",
        due_on=date(2026, 10, 1),
        principle=Principle.objects.get(letter="a"),
    )
    for day in range(2, 9):  # one ISO week
        reminders.plan(today=date(2026, 11, day))
    chased = rows(Kind.PLEDGE_LATE)
    assert {r.recipient for r in chased} == {first, second}
    assert {r.subject_id for r in chased} == {str(late.pk)}
    [digest] = rows(Kind.PLEDGES_LATE_DIGEST)
    assert digest.recipient == officer
    assert [p["what"] for p in digest.context["pledges"]] == ["A named nurse"]

    # Marked done before the e-mails go: nobody is chased.
    Pledge.objects.filter(pk=late.pk).update(done_on=date(2026, 11, 3))
    dispatch.dispatch(now=dt.datetime.combine(date(2026, 11, 9), dt.time(23), tzinfo=LONDON))
    assert {r.status for r in rows(Kind.PLEDGE_LATE)} == {ReminderStatus.SKIPPED}
    assert not [m for m in mail.outbox if "one@example.org" in m.to]
