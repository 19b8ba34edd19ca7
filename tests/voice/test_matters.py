"""The Children in Care Council's matters ("you asked"): entered by council staff with themes,
an owner and a due date; open, answered or overdue by one rule; answered by the owner; on the
Board's agenda and members' pack while open; chased once overdue; and, once answered and shown
publicly, in "you said, we did"."""

import datetime as dt
from datetime import date, timedelta

import pytest
from django.utils import timezone

from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.models import Reminder, ReminderStatus
from corporate_parenting.years import current_political_year
from panels.models import Meeting
from panels.reports.pack import pack_content_key, pack_entries
from tests import factories as core
from tests.helpers import assert_constant_queries
from tests.panels.factories import BodyFactory, MeetingFactory, MembershipFactory
from tests.voice.factories import MatterFactory, ThemeFactory
from voice import matter_services, reminders
from voice.matters import Matter, MatterState
from voice.told import csv_rows, what_we_were_told

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def council():
    return BodyFactory(
        name="Children in Care Council",
        slug="children-in-care-council",
        kind="children_in_care_council",
    )


@pytest.fixture
def board():
    return BodyFactory(name="Corporate Parenting Board", slug="board")


def _answered(**extra):
    return MatterFactory(response="We did it.", answered_at=timezone.now(), **extra)


def _shown(**extra):
    return MatterFactory(
        response=extra.pop("response", "We did it."),
        answered_at=timezone.now(),
        shown_publicly_at=timezone.now(),
        **extra,
    )


# The one rule --------------------------------------------------------------------------------


def test_open_answered_and_overdue_are_decided_by_one_rule():
    open_one = MatterFactory(due_on=TODAY)  # due today: not yet overdue
    overdue = MatterFactory(due_on=TODAY - timedelta(days=1))
    answered = _answered(due_on=TODAY - timedelta(days=30))  # late, but answered
    assert set(Matter.objects.in_state(MatterState.OPEN)) == {open_one}
    assert set(Matter.objects.overdue()) == {overdue}
    assert set(Matter.objects.in_state(MatterState.ANSWERED)) == {answered}
    assert set(Matter.objects.unanswered()) == {open_one, overdue}
    # The property reads the same rule, fetched or not.
    assert [m.state for m in (open_one, overdue, answered)] == ["open", "overdue", "answered"]
    by_pk = {m.pk: m.state for m in Matter.objects.with_state()}
    assert by_pk == {open_one.pk: "open", overdue.pk: "overdue", answered.pk: "answered"}
    # Tomorrow the open one is overdue.
    assert set(Matter.objects.overdue(TODAY + timedelta(days=1))) == {open_one, overdue}


# Entering a matter ---------------------------------------------------------------------------


def test_staff_record_a_matter_with_themes_and_an_owner(client_for, officer, council, board):
    housing = ThemeFactory(name="Housing", slug="housing")
    money = ThemeFactory(name="Money", slug="money")
    owner = core.councillor(full_name="Councillor Mo Owner")
    response = client_for("officer").post(
        "/voice/matters/new/",
        {
            "raised_by": council.pk,
            "raised_on": (TODAY - timedelta(days=3)).isoformat(),
            "title": "Wi-fi in supported lodgings",
            "asked": "Can every placement have wi-fi for college work?",
            "themes": [housing.pk, money.pk],
            "board": board.pk,
            "owner": owner.pk,
            "due_on": (TODAY + timedelta(days=30)).isoformat(),
        },
        follow=True,
    )
    matter = Matter.objects.get()
    assert response.redirect_chain[-1][0] == f"/voice/matters/{matter.pk}/"
    page = response.content.decode()
    assert "Matter ‘Wi-fi in supported lodgings’ recorded" in page
    assert "Open" in page and "Councillor Mo Owner" in page
    assert set(matter.themes.all()) == {housing, money}
    assert (matter.owner, matter.board, matter.entered_by) == (owner, board, officer)
    assert matter.state == MatterState.OPEN


