"""A body's work programme: planned, deferred, dropped, taken into a meeting's agenda; its report
deadlines; its CSV; and its public page, which shows months and titles only once published."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from corporate_parenting.models import Duty, DutyKind
from corporate_parenting.years import current_political_year
from panels import services
from panels.models import PlannedItem
from tests import factories as core
from tests.panels.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return BodyFactory(name="Corporate Parenting Panel", minute_prefix="CPP", is_public=True)


@pytest.fixture
def author(officer):
    Duty.objects.create(user=officer, kind=DutyKind.REPORT_AUTHOR)
    return officer


def _month(offset: int) -> datetime.date:
    """The first of a month this political year (offset 0: its first month)."""
    start = current_political_year().start
    year, month = divmod(start.month - 1 + offset, 12)
    return datetime.date(start.year + year, month + 1, 1)


def test_an_officer_plans_defers_drops_and_takes_items_into_the_agenda(client_for, body, author):
    clerk = client_for("officer")
    year = current_political_year().start_year
    march = _month(10)
    add = f"/panels/bodies/{body.slug}/programme/new/?year={year}"
    # Bad input: the errors are on the fields, and the title typed is kept.
    page = clerk.post(add, {"title": "Sufficiency strategy", "month": "2026-13"})
    assert page.status_code == 200
    assert "Choose a month from the list" in page.text
    assert 'value="Sufficiency strategy"' in page.text
    response = clerk.post(
        add, {"title": "Sufficiency strategy", "month": f"{march:%Y-%m}", "owner": author.pk}
    )
    assert response.status_code == 302
    clerk.post(add, {"title": "Care leavers' offer review", "month": f"{march:%Y-%m}"})
    clerk.post(add, {"title": "Fostering annual report", "month": f"{march:%Y-%m}"})
    strategy, offer, fostering = PlannedItem.objects.order_by("created_at")
    assert (strategy.owner, strategy.month, strategy.original_month) == (author, march, march)

    # Deferred: moved to a later month, the programme says from when.
    april = _month(11)
    clerk.post(
        f"/panels/planned/{offer.pk}/",
        {"title": offer.title, "month": f"{april:%Y-%m}"},
    )
    offer.refresh_from_db()
    assert offer.outcome_label == f"Deferred from {march:%B %Y}"
    # Dropped, with the reason.
    clerk.post(f"/panels/planned/{fostering.pk}/drop/", {"reason": "Taken by the Board instead"})
    fostering.refresh_from_db()
    assert fostering.outcome_label == "Dropped: Taken by the Board instead"

    # The March meeting offers what is still planned for March, and takes it into the agenda,
    # presented by its author; its report deadline counts back from the meeting.
    # Setting up the March meeting goes straight to what is planned for it.
    created = clerk.post(
        "/panels/meetings/new/",
        {"body": body.pk, "date": f"{march:%Y-%m}-11", "start_time": "18:00"},
    )
    meeting = body.meetings.get()
    assert created.url == f"/panels/meetings/{meeting.pk}/planned/"
    listed = PlannedItem.objects.with_meeting_date().get(pk=strategy.pk)
    assert listed.report_deadline is not None and listed.report_deadline < meeting.date
    clerk.get("/")  # the success messages of the changes above are shown there
    offered = clerk.get(f"/panels/meetings/{meeting.pk}/planned/").text
    assert "Sufficiency strategy (Sam Patel)" in offered
    assert "Care leavers&#x27; offer review" not in offered and "Fostering" not in offered
    response = clerk.post(f"/panels/meetings/{meeting.pk}/planned/", {"items": [strategy.pk]})
    assert response.status_code == 302
    item = meeting.items.get(title="Sufficiency strategy")
    assert item.presenter == "Sam Patel"
    strategy.refresh_from_db()
    assert strategy.agenda_item == item
    assert strategy.outcome_label == f"Taken at the meeting on {meeting.date:%-d %B %Y}"
    # Offered once: taken items are not offered again, and cannot be taken twice.
    again = clerk.post(f"/panels/meetings/{meeting.pk}/planned/", {"items": [strategy.pk]})
    assert again.status_code == 200 and "No items are planned for this meeting" in again.text
    assert meeting.items.filter(title="Sufficiency strategy").count() == 1

    # The year's programme as a spreadsheet: what became of each item.
    export = clerk.get(f"/panels/bodies/{body.slug}/programme/?year={year}&export=csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Month",
        "Item",
        "Report author",
        "Sponsor",
        "Report due",
        "What became of it",
    ]
    outcomes = {row[1]: row[5] for row in rows[1:]}
    assert outcomes == {
        "Sufficiency strategy": f"Taken at the meeting on {meeting.date:%-d %B %Y}",
        "Care leavers' offer review": f"Deferred from {march:%B %Y}",
        "Fostering annual report": "Dropped: Taken by the Board instead",
    }


def test_the_public_programme_shows_months_and_titles_once_published(client_for, body, author):
    march = _month(10)
    officer = core.officer()
    kept = services.planned_item_add(
        actor=officer,
        body=body,
        title="Sufficiency strategy",
        month=march,
        owner=author,
        notes="CANARY-PLANNED-NOTE",
    )
    dropped = services.planned_item_add(
        actor=officer, body=body, title="CANARY-DROPPED-TITLE", month=march
    )
    services.planned_item_drop(actor=officer, item=dropped, reason="CANARY-DROP-REASON")
    url = f"/panels/public/bodies/{body.slug}/programme/"
    anyone = client_for("anonymous")
    assert anyone.get(url).status_code == 404  # not published: the clerk's act is missing
    publish = client_for("officer").post(f"/panels/bodies/{body.slug}/programme/publish/")
    assert publish.status_code == 302
    body.refresh_from_db()
    assert body.work_programme_published_at is not None
    page = anyone.get(url)
    assert page.status_code == 200
    assert kept.title in page.text and f"{march:%B %Y}" in page.text
    for secret in (
        "CANARY-PLANNED-NOTE",
        "CANARY-DROPPED-TITLE",
        "CANARY-DROP-REASON",
        "Sam Patel",
    ):
        assert secret not in page.text


def test_a_private_body_programme_is_never_published(client_for):
    private = BodyFactory(is_public=False)
    response = client_for("officer").post(f"/panels/bodies/{private.slug}/programme/publish/")
    assert response.status_code == 302
    private.refresh_from_db()
    assert private.work_programme_published_at is None
    assert (
        client_for("anonymous").get(f"/panels/public/bodies/{private.slug}/programme/").status_code
        == 404
    )


def test_a_councillor_cannot_change_the_programme(client_for, body):
    planned = services.planned_item_add(
        actor=core.officer(), body=body, title="Sufficiency strategy", month=_month(3)
    )
    councillor = client_for("councillor")
    for url, data in (
        (f"/panels/bodies/{body.slug}/programme/new/", {"title": "X", "month": "2026-05"}),
        (f"/panels/planned/{planned.pk}/", {"title": "X", "month": f"{_month(3):%Y-%m}"}),
        (f"/panels/planned/{planned.pk}/drop/", {"reason": "x"}),
        (f"/panels/bodies/{body.slug}/programme/publish/", {}),
    ):
        assert councillor.post(url, data).status_code == 403
    planned.refresh_from_db()
    assert (planned.title, planned.outcome) == ("Sufficiency strategy", "planned")


def test_the_author_of_a_planned_item_is_reminded_before_its_report_is_due(body, author):
    from corporate_parenting.reminders.kinds import Kind
    from corporate_parenting.reminders.models import Reminder
    from panels import reminders
    from panels.reports.querysets import report_deadline

    today = timezone.localdate()
    meeting = services.meeting_create(
        actor=None,
        body=body,
        date=today + datetime.timedelta(days=40),
        start_time=datetime.time(18),
    )
    planned = services.planned_item_add(
        actor=core.officer(),
        body=body,
        title="Sufficiency strategy",
        month=meeting.date,
        owner=author,
    )
    deadline = report_deadline(meeting)
    reminders.plan(today=deadline - datetime.timedelta(days=5))
    [reminder] = Reminder.objects.filter(kind=Kind.PLANNED_REPORT_DUE)
    assert reminder.recipient == author
    assert reminder.context["deadline"] == f"{deadline.day} {deadline:%B %Y}"
    # Once it is on the agenda the reminder no longer applies: the report's own ones take over.
    services.planned_items_take(actor=core.officer(), meeting=meeting, items=[planned])
    assert reminders.still_applies(reminder) == "The planned item is on an agenda or dropped"


def test_the_programme_and_its_public_page_make_the_same_queries_however_long(
    client_for, body, author
):
    from tests.helpers import assert_constant_queries

    body.work_programme_published_at = timezone.now()
    body.save(update_fields=["work_programme_published_at"])
    officer = core.officer()

    def grow():
        for n in range(6):
            services.planned_item_add(
                actor=officer, body=body, title=f"Item {n}", month=_month(n), owner=author
            )

    services.planned_item_add(
        actor=officer, body=body, title="First", month=_month(1), owner=author
    )
    assert_constant_queries(client_for("officer"), f"/panels/bodies/{body.slug}/programme/", grow)
    assert_constant_queries(
        client_for("anonymous"), f"/panels/public/bodies/{body.slug}/programme/", grow
    )
