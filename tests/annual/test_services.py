"""The annual report's way from draft to published: the council's choice of sections and year,
the writing, the panel's approval at a meeting (which freezes the figures), publication by the
clerk, who may read it, and the comparison with last year's report."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annual import services
from annual.content import compare, report_sections, report_view
from annual.models import AnnualReport, AnnualSettings, AnnualStatus
from annual.snapshot import Figure, Section
from panels import services as panel_services
from panels.models import DecisionStatus, Resolution
from tests.panels.factories import BodyFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def held_meeting(body, day: datetime.date):
    meeting = panel_services.meeting_create(
        actor=None, body=body, date=day, start_time=datetime.time(18, 30)
    )
    panel_services.attendance_record(actor=None, meeting=meeting, present=[], apologies=[])
    return meeting


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", minute_prefix="CPP", is_public=True)


@pytest.fixture
def approved():
    return DecisionStatus.objects.get(name="Recommendations Approved")


def test_the_council_chooses_sections_their_order_and_the_year(
    portal_admin, builders, body, officer
):
    services.annual_settings_update(
        actor=portal_admin, year_start="municipal", sections=["voice", "panel"]
    )
    with pytest.raises(ValidationError) as refused:
        services.annual_settings_update(
            actor=portal_admin, year_start="april", sections=["nonsense"]
        )
    assert "sections" in refused.value.message_dict
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    # The municipal year starts in the site's month (May by default).
    assert report.period_start == datetime.date(2025, 5, 1)
    assert report.period_end == datetime.date(2026, 4, 30)
    assert [s.key for s in report_sections(report)] == ["voice", "panel"]


def test_a_section_without_a_builder_says_so_rather_than_disappearing(officer, builders, body):
    services.annual_settings_update(actor=None, year_start="april", sections=["panel", "offer"])
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    sections = report_sections(report)
    assert [s.key for s in sections] == ["panel", "offer"]
    assert sections[1].empty and "cannot assemble" in sections[1].summary


def test_approval_is_the_panels_resolution_and_freezes_the_figures(
    officer, builders, body, approved
):
    AnnualSettings.load()
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    services.annual_report_save(
        actor=officer,
        report=report,
        texts={"title": report.title, "chair_foreword": "## Thank you\n\nA good year."},
        priorities=[
            services.PriorityRow(text="More apprenticeships"),
            services.PriorityRow(text=""),
        ],
    )
    meeting = held_meeting(body, datetime.date(2025, 6, 10))
    assert report_sections(AnnualReport.objects.get(pk=report.pk))[0].figures[0].value == "1"
    # Publishing before the panel approves is refused.
    with pytest.raises(ValidationError):
        services.annual_report_publish(actor=officer, report=report)
    services.annual_report_approve(
        actor=officer, report=report, meeting=meeting, decision_status=approved
    )
    report.refresh_from_db()
    assert report.status == AnnualStatus.APPROVED
    assert report.resolution_id is not None
    resolution = Resolution.objects.get(pk=report.resolution_id)
    assert resolution.item.meeting == meeting and resolution.decision_status == approved
    assert "annual" in resolution.item.title.lower()
    # A meeting added after approval changes the records, not the approved report.
    held_meeting(body, datetime.date(2025, 9, 10))
    assert report_sections(report)[0].figures[0].value == "1"
    with pytest.raises(ValidationError):
        services.annual_report_write(actor=officer, report=report, chair_foreword="Changed")
    services.annual_report_publish(actor=officer, report=report)
    report.refresh_from_db()
    assert report.is_published and AnnualReport.objects.public().filter(pk=report.pk).exists()
    assert [p.text for p in report.priorities.all()] == ["More apprenticeships"]


def test_approval_refused_on_the_right_field(officer, builders, body, approved):
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    other = held_meeting(BodyFactory(name="Board", minute_prefix="B"), datetime.date(2025, 7, 1))
    with pytest.raises(ValidationError) as refused:
        services.annual_report_approve(
            actor=officer, report=report, meeting=other, decision_status=None
        )
    assert set(refused.value.message_dict) == {"meeting", "decision_status"}
    with pytest.raises(PermissionDenied):
        services.annual_report_approve(
            actor=None, report=report, meeting=other, decision_status=approved
        )


def test_hostile_text_is_refused_on_its_field(officer, builders, body):
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    with pytest.raises(ValidationError) as refused:
        services.annual_report_save(
            actor=officer,
            report=report,
            texts={"title": "A\r\nB", "achievements": "<script>x</script>"},
            priorities=[services.PriorityRow(text="x" * 10_000)],
        )
    assert set(refused.value.message_dict) == {"title", "achievements", "priorities"}
    report.refresh_from_db()
    assert report.version == 1


def test_a_draft_is_read_by_the_bodys_members_and_never_by_the_public(
    officer, councillor, builders, body
):
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    outsider = BodyFactory(name="Another", minute_prefix="AN")
    assert not AnnualReport.objects.public().exists()
    assert not AnnualReport.objects.visible_to(councillor).exists()
    MembershipFactory(body=body, user=councillor)
    assert AnnualReport.objects.visible_to(councillor).filter(pk=report.pk).exists()
    assert outsider.pk  # a member of another body reads nothing of it


def test_the_comparison_matches_figures_by_section_and_key():
    before = [
        Section(
            key="panel",
            title="Panel",
            summary="",
            figures=[
                Figure(key="meetings", label="Meetings", value="4", number=4),
                Figure(key="gone", label="Gone", value="1", number=1),
            ],
        )
    ]
    now = [
        Section(
            key="panel",
            title="Panel",
            summary="",
            figures=[
                Figure(key="meetings", label="Meetings held", value="6", number=6),
                Figure(key="withheld", label="Young people", value="fewer than 5"),
            ],
        )
    ]
    rows = compare(now, before)
    assert [(r.label, r.before, r.now, r.change) for r in rows] == [
        ("Meetings held", "4", "6", "up 2")
    ]


def test_last_years_published_report_is_compared(officer, builders, body, approved):
    meeting = held_meeting(body, datetime.date(2025, 6, 10))
    last = services.annual_report_start(actor=officer, body=body, start_year=2024)
    services.annual_report_approve(
        actor=officer, report=last, meeting=meeting, decision_status=approved
    )
    services.annual_report_publish(actor=officer, report=last)
    report = services.annual_report_start(actor=officer, body=body, start_year=2025)
    view = report_view(report)
    assert view.previous == last
    meetings = next(r for r in view.comparison if r.label == "Meetings held")
    assert (meetings.before, meetings.now, meetings.change) == ("0", "1", "up 1")


def test_the_public_list_comes_in_pages_newest_year_first(
    officer, builders, body, approved, client, monkeypatch
):
    from annual import views

    meeting = held_meeting(body, datetime.date(2025, 6, 10))
    for year in (2023, 2024):
        report = services.annual_report_start(actor=officer, body=body, start_year=year)
        services.annual_report_approve(
            actor=officer, report=report, meeting=meeting, decision_status=approved
        )
        services.annual_report_publish(actor=officer, report=report)
    monkeypatch.setattr(views, "PUBLIC_PER_PAGE", 1)
    first = client.get("/annual/public/").content.decode()
    assert "2024/25" in first and "2023/24" not in first
    assert 'href="?page=2"' in first
    second = client.get("/annual/public/?page=2").content.decode()
    assert "2023/24" in second and "2024/25" not in second
    for hostile in ("x" * 10_000, "\x00", "99999999999999999999", "-1"):
        assert client.get("/annual/public/", {"page": hostile}).status_code == 200


def test_a_public_body_offers_its_annual_report_feed_among_its_own(body, client):
    page = client.get(f"/panels/public/bodies/{body.slug}/").content.decode()
    assert f"/annual/public/bodies/{body.slug}.rss" in page
    assert f"/annual/public/bodies/{body.slug}.atom" in page
