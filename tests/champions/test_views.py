import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from champions.models import Appointment, ChampionArea, Engagement, EngagementStatus, Member
from corporate_parenting.models import AuditEvent, Duty, DutyKind
from corporate_parenting.years import current_political_year
from tests import factories as core
from tests.champions.factories import (
    AppointmentFactory,
    ChampionAreaFactory,
    EngagementFactory,
    LinkOfficerFactory,
    MemberFactory,
)
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db

NO_NAMES = "Do not record names or details that identify a child or young person."


@pytest.fixture
def champion(councillor):
    """The fixed councillor, champion of one area this year."""
    return AppointmentFactory(member=MemberFactory(user=councillor))


def engagement_post(area, **extra):
    return {
        "date": timezone.localdate().isoformat(),
        "kind": "visit",
        "area": area.pk,
        "event_title": "",
        "what_we_did": "Visited the youth club",
        "young_people_said": "More trips please",
        "follow_up_requested": "",
        "young_people_count": "4",
        **extra,
    }


def test_log_form_defaults_to_today_and_the_only_area(client_for, champion):
    response = client_for("councillor").get(reverse("champions:engagement_create"))
    form = response.context["form"]
    assert form["date"].value() == timezone.localdate()
    assert form["area"].value() == champion.area.pk
    assert NO_NAMES in response.text


def test_councillor_logs_an_engagement(client_for, champion):
    response = client_for("councillor").post(
        reverse("champions:engagement_create"), engagement_post(champion.area)
    )
    engagement = Engagement.objects.get()
    assert response.status_code == 302
    assert response.url == engagement.get_absolute_url()
    assert engagement.status == EngagementStatus.SUBMITTED
    assert engagement.member == champion.member


