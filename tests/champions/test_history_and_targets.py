"""Ending an appointment keeps the year's history; one rule for vacant areas and for each
member's target, used by every page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from champions import services
from champions.coverage import coverage_for
from champions.models import Appointment, ChampionArea, ChampionSettings
from champions.progress import progress_for, target_for
from champions.report import annual_report
from corporate_parenting.years import current_political_year
from tests.champions.factories import (
    AppointmentFactory,
    ChampionAreaFactory,
    EngagementFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db


def _ended_yesterday(appointment: Appointment, *, reason: str = "Stood down") -> Appointment:
    year = current_political_year()
    day = max(timezone.localdate() - dt.timedelta(days=1), year.start)
    return services.appointment_end(
        actor=None, appointment=appointment, ended_on=day, reason=reason
    )


def test_ending_keeps_the_appointment_with_its_end_date_and_reason():
    appointment = _ended_yesterday(AppointmentFactory())
    appointment.refresh_from_db()
    assert Appointment.objects.filter(pk=appointment.pk).exists()
    assert appointment.ended_on is not None
    assert appointment.end_reason == "Stood down"


def test_an_appointment_is_ended_once_its_end_is_recorded_and_its_pages_say_so(client_for):
    appointment = AppointmentFactory()
    admin = client_for("admin")
    end_link = reverse("champions:appointment_end", args=[appointment.pk])
    assert not appointment.is_ended
    assert end_link in admin.get(appointment.area.get_absolute_url()).text
    ended = _ended_yesterday(appointment)
    assert ended.is_ended
    area_page = admin.get(appointment.area.get_absolute_url()).text
    assert f"(ended {ended.ended_on:%-d %B %Y}: Stood down)" in area_page
    assert end_link not in area_page
    member_page = admin.get(reverse("champions:member_edit", args=[ended.member.pk])).text
    assert f", ended {ended.ended_on:%-d %b %Y})" in member_page


def test_an_end_date_outside_the_year_or_in_the_future_is_an_error_on_the_date():
    appointment = AppointmentFactory()
    year = current_political_year()
    for day in (year.start - dt.timedelta(days=1), timezone.localdate() + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as error:
            services.appointment_end(actor=None, appointment=appointment, ended_on=day)
        assert "ended_on" in error.value.message_dict
    appointment.refresh_from_db()
    assert appointment.ended_on is None


def test_an_ended_appointment_still_shows_in_the_report_with_how_long():
    appointment = AppointmentFactory()
    EngagementFactory(member=appointment.member, area=appointment.area)
    _ended_yesterday(appointment)
    report = annual_report(current_political_year())
    section = next(s for s in report.areas if s.area == appointment.area)
    served = section.champions[0]
    assert served.member == appointment.member
    assert served.ended and served.end == appointment.ended_on
    assert served.days >= 1
    assert [row.member for row in report.members] == [appointment.member]
    assert "until" in report.members[0].areas[0]
    assert report.engagement_count == 1
    assert appointment.area.name in report.vacant


def test_an_ended_appointment_still_shows_in_coverage_and_the_area_is_vacant(client_for):
    appointment = _ended_yesterday(AppointmentFactory())
    response = client_for("admin").get(reverse("champions:coverage"))
    coverage = response.context["coverage"]
    area = next(a for a in coverage.areas if a.pk == appointment.area_id)
    assert [a.member for a in area.this_year] == [appointment.member]
    assert coverage.vacant == [area]
    assert f"until {appointment.ended_on:%-d %b %Y}" in response.text


def test_engagements_after_the_end_date_are_refused():
    appointment = AppointmentFactory()
    year = current_political_year()
    if timezone.localdate() - dt.timedelta(days=2) < year.start:
        pytest.skip("the political year started too recently for a day before the end date")
    services.appointment_end(
        actor=None,
        appointment=appointment,
        ended_on=timezone.localdate() - dt.timedelta(days=2),
    )
    with pytest.raises(ValidationError) as error:
        services.engagement_log(
            member=appointment.member,
            submit=True,
            date=timezone.localdate(),
            kind="visit",
            area=appointment.area,
        )
    assert "area" in error.value.message_dict


def test_vacant_is_one_rule_and_every_page_agrees(client_for):
    year = current_political_year()
    championed = AppointmentFactory().area
    ended = _ended_yesterday(AppointmentFactory()).area
    empty = ChampionAreaFactory(name="Nobody")
    AppointmentFactory(area=empty, start_year=year.start_year - 1)  # last year only
    vacant = set(ChampionArea.objects.vacant_in(year))
    assert vacant == {ended, empty}
    flagged = {a for a in ChampionArea.objects.with_is_vacant(year) if a.is_vacant}
    assert flagged == vacant
    assert set(coverage_for(year).vacant) == vacant
    assert set(annual_report(year).vacant) == {a.name for a in vacant}
    home = client_for("admin").get("/").text
    assert "2 of 3 areas vacant" in home
    assert championed.name not in home.split("areas vacant:")[1].split(".")[0]


def test_default_target_comes_from_the_settings():
    ChampionSettings.objects.update_or_create(pk=1, defaults={"engagement_target": 4})
    assert target_for(MemberFactory()) == 4


def test_admin_sets_a_members_own_target_with_a_reason(portal_admin):
    member = MemberFactory()
    services.member_target_set(actor=portal_admin, member=member, target=1, reason="Cabinet")
    member.refresh_from_db()
    assert target_for(member) == 1
    assert progress_for(member, current_political_year()).target == 1
    services.member_target_set(actor=portal_admin, member=member, target=None)
    member.refresh_from_db()
    assert target_for(member) == ChampionSettings.load().engagement_target
    assert member.target_reason == ""


def test_a_target_without_a_reason_is_an_error_on_the_reason(client_for):
    member = MemberFactory()
    url = reverse("champions:member_target", args=[member.pk])
    response = client_for("admin").post(url, {"target": "1", "reason": " "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    member.refresh_from_db()
    assert member.target_override is None


def test_only_an_admin_sets_a_target(councillor):
    with pytest.raises(PermissionDenied):
        services.member_target_set(actor=councillor, member=MemberFactory(), target=1, reason="x")


def test_every_page_uses_the_members_own_target(client_for, councillor, settings):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 0  # no longer too new to be shown the target
    appointment = AppointmentFactory(member=MemberFactory(user=councillor))
    member = appointment.member
    EngagementFactory(member=member, area=appointment.area)
    member.target_override, member.target_reason = 1, "Cabinet member"
    member.save()
    year = current_political_year()
    assert "1 of 1 engagements" in client_for("councillor").get("/").text
    assert "Target met" in client_for("councillor").get(reverse("champions:my_role")).text
    line = next(m for m in coverage_for(year).members if m.member == member)
    assert line.progress.met and coverage_for(year).met_count == 1
    assert annual_report(year).members[0].progress.label == "1 of 1"
    members_page = client_for("admin").get(reverse("champions:member_list")).text
    assert "1 of 1" in members_page
