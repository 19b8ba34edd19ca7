"""What champions tells the events diary: which checks a member lacks, and the draft engagement."""

from datetime import timedelta

import pytest

from champions import for_events
from champions.models import DbsStatus, EngagementStatus
from tests.champions.factories import ChampionAreaFactory, MemberFactory
from tests.events.factories import EventFactory, SignUpFactory, in_days


def _cleared(**extra):
    return {"dbs_status": DbsStatus.CLEARED, "dbs_cleared_on": in_days(-30), **extra}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("children", "training", "member", "missing"),
    [
        (False, False, None, []),
        (True, False, {}, [for_events.DBS]),
        (True, False, _cleared(), []),
        (False, True, _cleared(), [for_events.TRAINING]),
        (False, True, {"training_completed_on": in_days(-5)}, []),
        (True, True, {"training_completed_on": in_days(-5)}, [for_events.DBS]),
        (True, True, _cleared(), [for_events.TRAINING]),
        (True, True, {}, [for_events.DBS, for_events.TRAINING]),
        (True, True, None, [for_events.DBS, for_events.TRAINING]),
    ],
)
def test_missing_checks_names_exactly_what_the_event_needs_and_the_member_lacks(
    councillor, children, training, member, missing
):
    if member is not None:
        MemberFactory(user=councillor, **member)
    event = EventFactory(involves_children=children, requires_training=training)
    assert for_events.missing_checks(person=councillor, event=event, on=event.start_date) == missing


@pytest.mark.django_db
def test_training_counts_only_from_the_day_it_was_completed(councillor):
    trained_on = in_days(-3)
    MemberFactory(user=councillor, training_completed_on=trained_on)
    event = EventFactory(requires_training=True)
    day_before = trained_on - timedelta(days=1)
    assert for_events.missing_checks(person=councillor, event=event, on=day_before) == [
        for_events.TRAINING
    ]
    assert for_events.missing_checks(person=councillor, event=event, on=trained_on) == []


@pytest.mark.django_db
def test_an_event_with_no_checks_asks_nothing_of_champions(councillor, django_assert_num_queries):
    event = EventFactory()
    with django_assert_num_queries(0):
        assert for_events.missing_checks(person=councillor, event=event, on=event.start_date) == []


@pytest.mark.django_db
def test_the_draft_engagement_is_tied_to_the_event_and_its_one_area(councillor):
    member = MemberFactory(user=councillor)
    area = ChampionAreaFactory()
    event = EventFactory(start_date=in_days(-1), areas=[area], title="Youth club")
    engagement = for_events.draft_engagement_for(SignUpFactory(event=event, person=councillor))
    assert engagement is not None
    assert (engagement.member, engagement.event, engagement.area) == (member, event, area)
    assert engagement.event_title == "Youth club"
    assert engagement.status == EngagementStatus.DRAFT
    assert engagement.date == event.end_date


@pytest.mark.django_db
def test_no_draft_engagement_for_someone_who_is_not_a_champions_member(officer):
    event = EventFactory(start_date=in_days(-1))
    assert for_events.draft_engagement_for(SignUpFactory(event=event, person=officer)) is None