def test_councillor_saves_a_draft(client_for, champion):
    client_for("councillor").post(
        reverse("champions:engagement_create"),
        engagement_post(champion.area, save_draft="Save as draft"),
    )
    assert Engagement.objects.get().status == EngagementStatus.DRAFT


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", (timezone.localdate() + dt.timedelta(days=2)).isoformat(), "today or in the past"),
        ("young_people_count", "-3", "0 or more"),
        ("young_people_count", "lots", "whole number"),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(
    client_for, champion, field, value, message
):
    data = engagement_post(champion.area, **{field: value})
    response = client_for("councillor").post(reverse("champions:engagement_create"), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not Engagement.objects.exists()
    # What was entered is kept.
    assert "Visited the youth club" in response.text


def test_an_area_the_member_does_not_champion_is_refused(client_for, champion):
    other = ChampionAreaFactory()
    response = client_for("councillor").post(
        reverse("champions:engagement_create"), engagement_post(other)
    )
    assert "area" in response.context["form"].errors
    assert not Engagement.objects.exists()


def test_councillor_opening_anothers_entry_gets_404(client_for, champion):
    others = EngagementFactory()
    client = client_for("councillor")
    assert client.get(reverse("champions:engagement_detail", args=[others.pk])).status_code == 404
    assert client.get(reverse("champions:engagement_edit", args=[others.pk])).status_code == 404
    response = client.post(
        reverse("champions:engagement_edit", args=[others.pk]), engagement_post(others.area)
    )
    assert response.status_code == 404


def test_councillor_without_appointment_is_told_how_to_become_a_champion(client_for):
    response = client_for("councillor").get(reverse("champions:engagement_create"))
    assert "once you are appointed" in response.text


def test_my_role_shows_progress_link_officers_and_dbs(client_for, champion, settings):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 0  # no longer too new to be shown the target
    LinkOfficerFactory(area=champion.area, officer=core.officer(full_name="Tessa Baines"))
    EngagementFactory(member=champion.member, area=champion.area)
    response = client_for("councillor").get(reverse("champions:my_role"))
    assert "1 of 3 engagements" in response.text
    assert "Tessa Baines" in response.text
    assert "ask the participation team to start your DBS check" in response.text


def test_my_role_shows_a_cleared_dbs_check_until_the_settings_say_it_expires(client_for, champion):
    from champions.models import ChampionSettings
    from corporate_parenting.years import years_later

    ChampionSettings.objects.update_or_create(pk=1, defaults={"dbs_valid_years": 2})
    cleared = timezone.localdate() - dt.timedelta(days=30)
    champion.member.dbs_status = "cleared"
    champion.member.dbs_cleared_on = cleared
    champion.member.save()
    text = client_for("councillor").get(reverse("champions:my_role")).text
    expires = years_later(cleared, 2)
    assert f"Cleared on {cleared.day} {cleared:%B %Y}" in text
    assert f"valid until {expires.day} {expires:%B %Y}" in text


def test_officer_responds_to_a_follow_up_in_their_area(client_for, officer):
    engagement = EngagementFactory(follow_up_requested="Fix the wifi", follow_up_status="open")
    LinkOfficerFactory(area=engagement.area, officer=officer)
    url = reverse("champions:engagement_respond", args=[engagement.pk])
    response = client_for("officer").post(
        url,
        {
            "follow_up_response": "A new router was fitted.",
            "follow_up_status": "done",
            "show_in_you_said_we_did": "on",
        },
    )
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.follow_up_status == "done"
    assert engagement.responded_by == officer
    assert Engagement.objects.for_you_said_we_did().count() == 1


def test_officer_cannot_respond_outside_their_areas(client_for, officer):
    engagement = EngagementFactory(follow_up_requested="Fix the wifi", follow_up_status="open")
    url = reverse("champions:engagement_respond", args=[engagement.pk])
    assert client_for("officer").get(url).status_code == 404


def test_done_without_a_response_is_refused(client_for, officer):
    engagement = EngagementFactory(follow_up_requested="Fix the wifi", follow_up_status="open")
    LinkOfficerFactory(area=engagement.area, officer=officer)
    response = client_for("officer").post(
        reverse("champions:engagement_respond", args=[engagement.pk]),
        {"follow_up_response": "", "follow_up_status": "done"},
    )
    assert "follow_up_response" in response.context["form"].errors
    engagement.refresh_from_db()
    assert engagement.follow_up_status == "open"


def test_admin_appoints_a_champion_and_it_is_audited(client_for, portal_admin):
    area = ChampionAreaFactory()
    councillor = core.councillor(full_name="Councillor New Person")
    response = client_for("admin").post(
        reverse("champions:appointment_create"),
        {"user": councillor.pk, "area": area.pk, "start_year": current_political_year().start_year},
    )
    assert response.status_code == 302
    assert Appointment.objects.get().member.user == councillor
    event = AuditEvent.objects.for_object(area).get()
    assert event.actor == portal_admin and event.action == "appointed champion"
    page = client_for("admin").get(area.get_absolute_url())
    assert "Councillor New Person" in page.text and "History of changes" in page.text


def test_admin_ends_an_appointment(client_for):
    appointment = AppointmentFactory()
    today = timezone.localdate()
    url = reverse("champions:appointment_end", args=[appointment.pk])
    response = client_for("admin").post(url, {"ended_on": today.isoformat(), "reason": "Cabinet"})
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.ended_on == today
    assert appointment.end_reason == "Cabinet"
    # Ended once: the page is gone, and a second end changes nothing.
    assert client_for("admin").post(url, {"ended_on": today.isoformat()}).status_code == 404


def test_admin_records_dbs_cleared_and_needs_its_date(client_for):
    member = MemberFactory()
    url = reverse("champions:member_edit", args=[member.pk])
    data = {"ward": "Eastgate", "party": "", "phone": "", "dbs_status": "cleared"}
    response = client_for("admin").post(url, data)
    assert "dbs_cleared_on" in response.context["form"].errors
    data["dbs_cleared_on"] = "2025-06-01"
    assert client_for("admin").post(url, data).status_code == 302
    member.refresh_from_db()
    assert member.dbs_cleared_on == dt.date(2025, 6, 1)


def test_admin_adds_an_area_and_a_link_officer(client_for):
    response = client_for("admin").post(
        reverse("champions:area_create"),
        {"name": "Health", "description": "Health of children in care", "current_issues": ""},
    )
    area = ChampionArea.objects.get(name="Health")
    assert response.url == area.get_absolute_url()
    officer = core.officer()
    Duty.objects.create(user=officer, kind=DutyKind.LINK_OFFICER, job_title="Designated Nurse")
    response = client_for("admin").post(
        reverse("champions:link_officer_add", args=[area.slug]),
        {"officer": officer.pk, "job_title": "Designated Nurse", "team": "", "contact": ""},
    )
    assert response.status_code == 302
    assert area.link_officers.get().officer == officer


def test_engagement_csv_neutralises_formulas(client_for):
    EngagementFactory(what_we_did="=HYPERLINK('http://evil')")
    response = client_for("admin").get(reverse("champions:engagement_list") + "?export=csv")
    text = response.content.decode()
    assert "'=HYPERLINK" in text
    assert "What they did" in text


def test_engagement_list_filters_by_area_and_year(client_for):
    wanted = EngagementFactory()
    EngagementFactory()
    year = current_political_year().start_year
    response = client_for("admin").get(
        reverse("champions:engagement_list") + f"?area={wanted.area.pk}&year={year}"
    )
    assert list(response.context["table"].data) == [wanted]


def test_councillor_list_shows_only_their_own(client_for, champion):
    mine = EngagementFactory(member=champion.member, area=champion.area)
    EngagementFactory()
    response = client_for("councillor").get(reverse("champions:engagement_list"))
    assert list(response.context["table"].data) == [mine]


def test_report_pdf_holds_the_report(client_for):
    engagement = EngagementFactory()
    response = client_for("officer").get(reverse("champions:report_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert engagement.area.name in text
    assert str(engagement.member) in text


def test_report_covers_areas_members_heard_and_changed(client_for):
    engagement = EngagementFactory(
        young_people_said="More trips",
        follow_up_requested="Trips",
        follow_up_status="done",
        follow_up_response="Two trips booked",
    )
    text = client_for("councillor").get(reverse("champions:report")).text
    for expected in ("Report sponsor", "Report author", "Summary", engagement.area.name):
        assert expected in text
    assert "More trips" in text and "Two trips booked" in text


def test_coverage_shows_vacant_areas_and_participation(client_for):
    AppointmentFactory()
    vacant = ChampionAreaFactory(name="Vacant Area")
    MemberFactory()
    response = client_for("admin").get(reverse("champions:coverage"))
    coverage = response.context["coverage"]
    assert coverage.vacant == [vacant]
    assert len(coverage.members) == 2
    assert coverage.engaged_count == 0


def test_home_panels_for_each_role(client_for, champion, officer, settings):
    settings.REMINDERS_TRAINING_GRACE_DAYS = 0  # no longer too new to be shown the target
    engagement = EngagementFactory(follow_up_requested="Fix the wifi", follow_up_status="open")
    LinkOfficerFactory(area=engagement.area, officer=officer)
    assert "0 of 3 engagements" in client_for("councillor").get("/").text
    assert "Fix the wifi" in client_for("officer").get("/").text
    assert "Champion coverage" in client_for("admin").get("/").text


def _grow_engagements():
    for _ in range(3):
        appointment = AppointmentFactory()
        LinkOfficerFactory(area=appointment.area)
        EngagementFactory(
            member=appointment.member,
            area=appointment.area,
            follow_up_requested="Ask",
            follow_up_status="open",
        )


@pytest.mark.parametrize(
    "name",
    [
        "champions:engagement_list",
        "champions:member_list",
        "champions:coverage",
        "champions:report",
    ],
)
def test_list_pages_make_a_constant_number_of_queries(client_for, name):
    _grow_engagements()
    assert_constant_queries(client_for("admin"), reverse(name), _grow_engagements)


def test_area_page_makes_a_constant_number_of_queries(client_for):
    area = AppointmentFactory().area

    def grow():
        for _ in range(3):
            appointment = AppointmentFactory(area=area)
            LinkOfficerFactory(area=area)
            EngagementFactory(
                member=appointment.member,
                area=area,
                follow_up_requested="A",
                follow_up_status="open",
            )

    grow()
    assert_constant_queries(client_for("admin"), area.get_absolute_url(), grow)


def test_my_role_makes_a_constant_number_of_queries(client_for, champion):
    def grow():
        for _ in range(3):
            EngagementFactory(member=champion.member, area=champion.area)
            LinkOfficerFactory(area=champion.area)

    assert_constant_queries(client_for("councillor"), reverse("champions:my_role"), grow)


def test_member_str_is_the_councillors_name(councillor):
    assert str(Member.objects.create(user=councillor)) == councillor.full_name


def test_logging_an_engagement_at_a_diary_event_links_it(client_for, champion):
    from events.models import Category, Event

    today = timezone.localdate()
    event = Event.objects.create(
        title="Care Leavers Week",
        category=Category.values[0],
        start_date=today - dt.timedelta(days=3),
        end_date=today,
    )
    response = client_for("councillor").post(
        reverse("champions:engagement_create"),
        engagement_post(champion.area, event=event.pk, kind="event"),
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get()
    assert engagement.event == event
    assert engagement.event_title == "Care Leavers Week"


def test_councillor_deletes_own_draft_but_not_a_submitted_one_nor_anothers(client_for, champion):
    draft = EngagementFactory(member=champion.member, area=champion.area, status="draft")
    submitted = EngagementFactory(member=champion.member, area=champion.area)
    others = EngagementFactory(status="draft")
    client = client_for("councillor")
    assert (
        client.post(reverse("champions:engagement_delete", args=[submitted.pk])).status_code == 404
    )
    assert client.post(reverse("champions:engagement_delete", args=[others.pk])).status_code == 404
    response = client.post(reverse("champions:engagement_delete", args=[draft.pk]))
    assert response.status_code == 302
    assert set(Engagement.objects.all()) == {submitted, others}
