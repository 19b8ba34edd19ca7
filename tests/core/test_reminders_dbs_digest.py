"""Admins get one e-mail listing the champions with no DBS application, not one per member:
once a week, through the outbox, with names and links only."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from champions import reminders as champion_reminders
from champions.models import DbsStatus
from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder
from tests import factories
from tests.champions.factories import AppointmentFactory, MemberFactory
from tests.core.reminder_helpers import outbox_to, parsed, parts

pytestmark = pytest.mark.django_db


def champion(name: str, **member: object):
    user = factories.councillor(full_name=name)
    return AppointmentFactory(start_year=2026, member=MemberFactory(user=user, **member)).member


def test_admins_get_one_list_of_the_champions_with_no_dbs_application(portal_admin):
    second_admin = factories.admin(email="second.admin@example.org")
    missing = [
        champion("Bea Okafor", ward="Riverside Ward"),
        champion("Cal Dunmore"),
        champion("Ann Lister"),
    ]
    champion("Dee Cleared", dbs_status=DbsStatus.APPLIED)
    champion_reminders.plan(today=date(2026, 11, 2))
    digests = Reminder.objects.filter(kind=Kind.DBS_NOT_STARTED)
    assert sorted(row.to_email for row in digests) == [
        "admin@example.org",
        "second.admin@example.org",
    ]
    assert {row.occasion for row in digests} == {"2026-W45"}

    dispatch.dispatch()
    [message] = outbox_to(portal_admin.email)
    assert len(outbox_to(second_admin.email)) == 1
    assert message.subject == "3 champions with no DBS application"
    bodies = parts(parsed(message))
    for body in bodies.values():
        for member in missing:
            path = reverse("champions:member_edit", kwargs={"pk": member.pk})
            assert member.name in body and f"{settings.PORTAL_BASE_URL}{path}" in body
        assert body.index("Ann Lister") < body.index("Bea Okafor") < body.index("Cal Dunmore")
        assert "Dee Cleared" not in body
        # Names and links only: nothing else about the member.
        assert "Riverside Ward" not in body and missing[0].user.email not in body


def test_the_dbs_list_goes_once_a_week_however_often_the_planner_runs(portal_admin):
    champion("Bea Okafor")
    for day in (2, 3, 8):  # Monday to Sunday of one week
        champion_reminders.plan(today=date(2026, 11, day))
    assert Reminder.objects.filter(kind=Kind.DBS_NOT_STARTED).count() == 1
    champion_reminders.plan(today=date(2026, 11, 9))
    assert list(
        Reminder.objects.filter(kind=Kind.DBS_NOT_STARTED)
        .order_by("occasion")
        .values_list("occasion", flat=True)
    ) == ["2026-W45", "2026-W46"]


def test_no_dbs_list_when_every_champion_has_applied(portal_admin):
    champion("Dee Cleared", dbs_status=DbsStatus.APPLIED)
    champion_reminders.plan(today=date(2026, 11, 2))
    assert not Reminder.objects.filter(kind=Kind.DBS_NOT_STARTED).exists()
    assert len(mail.outbox) == 0
