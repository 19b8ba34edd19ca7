"""A councillor appointed a champion minutes ago is not told how far they are from the year's
target; once the grace period is over, their progress against it shows."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.champions.factories import AppointmentFactory, MemberFactory

pytestmark = pytest.mark.django_db


def test_a_champion_appointed_minutes_ago_is_not_told_how_far_they_are_from_the_target(
    councillor, client_for, settings
):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 60
    AppointmentFactory(member=MemberFactory(user=councillor))
    client = client_for("councillor")
    home = client.get("/").text
    assert "0 engagements logged in" in home
    assert "to go." not in home and "of 3 engagements" not in home
    role = client.get("/champions/").text
    assert "0 engagements logged so far" in role
    assert " to go<" not in role and "of 3 engagements" not in role


def test_a_champion_past_the_grace_period_sees_their_progress_against_the_target(
    councillor, client_for, settings
):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 0
    long_ago = timezone.now() - dt.timedelta(days=800)
    AppointmentFactory(member=MemberFactory(user=councillor), created_at=long_ago)
    client = client_for("councillor")
    home = client.get("/").text
    assert "0 of 3 engagements" in home and "3 to go." in home
    assert "engagements logged in" not in home
    assert "3 to go" in client.get("/champions/").text
