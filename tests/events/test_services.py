"""Sign-up rules, roll-forward and bad input: clear errors, nothing changed."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from champions.models import DbsStatus, Engagement, EngagementStatus
from corporate_parenting.models import AuditEvent
from events import services
from events.models import AnnualRule, Event, SignUp, SignUpStatus
from tests.champions.factories import ChampionAreaFactory, MemberFactory
from tests.events.factories import EventFactory, SignUpFactory, in_days


def cleared_member(user):
    return MemberFactory(user=user, dbs_status=DbsStatus.CLEARED, dbs_cleared_on=in_days(-30))


@pytest.mark.django_db
def test_a_member_without_a_cleared_dbs_cannot_sign_up_for_an_event_with_children(councillor):
    event = EventFactory(involves_children=True)
    MemberFactory(user=councillor, dbs_status=DbsStatus.APPLIED)
    with pytest.raises(ValidationError, match="DBS check"):
        services.signup_create(event=event, person=councillor)
    assert not SignUp.objects.exists()


@pytest.mark.django_db
def test_a_councillor_who_is_not_a_member_record_is_refused_too(councillor):
    with pytest.raises(ValidationError, match="DBS check"):
        services.signup_create(event=EventFactory(involves_children=True), person=councillor)


@pytest.mark.django_db
def test_a_member_with_a_cleared_dbs_can_sign_up(councillor):
    cleared_member(councillor)
    signup = services.signup_create(event=EventFactory(involves_children=True), person=councillor)
    assert signup.status == SignUpStatus.SIGNED_UP
    assert signup.override_reason == ""


@pytest.mark.django_db
def test_a_full_event_refuses_another_sign_up(councillor):
    event = EventFactory(capacity=1)
    SignUpFactory(event=event)
    with pytest.raises(ValidationError, match="full: all 1 places"):
        services.signup_create(event=event, person=councillor)
    assert event.signups.count() == 1


@pytest.mark.django_db
def test_a_cancelled_place_frees_the_place(councillor):
    event = EventFactory(capacity=1)
    other = SignUpFactory(event=event)
    services.signup_cancel(event=event, person=other.person)
    services.signup_create(event=event, person=councillor)
    assert event.signups.active().get().person == councillor


@pytest.mark.django_db
def test_an_admin_overrides_with_a_reason_that_is_recorded(councillor, portal_admin):
    event = EventFactory(capacity=1, involves_children=True)
    SignUpFactory(event=event)
    signup = services.signup_create(
        event=event,
        person=councillor,
        actor=portal_admin,
        override_reason="DBS cleared by HR today",
    )
    assert signup.override_reason == "DBS cleared by HR today"
    assert signup.overridden_by == portal_admin
    audit = AuditEvent.objects.for_object(event).get(action="sign-up rule overridden")
    assert "DBS cleared by HR today" in audit.note and "full" in audit.note


@pytest.mark.django_db
def test_an_admin_without_a_reason_is_refused_like_anyone(councillor, portal_admin):
    event = EventFactory(capacity=0)
    with pytest.raises(ValidationError, match="full"):
        services.signup_create(event=event, person=councillor, actor=portal_admin)


@pytest.mark.django_db
def test_a_councillor_cannot_override_by_giving_a_reason(councillor):
    event = EventFactory(capacity=0)
    with pytest.raises(ValidationError):
        services.signup_create(
            event=event, person=councillor, actor=councillor, override_reason="x"
        )


@pytest.mark.django_db
def test_cannot_sign_up_for_a_past_or_cancelled_event(councillor):
    with pytest.raises(ValidationError, match="already happened"):
        services.signup_create(event=EventFactory(start_date=in_days(-2)), person=councillor)
    cancelled = services.event_cancel(actor=None, event=EventFactory())
    with pytest.raises(ValidationError, match="cancelled"):
        services.signup_create(event=cancelled, person=councillor)


@pytest.mark.django_db
def test_end_before_start_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError) as raised:
        services.event_create(
            actor=None,
            title="Backwards",
            category="training",
            start_date=date(2027, 5, 10),
            end_date=date(2027, 5, 9),
        )
    assert "end_date" in raised.value.message_dict
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_an_end_time_before_the_start_time_on_one_day_is_refused():
    event = EventFactory()
    with pytest.raises(ValidationError) as raised:
        services.event_update(actor=None, event=event, start_time=time(14), end_time=time(13))
    assert "end_time" in raised.value.message_dict
    event.refresh_from_db()
    assert event.start_time == time(10)


@pytest.mark.django_db
def test_capacity_below_the_number_signed_up_is_refused_and_nothing_changes():
    event = EventFactory(capacity=5)
    SignUpFactory.create_batch(3, event=event)
    with pytest.raises(ValidationError) as raised:
        services.event_update(actor=None, event=event, capacity=2)
    assert "3 members have signed up" in raised.value.message_dict["capacity"][0]
    event.refresh_from_db()
    assert event.capacity == 5
    assert event.sequence == 0


@pytest.mark.django_db
def test_roll_forward_copies_to_the_confirmed_dates_once(portal_admin):
    area = ChampionAreaFactory()
    source = EventFactory(
        title="Care Leavers Week",
        start_date=date(2022, 10, 24),
        end_date=date(2022, 10, 30),
        start_time=None,
        end_time=None,
        is_annual=True,
        annual_rule=AnnualRule.LAST_FULL_WEEK,
        areas=[area],
    )
    [copy] = services.event_roll_forward(
        actor=portal_admin, plan=[(source, date(2023, 10, 23), date(2023, 10, 29))]
    )
    assert (copy.start_date, copy.end_date) == (date(2023, 10, 23), date(2023, 10, 29))
    assert copy.rolled_from == source and copy.is_annual
    assert list(copy.areas.all()) == [area]
    assert copy.uid != source.uid
    with pytest.raises(ValidationError, match="already been rolled forward"):
        services.event_roll_forward(
            actor=portal_admin, plan=[(source, date(2023, 10, 23), date(2023, 10, 29))]
        )
    assert Event.objects.count() == 2


@pytest.mark.django_db
def test_confirmed_attendance_makes_a_draft_engagement_linked_to_the_event(councillor):
    member = cleared_member(councillor)
    area = ChampionAreaFactory()
    event = EventFactory(start_date=in_days(-1), areas=[area], title="Youth club")
    signup = SignUpFactory(event=event, person=councillor)
    engagement = services.signup_confirm_attendance(signup=signup, actor=councillor)
    assert isinstance(engagement, Engagement)
    assert engagement.member == member
    assert engagement.status == EngagementStatus.DRAFT
    assert engagement.area == area
    assert engagement.event_id == event.pk
    signup.refresh_from_db()
    assert signup.attended
    with pytest.raises(ValidationError, match="already been confirmed"):
        services.signup_confirm_attendance(signup=signup, actor=councillor)
    assert Engagement.objects.count() == 1


@pytest.mark.django_db
def test_attendance_cannot_be_confirmed_before_the_event(councillor):
    signup = SignUpFactory(person=councillor, event__start_date=in_days(3))
    with pytest.raises(ValidationError, match="once the event has started"):
        services.signup_confirm_attendance(signup=signup, actor=councillor)


@pytest.mark.django_db
def test_dates_label_reads_like_the_seed_table():
    assert (
        EventFactory.build(start_date=date(2022, 5, 10), end_date=date(2022, 5, 23)).dates_label
        == "10 to 23 May 2022"
    )
    assert (
        EventFactory.build(start_date=date(2022, 3, 16), end_date=date(2022, 3, 16)).dates_label
        == "16 March 2022"
    )
    assert (
        EventFactory.build(start_date=date(2023, 4, 30), end_date=date(2023, 5, 2)).dates_label
        == "30 April to 2 May 2023"
    )
