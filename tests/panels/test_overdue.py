"""Overdue is decided once, by ResolutionQuerySet.with_due_on (is_overdue): an open action whose
due date, or its body's next meeting, has passed. Every page shows that value."""

import datetime

import pytest

from panels import services
from panels.models import Resolution
from tests.panels.factories import ActionFactory, AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 1, 1)
TAG = "govuk-tag--red"


@pytest.fixture
def item(officer):
    body = BodyFactory(minute_prefix="CPP")
    return AgendaItemFactory(meeting=MeetingFactory(body=body, date=datetime.date(2019, 12, 1)))


def _overdue(action: Resolution, today: datetime.date | None = None) -> bool:
    return Resolution.objects.with_due_on(today).get(pk=action.pk).is_overdue


def test_an_open_action_past_its_due_date_is_overdue(item, officer):
    open_action = ActionFactory(item=item, owner=officer, due_date=PAST)
    started = ActionFactory(item=item, owner=officer, due_date=PAST, status="in_progress")
    assert _overdue(open_action) and _overdue(started)
    assert not _overdue(open_action, today=PAST)  # due today is not yet overdue
    assert list(Resolution.objects.overdue()) == [open_action, started]


def test_done_dropped_and_future_actions_are_not_overdue(item, officer):
    done = ActionFactory(item=item, owner=officer, due_date=PAST, status="done")
    dropped = ActionFactory(item=item, owner=officer, due_date=PAST, status="dropped")
    future = ActionFactory(item=item, owner=officer)
    assert not any(_overdue(action) for action in (done, dropped, future))
    assert not Resolution.objects.overdue().exists()


def test_an_action_due_at_the_next_meeting_is_overdue_once_that_meeting_has_passed(item, officer):
    action = ActionFactory(item=item, owner=officer, due_date=None, due_next_meeting=True)
    assert not _overdue(action)  # no next meeting arranged: no date to be late for
    MeetingFactory(body=item.meeting.body, date=datetime.date(2020, 3, 1))
    assert not _overdue(action, today=datetime.date(2020, 3, 1))
    assert _overdue(action, today=datetime.date(2020, 3, 2))


def test_a_resolution_that_is_not_an_action_is_never_overdue(item):
    resolution = ActionFactory(item=item, is_action=False, owner=None, status="", due_date=PAST)
    assert not _overdue(resolution)


def test_pages_flag_only_the_overdue_action(client_for, officer, item):
    late = ActionFactory(item=item, owner=officer, due_date=PAST, text="Late action")
    done = ActionFactory(item=item, owner=officer, due_date=PAST, status="done", text="Done one")
    client = client_for("officer")
    log = client.get("/panels/actions/?status=").text
    late_row = log[log.index("Late action") :]
    assert TAG in late_row[: late_row.index("</tr>")]
    done_row = log[log.index("Done one") :]
    assert TAG not in done_row[: done_row.index("</tr>")]
    assert TAG in client.get(f"/panels/actions/{late.pk}/").text
    assert TAG not in client.get(f"/panels/actions/{done.pk}/").text
    only_overdue = client.get("/panels/actions/?status=&overdue=true").text
    assert "Late action" in only_overdue and "Done one" not in only_overdue
    home = client.get("/").text
    assert "Late action" in home and TAG in home


def test_the_meeting_action_log_flags_a_carried_overdue_action(client_for, officer, item):
    ActionFactory(item=item, owner=officer, due_date=PAST, text="Carried and late")
    later = services.meeting_create(
        actor=None,
        body=item.meeting.body,
        date=datetime.date(2020, 6, 1),
        start_time=datetime.time(18, 30),
    )
    page = client_for("officer").get(f"/panels/meetings/{later.pk}/").text
    row = page[page.index("Carried and late") :]
    assert TAG in row[: row.index("</tr>")]


def test_the_meeting_action_log_shows_the_earliest_due_and_links_to_them_all(
    client_for, officer, item, monkeypatch
):
    from panels import meeting_page

    monkeypatch.setattr(meeting_page, "CARRIED_SHOWN", 1)
    ActionFactory(item=item, owner=officer, due_date=PAST, text="Due first")
    ActionFactory(item=item, owner=officer, due_date=None, text="Due at the next meeting")
    later = services.meeting_create(
        actor=None,
        body=item.meeting.body,
        date=datetime.date(2020, 6, 1),
        start_time=datetime.time(18, 30),
    )
    client = client_for("officer")
    page = client.get(f"/panels/meetings/{later.pk}/").text
    assert "Due first" in page and "Due at the next meeting" not in page
    assert "These are the 1 of 2 open actions due earliest." in page
    assert 'href="?carried=all#carried-actions">Show all 2 open actions</a>' in page
    page = client.get(f"/panels/meetings/{later.pk}/?carried=all").text
    assert "Due first" in page and "Due at the next meeting" in page
    assert "Show all" not in page
