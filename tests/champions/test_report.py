"""The annual report lists each area's most recent engagements and counts every one."""

import datetime as dt

import pytest

from champions import report as annual
from champions.models import EngagementKind, EngagementStatus
from champions.report import annual_report, done_line
from corporate_parenting.years import current_political_year
from tests.champions.factories import AppointmentFactory, EngagementFactory

pytestmark = pytest.mark.django_db


def test_an_area_lists_its_most_recent_engagements_and_counts_them_all(monkeypatch):
    monkeypatch.setattr(annual, "PER_AREA", 2)
    year = current_political_year()
    appointment = AppointmentFactory()
    member, area = appointment.member, appointment.area
    oldest, middle, newest = (
        EngagementFactory(member=member, area=area, date=year.start + dt.timedelta(days=day))
        for day in (1, 2, 3)
    )
    EngagementFactory(member=member, area=area, status=EngagementStatus.DRAFT)
    EngagementFactory(member=member, area=area, date=year.start - dt.timedelta(days=1))
    elsewhere = EngagementFactory(member=member, date=year.start + dt.timedelta(days=1))

    report = annual_report(year)

    section = next(s for s in report.areas if s.area == area)
    assert section.engagements == [middle, newest]
    assert (section.total, section.more, section.young_people) == (3, 1, 18)
    assert report.engagement_count == 4
    assert report.members[0].progress.label.startswith("4 of")
    assert next(s for s in report.areas if s.area == elsewhere.area).engagements == [elsewhere]
    assert oldest not in section.engagements


def test_a_done_line_reads_as_the_report_prints_it():
    engagement = EngagementFactory.build(
        date=dt.date(2026, 9, 5),
        kind=EngagementKind.VISIT,
        event_title="Summer <fair>",
        what_we_did="Played games",
    )
    assert done_line(engagement) == (
        f"5 Sep 2026, visit (Summer <fair>), {engagement.member.name}: Played games"
    )


def test_the_report_page_escapes_what_was_done(client_for):
    EngagementFactory(what_we_did="<b>Bold</b> claims")
    text = client_for("officer").get("/champions/report/").text
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in text