def test_a_matter_with_mistakes_keeps_what_was_typed_and_says_what_to_fix(
    client_for, council, board
):
    response = client_for("officer").post(
        "/voice/matters/new/",
        {
            "raised_by": board.pk,  # not a body of young people
            "raised_on": TODAY.isoformat(),
            "title": "Bus passes",
            "asked": "Keep the bus pass until 21",
            "board": board.pk,
            "owner": "",
            "due_on": (TODAY - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose who raised the matter" in page or "Select a valid choice" in page
    assert "Choose the owner who answers the matter" in page
    assert "Keep the bus pass until 21" in page  # nothing typed is lost
    assert not Matter.objects.exists()


def test_the_service_refuses_an_answer_due_before_the_matter_was_raised(officer, council, board):
    with pytest.raises(Exception) as error:
        matter_services.matter_save(
            actor=officer,
            matter=None,
            raised_by=council,
            raised_on=TODAY,
            title="Bus passes",
            asked="Keep the bus pass",
            board=board,
            owner=officer,
            due_on=TODAY - timedelta(days=1),
        )
    assert "due_on" in error.value.message_dict  # type: ignore[attr-defined]
    assert not Matter.objects.exists()


@pytest.mark.parametrize("bad", ["a\x00b", "line\r\nbreak", "x" * 10_001])
def test_hostile_input_is_refused_with_a_message(client_for, council, board, officer, bad):
    response = client_for("officer").post(
        "/voice/matters/new/",
        {
            "raised_by": council.pk,
            "raised_on": TODAY.isoformat(),
            "title": bad,
            "asked": bad,
            "board": board.pk,
            "owner": officer.pk,
            "due_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Matter.objects.exists()


def test_a_councillor_cannot_enter_or_change_a_matter(client_for, council, board):
    matter = MatterFactory(title="Before")
    assert client_for("councillor").post(f"/voice/matters/{matter.pk}/edit/").status_code == 403
    matter.refresh_from_db()
    assert matter.title == "Before"


# Answering ----------------------------------------------------------------------------------


def test_the_owner_records_the_response_and_the_matter_is_answered(client_for, councillor):
    matter = MatterFactory(owner=councillor, due_on=TODAY - timedelta(days=2))
    assert matter.state == MatterState.OVERDUE
    page = client_for("councillor").get(f"/voice/matters/{matter.pk}/").content.decode()
    assert "Record the response" in page and "Change the matter" not in page
    response = client_for("councillor").post(
        f"/voice/matters/{matter.pk}/respond/",
        {"response": "Every placement now has wi-fi."},
        follow=True,
    )
    assert "Response recorded: the matter is answered" in response.content.decode()
    matter.refresh_from_db()
    assert matter.state == MatterState.ANSWERED
    assert (matter.answered_by, matter.response) == (councillor, "Every placement now has wi-fi.")


def test_an_empty_response_is_refused_on_its_field(client_for, councillor):
    matter = MatterFactory(owner=councillor)
    response = client_for("councillor").post(f"/voice/matters/{matter.pk}/respond/", {})
    assert "Enter the response to the matter" in response.content.decode()
    matter.refresh_from_db()
    assert matter.answered_at is None


def test_a_councillor_who_is_not_the_owner_cannot_answer(client_for, councillor):
    matter = MatterFactory()
    # Not on the Board: the matter is not theirs to see.
    assert client_for("councillor").get(f"/voice/matters/{matter.pk}/").status_code == 404
    MembershipFactory(body=matter.board, user=councillor)
    assert client_for("councillor").get(f"/voice/matters/{matter.pk}/").status_code == 200
    response = client_for("councillor").post(
        f"/voice/matters/{matter.pk}/respond/", {"response": "Not mine to answer"}
    )
    assert response.status_code == 403
    matter.refresh_from_db()
    assert matter.answered_at is None


# Showing it publicly ----------------------------------------------------------------------------


def test_showing_publicly_is_a_recorded_act_and_only_once_answered(client_for, officer):
    matter = MatterFactory()
    client = client_for("officer")
    response = client.post(
        f"/voice/matters/{matter.pk}/show-publicly/", {"shown": "yes"}, follow=True
    )
    assert "Record the response before showing the matter publicly" in response.content.decode()
    matter_services.matter_respond(actor=officer, matter=matter, response="We did it.")
    response = client.post(
        f"/voice/matters/{matter.pk}/show-publicly/", {"shown": "yes"}, follow=True
    )
    assert "Shown publicly in ‘You said, we did’" in response.content.decode()
    matter.refresh_from_db()
    assert matter.shown_publicly_by == officer and matter.is_shown_publicly
    assert Matter.objects.you_said_we_did().get() == matter
    client.post(f"/voice/matters/{matter.pk}/show-publicly/", {"shown": "no"})
    assert not Matter.objects.you_said_we_did().exists()


# The list -------------------------------------------------------------------------------------


def test_list_filters_by_state_and_exports_csv(client_for):
    MatterFactory(title="Still open")
    MatterFactory(title="Running late", due_on=TODAY - timedelta(days=3))
    _answered(title="Done and dusted")
    client = client_for("officer")
    page = client.get("/voice/matters/?state=overdue").content.decode()
    assert "Running late" in page and "Still open" not in page and "Done and dusted" not in page
    page = client.get("/voice/matters/?state=unanswered").content.decode()
    assert "Running late" in page and "Still open" in page and "Done and dusted" not in page
    page = client.get("/voice/matters/?state=answered").content.decode()
    assert "Done and dusted" in page and "Running late" not in page
    csv = client.get("/voice/matters/?export=csv").content.decode()
    assert "Running late" in csv and "Overdue" in csv and "Answered" in csv


def test_a_councillor_reads_the_matters_of_the_boards_they_sit_on(client_for, councillor):
    mine = MatterFactory(title="For my Board")
    MembershipFactory(body=mine.board, user=councillor)
    MatterFactory(title="Elsewhere", board=BodyFactory(slug="private-board", name="Private"))
    page = client_for("councillor").get("/voice/matters/").content.decode()
    assert "For my Board" in page and "Elsewhere" not in page and "Private" not in page


def test_empty_list_says_so_and_staff_see_how_to_add_one(client_for):
    page = client_for("officer").get("/voice/matters/").content.decode()
    assert "No matters match" in page and "Record a matter raised" in page
    page = client_for("councillor").get("/voice/matters/").content.decode()
    assert "Record a matter raised" not in page


def test_list_and_bad_filters_never_fail(client_for):
    for query in ("state=nonsense", "board=abc", "page=-1", "state=%00", "board=99999999999"):
        assert client_for("officer").get(f"/voice/matters/?{query}").status_code == 200


def test_list_queries_stay_the_same_as_matters_grow(client_for):
    MatterFactory.create_batch(2)
    assert_constant_queries(
        client_for("officer"), "/voice/matters/", lambda: MatterFactory.create_batch(6)
    )


# On the Board's agenda -------------------------------------------------------------------------


def _board_meeting(board, days_ahead=14):
    return MeetingFactory(body=board, date=TODAY + timedelta(days=days_ahead))


def test_open_matters_stand_on_the_boards_meeting_page(client_for, board):
    meeting = _board_meeting(board)
    MatterFactory(board=board, title="Seeing brothers and sisters")
    _answered(board=board, title="Answered already")
    MatterFactory(board=board, title="Raised after", raised_on=meeting.date + timedelta(days=1))
    MatterFactory(board=BodyFactory(slug="another"), title="For another body")
    page = client_for("officer").get(f"/panels/meetings/{meeting.pk}/").content.decode()
    assert "Children in Care Council: matters raised" in page
    assert "Seeing brothers and sisters" in page
    for absent in ("Answered already", "Raised after", "For another body"):
        assert absent not in page


def test_the_meeting_page_makes_the_same_queries_as_matters_grow(client_for, board):
    meeting = _board_meeting(board)
    MatterFactory.create_batch(2, board=board)
    assert_constant_queries(
        client_for("officer"),
        f"/panels/meetings/{meeting.pk}/",
        lambda: MatterFactory.create_batch(5, board=board, owner=core.councillor()),
    )


def test_a_meeting_with_no_open_matters_has_no_standing_item(client_for, board):
    meeting = _board_meeting(board)
    page = client_for("councillor").get(f"/panels/meetings/{meeting.pk}/").content.decode()
    assert "Children in Care Council: matters raised" not in page


def test_a_matter_answered_after_the_meeting_stays_on_that_meetings_record(board):
    meeting = MeetingFactory(body=board, date=TODAY - timedelta(days=5))
    matter = _answered(board=board, raised_on=TODAY - timedelta(days=20))
    assert list(Matter.objects.before_board(meeting)) == [matter]


def test_members_pack_prints_the_open_matters_and_the_public_pack_never(board, officer):
    from panels import services

    board.is_public = True
    board.save()
    meeting = services.meeting_create(
        actor=officer, body=board, date=TODAY + timedelta(days=20), start_time=dt.time(18)
    )
    MatterFactory(board=board, title="Pocket money the same everywhere")
    full = {e.item.kind: e for e in pack_entries(meeting, "full")}
    public = {e.item.kind: e for e in pack_entries(meeting, "public")}
    assert [m.title for m in full["action_log"].matters or []] == [
        "Pocket money the same everywhere"
    ]
    assert full["action_log"].start_anchor  # the action log prints, for the matters alone
    assert not public["action_log"].matters
    # A new matter makes a new members' pack, never a new public one.
    full_key, public_key = pack_content_key(meeting, "full"), pack_content_key(meeting, "public")
    MatterFactory(board=board, title="Another")
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert pack_content_key(meeting, "full") != full_key
    assert pack_content_key(meeting, "public") == public_key


# Chased like an action ---------------------------------------------------------------------------


def test_an_overdue_matter_is_chased_once_for_each_due_date(officer):
    matter = MatterFactory(owner=officer, due_on=date(2026, 3, 2), raised_on=date(2026, 2, 1))
    assert reminders.plan(today=date(2026, 3, 2)) == 0  # due today: not yet overdue
    assert reminders.plan(today=date(2026, 3, 3)) == 1
    assert reminders.plan(today=date(2026, 3, 4)) == 0  # once per due state
    [row] = Reminder.objects.filter(kind=Kind.MATTER_OVERDUE)
    assert row.recipient == officer and row.occasion == "overdue:2026-03-02"
    Matter.objects.filter(pk=matter.pk).update(due_on=date(2026, 3, 10))
    assert reminders.plan(today=date(2026, 3, 11)) == 1  # a new due date, chased again


def test_a_matter_answered_before_its_reminder_goes_is_not_sent(officer):
    matter = MatterFactory(owner=officer, due_on=TODAY - timedelta(days=1))
    reminders.plan(today=TODAY)
    matter_services.matter_respond(actor=officer, matter=matter, response="Done.")
    dispatch.dispatch(
        now=timezone.make_aware(dt.datetime.combine(TODAY + timedelta(days=1), dt.time(23)))
    )
    [row] = Reminder.objects.filter(kind=Kind.MATTER_OVERDUE)
    assert (row.status, row.last_error) == (ReminderStatus.SKIPPED, "The matter has been answered")


def test_the_owner_is_e_mailed_what_was_asked_and_where_to_answer(officer):
    from django.core import mail

    matter = MatterFactory(owner=officer, title="Bus passes", due_on=TODAY - timedelta(days=1))
    reminders.plan(today=TODAY)
    dispatch.dispatch(
        now=timezone.make_aware(dt.datetime.combine(TODAY + timedelta(days=1), dt.time(23)))
    )
    [message] = [m for m in mail.outbox if "Bus passes" in m.subject]
    assert message.to == [officer.email]
    assert message.subject == "Overdue: Bus passes, asked by the Children in Care Council"
    assert f"/voice/matters/{matter.pk}/" in message.body
    assert "Record the response" in message.body


def test_an_answered_matter_is_never_chased(officer):
    _answered(owner=officer, due_on=TODAY - timedelta(days=3))
    assert reminders.plan(today=TODAY) == 0


# You said, we did -------------------------------------------------------------------------------


def _in_quarter_one():
    year = current_political_year()
    return year, year.start + timedelta(days=5)


def test_answered_matters_shown_publicly_count_by_theme_and_quarter_of_the_date_raised(
    client_for,
):
    year, day = _in_quarter_one()
    housing = ThemeFactory(name="Housing", slug="housing")
    shown = _shown(raised_on=day, due_on=day, response="Wi-fi everywhere now")
    shown.themes.set([housing])
    hidden = _answered(raised_on=day, due_on=day)  # answered, not shown
    hidden.themes.set([housing])
    open_one = MatterFactory(raised_on=day, due_on=day)
    open_one.themes.set([housing])
    told = what_we_were_told(year, today=year.end)
    [row] = [r for r in told.rows if r.theme == housing]
    assert row.council == [1, 0, 0, 0] and row.from_council == 1 and row.year == 1
    assert [a.did for a in row.answers] == ["Wi-fi everywhere now"]
    assert list(csv_rows(told))[1][-1] == "fewer than 5"
    page = client_for("councillor").get(f"/voice/?year={year.start_year}").content.decode()
    assert "Wi-fi everywhere now" in page
    public = client_for("anonymous").get(f"/voice/public/?year={year.start_year}")
    text = public.content.decode()
    assert "Wi-fi everywhere now" in text and "fewer than 5" in text
    assert hidden.asked not in text and open_one.asked not in text


def test_told_pages_make_the_same_queries_as_matters_grow(client_for):
    year, day = _in_quarter_one()
    theme = ThemeFactory(name="Money", slug="money")

    def grow():
        for _ in range(4):
            _shown(raised_on=day, due_on=day).themes.set([theme])

    grow()
    assert_constant_queries(client_for("councillor"), f"/voice/?year={year.start_year}", grow)
    assert_constant_queries(client_for("anonymous"), f"/voice/public/?year={year.start_year}", grow)
