import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from champions import services
from champions.models import (
    Appointment,
    ChampionSettings,
    DbsStatus,
    Engagement,
    EngagementStatus,
    FollowUpStatus,
    Member,
)
from champions.progress import Progress, progress_for
from corporate_parenting.models import AuditEvent
from corporate_parenting.years import current_political_year, political_year_starting
from tests import factories as core
from tests.champions.factories import (
    AppointmentFactory,
    ChampionAreaFactory,
    EngagementFactory,
    LinkOfficerFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def log(member, area, **extra):
    values = {
        "date": TODAY(),
        "kind": "visit",
        "area": area,
        "what_we_did": "Visited",
        "young_people_said": "More trips",
        "follow_up_requested": "",
        "young_people_count": 3,
    } | extra
    submit = values.pop("submit", True)
    return services.engagement_log(member=member, submit=submit, **values)


def test_dbs_cleared_until_it_expires_after_the_configured_years():
    member = MemberFactory(dbs_status=DbsStatus.CLEARED, dbs_cleared_on=dt.date(2022, 6, 1))
    assert member.dbs_is_cleared(dt.date(2022, 6, 1))
    assert member.dbs_is_cleared(dt.date(2025, 5, 31))
    assert not member.dbs_is_cleared(dt.date(2025, 6, 1))
    assert not member.dbs_is_cleared(dt.date(2022, 5, 31))
    settings = ChampionSettings.load()
    settings.dbs_valid_years = 5
    settings.save()
    assert member.dbs_is_cleared(dt.date(2025, 6, 1))


def test_dbs_not_cleared_when_applied_or_not_started():
    assert not MemberFactory(dbs_status=DbsStatus.APPLIED).dbs_is_cleared(TODAY())
    assert not MemberFactory(dbs_status=DbsStatus.NOT_STARTED).dbs_is_cleared(TODAY())


def test_member_update_refuses_cleared_dbs_without_a_date():
    member = MemberFactory()
    with pytest.raises(ValidationError) as error:
        services.member_update(member=member, actor=None, dbs_status=DbsStatus.CLEARED)
    assert "dbs_cleared_on" in error.value.message_dict


def test_appointment_is_audited_and_several_members_may_champion_one_area():
    admin = core.admin()
    area = ChampionAreaFactory()
    first, second = core.councillor(), core.councillor()
    year = current_political_year().start_year
    services.appointment_create(actor=admin, user=first, area=area, start_year=year)
    services.appointment_create(actor=admin, user=second, area=area, start_year=year)
    assert Appointment.objects.filter(area=area).count() == 2
    events = AuditEvent.objects.for_object(area)
    assert [e.action for e in events] == ["appointed champion", "appointed champion"]
    assert events[0].actor == admin


def test_appointing_twice_in_a_year_is_a_field_error():
    area = ChampionAreaFactory()
    user = core.councillor()
    year = current_political_year().start_year
    services.appointment_create(actor=None, user=user, area=area, start_year=year)
    with pytest.raises(ValidationError) as error:
        services.appointment_create(actor=None, user=user, area=area, start_year=year)
    assert "user" in error.value.message_dict


def test_only_councillors_can_be_appointed():
    with pytest.raises(ValidationError) as error:
        services.appointment_create(
            actor=None, user=core.officer(), area=ChampionAreaFactory(), start_year=2025
        )
    assert "user" in error.value.message_dict
    assert not Member.objects.exists()


def test_ending_an_appointment_is_audited():
    appointment = AppointmentFactory()
    area = appointment.area
    services.appointment_end(actor=None, appointment=appointment, reason="Stood down")
    appointment.refresh_from_db()
    assert appointment.ended_on == timezone.localdate()
    assert appointment.end_reason == "Stood down"
    event = AuditEvent.objects.for_object(area).get()
    assert event.action == "ended appointment"
    assert "Stood down" in event.note


def test_area_is_vacant_without_a_champion_this_year():
    from champions.models import ChampionArea

    year = current_political_year()
    championed = AppointmentFactory().area
    AppointmentFactory(start_year=year.start_year - 1)  # last year only
    vacant = set(ChampionArea.objects.vacant_in(year))
    assert championed not in vacant
    assert len(vacant) == 1


def test_logging_an_engagement_in_the_future_is_refused():
    appointment = AppointmentFactory()
    with pytest.raises(ValidationError) as error:
        log(appointment.member, appointment.area, date=TODAY() + dt.timedelta(days=1))
    assert "date" in error.value.message_dict
    assert not Engagement.objects.exists()


def test_logging_a_negative_count_is_refused():
    appointment = AppointmentFactory()
    with pytest.raises(ValidationError) as error:
        log(appointment.member, appointment.area, young_people_count=-1)
    assert "young_people_count" in error.value.message_dict
    assert not Engagement.objects.exists()


def test_logging_for_an_area_the_member_does_not_champion_is_refused():
    appointment = AppointmentFactory()
    other = ChampionAreaFactory()
    with pytest.raises(ValidationError) as error:
        log(appointment.member, other)
    assert "area" in error.value.message_dict
    assert not Engagement.objects.exists()


def test_a_follow_up_is_open_once_submitted_and_not_while_draft():
    appointment = AppointmentFactory()
    draft = log(
        appointment.member, appointment.area, follow_up_requested="Ask housing", submit=False
    )
    assert draft.status == EngagementStatus.DRAFT
    assert draft.follow_up_status == FollowUpStatus.NONE
    submitted = services.engagement_update(engagement=draft, submit=True)
    assert submitted.status == EngagementStatus.SUBMITTED
    assert submitted.follow_up_status == FollowUpStatus.OPEN


def test_progress_counts_submitted_engagements_of_the_political_year_only():
    year = current_political_year()
    appointment = AppointmentFactory(start_year=year.start_year)
    member = appointment.member
    EngagementFactory(member=member, area=appointment.area, date=year.start)
    EngagementFactory(member=member, area=appointment.area, date=year.start - dt.timedelta(days=1))
    EngagementFactory(member=member, area=appointment.area, status=EngagementStatus.DRAFT)
    progress = progress_for(member, year)
    assert progress == Progress(count=1, target=3)
    assert not progress.met
    assert progress.remaining == 2
    last = progress_for(member, year.previous())
    assert last.count == 1


def test_progress_target_is_configurable():
    settings = ChampionSettings.load()
    settings.engagement_target = 5
    settings.save()
    assert progress_for(MemberFactory(), current_political_year()).target == 5


def test_progress_properties():
    assert Progress(3, 3).met and Progress(3, 3).percent == 100 and Progress(3, 3).remaining == 0
    assert Progress(4, 3).percent == 100
    assert Progress(1, 3).percent == 33 and Progress(1, 3).status == "On the way"
    assert Progress(0, 3).status == "Not started"


def test_officer_response_done_can_be_shown_in_you_said_we_did():
    engagement = EngagementFactory(follow_up_requested="More trips", follow_up_status="open")
    officer = LinkOfficerFactory(area=engagement.area).officer
    services.engagement_respond(
        engagement=engagement,
        officer=officer,
        response="We booked two trips in the summer.",
        follow_up_status=FollowUpStatus.DONE,
        show_in_you_said_we_did=True,
    )
    rows = list(Engagement.objects.for_you_said_we_did())
    assert len(rows) == 1
    assert rows[0]["follow_up_response"] == "We booked two trips in the summer."
    assert set(rows[0]) == {
        "pk",
        "area__name",
        "area__slug",
        "date",
        "young_people_said",
        "follow_up_response",
    }


def test_you_said_we_did_refused_unless_done():
    engagement = EngagementFactory(follow_up_requested="More trips", follow_up_status="open")
    with pytest.raises(ValidationError) as error:
        services.engagement_respond(
            engagement=engagement,
            officer=core.officer(),
            response="Working on it",
            follow_up_status=FollowUpStatus.IN_PROGRESS,
            show_in_you_said_we_did=True,
        )
    assert "show_in_you_said_we_did" in error.value.message_dict
    assert not Engagement.objects.for_you_said_we_did().exists()


def test_draft_from_event_uses_the_members_only_area():
    appointment = AppointmentFactory()
    draft = services.engagement_draft_from_event(
        member=appointment.member, event_title="Care Leavers Week", on=TODAY(), area=None
    )
    assert draft.is_draft
    assert draft.area == appointment.area
    assert draft.kind == "event"
    assert draft.event_title == "Care Leavers Week"


def test_draft_from_event_leaves_area_empty_when_the_member_has_several():
    member = MemberFactory()
    AppointmentFactory(member=member)
    AppointmentFactory(member=member)
    draft = services.engagement_draft_from_event(
        member=member, event_title="Fostering Fortnight", on=TODAY(), area=None
    )
    assert draft.area is None


def test_drafts_are_visible_only_to_their_author():
    draft = EngagementFactory(status=EngagementStatus.DRAFT)
    LinkOfficerFactory(area=draft.area)
    other = core.councillor()
    officer = draft.area.link_officers.get().officer
    assert Engagement.objects.visible_to(draft.member.user).filter(pk=draft.pk).exists()
    assert not Engagement.objects.visible_to(other).exists()
    assert not Engagement.objects.visible_to(officer).exists()
    assert not Engagement.objects.visible_to(core.admin()).exists()


def test_officers_see_submitted_engagements_in_their_areas_only():
    mine = EngagementFactory()
    EngagementFactory()
    officer = LinkOfficerFactory(area=mine.area).officer
    assert list(Engagement.objects.visible_to(officer)) == [mine]


def test_political_year_of_appointments_uses_the_site_setting():
    assert political_year_starting(2025).label == "2025/26"


def test_engagement_and_champion_counts_by_subquery():
    from champions.models import ChampionArea

    year = current_political_year()
    appointment = AppointmentFactory()
    AppointmentFactory(area=appointment.area)
    EngagementFactory(member=appointment.member, area=appointment.area)
    EngagementFactory(member=appointment.member, area=appointment.area)
    EngagementFactory(
        member=appointment.member, area=appointment.area, status=EngagementStatus.DRAFT
    )
    EngagementFactory(
        member=appointment.member,
        area=appointment.area,
        follow_up_requested="Ask",
        follow_up_status="open",
    )
    counted = Member.objects.with_engagement_count(year).get(pk=appointment.member.pk)
    assert counted.engagement_count == 3
    area = (
        ChampionArea.objects.with_champion_count(year)
        .with_open_follow_up_count()
        .get(pk=appointment.area.pk)
    )
    assert area.champion_count == 2
    assert area.open_follow_ups == 1
    empty = ChampionAreaFactory()
    assert ChampionArea.objects.with_champion_count(year).get(pk=empty.pk).champion_count == 0
