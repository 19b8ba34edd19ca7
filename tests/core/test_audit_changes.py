"""The list of every change to a governance record: newest first, paged, filtered, as CSV, with
the before and after, in the same few queries however long the history grows."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from pghistory.models import Events

from corporate_parenting import audit_changes
from corporate_parenting.history.models import EVENT_MODELS
from panels.models import Body
from tests.helpers import assert_constant_queries
from tests.panels.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

URL = "/audit/changes/"
BODIES = {"record_type": "panels.Body"}


def _renames(body: Body, count: int, *, prefix: str = "Name") -> None:
    """`count` changes to one body, each named after the one before: "Name 1 → Name 2"..."""
    for number in range(1, count + 1):
        Body.objects.filter(pk=body.pk).update(name=f"{prefix} {number}")


def _rows(page: str) -> list[str]:
    body = page.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', body, re.S)


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_page_makes_the_same_queries_however_long_the_history(client_for):
    client = client_for("admin")
    body = BodyFactory()
    _renames(body, 2)  # with the insert, 3 changes

    def thirty_more() -> None:
        _renames(BodyFactory(), 14, prefix="Other")
        for _ in range(15):
            MeetingFactory(body=body)

    assert_constant_queries(client, URL, thirty_more)
    assert Events.objects.filter(pgh_obj_model__in=["panels.Body", "panels.Meeting"]).count() == 33


def test_newest_change_first_with_its_before_and_after(client_for):
    body = BodyFactory(name="Name 0")
    _renames(body, 3)
    page = client_for("admin").get(URL, BODIES).text
    rows = _rows(page)
    assert len(rows) == 4
    assert "Name 2 → Name 3" in rows[0]
    assert "Name 1 → Name 2" in rows[1]
    assert "Name 0 → Name 1" in rows[2]
    assert "Created" in rows[3]


def test_pages_of_25_cover_every_change_once_and_the_csv_has_them_all(client_for):
    """All saved in one transaction (one time for all): the pages still never overlap."""
    client = client_for("admin")
    body = BodyFactory(name="Name 0")
    _renames(body, 29)
    first = _rows(client.get(URL, BODIES).text)
    second = _rows(client.get(URL, {**BODIES, "page": 2}).text)
    assert (len(first), len(second)) == (25, 5)
    changes = [re.search(r"Name \d+ → Name \d+", row) for row in first + second]
    shown = [match.group(0) for match in changes if match]
    assert shown == [f"Name {n - 1} → Name {n}" for n in range(29, 0, -1)]
    table = _csv(client.get(URL, {**BODIES, "export": "csv"}))
    assert table[0][:3] == ["When", "Who", "Record type"]
    assert len(table) == 31  # the header and the 30 changes
    assert "Name 28 → Name 29" in table[1][5]
    assert "Name 29" in table[1][6]  # the record after the change


def test_the_csv_is_read_in_chunks_in_the_order_of_the_page(client_for, monkeypatch):
    monkeypatch.setattr(audit_changes, "CSV_CHUNK", 2)
    client = client_for("admin")
    body = BodyFactory(name="Name 0")
    _renames(body, 4)
    MeetingFactory(body=body)
    client.get(URL)  # the first page seen sets the site up (an event of its own)
    page = client.get(URL, {"per_page": 200}).text
    table = _csv(client.get(URL, {"export": "csv"}))
    expected = [row[3] for row in table[1:]]  # each record number, in the CSV's order
    assert len(table) - 1 == len(_rows(page))
    assert expected == [re.findall(r"<td[^>]*>(.*?)</td>", row)[2] for row in _rows(page)]


def test_the_list_holds_every_event_pghistory_keeps_with_its_before_and_after():
    body = BodyFactory(name="Name 0")
    _renames(body, 2)
    Body.objects.filter(pk=body.pk).delete()
    MeetingFactory()
    listed = audit_changes.events_in_order(
        audit_changes.change_list().order_by("-pgh_created_at", "-pgh_id")
    )
    expected = {event.pgh_slug: event.pgh_diff for event in Events.objects.all()}
    assert {event.pgh_slug: event.pgh_diff for event in listed} == expected
    assert len(listed) == len(expected)


def test_filters_by_day_record_number_and_change(client_for):
    client = client_for("admin")
    body = BodyFactory(name="Name 0")
    other = BodyFactory()
    _renames(body, 1)
    today = timezone.localdate()
    tomorrow, yesterday = today + timedelta(days=1), today - timedelta(days=1)

    def shown(**filters: object) -> int:
        rows = _rows(client.get(URL, {**BODIES, **filters}).text)
        return len([row for row in rows if "Nothing to show." not in row])

    assert shown(since=today, until=today) == 3
    assert shown(since=tomorrow) == 0
    assert shown(until=yesterday) == 0
    assert shown(record_id=body.pk) == 2
    assert shown(record_id=other.pk, change="insert") == 1
    assert shown(record_id="not a number") == 0
    assert shown(record_id=f"0{body.pk}") == 0  # the number as written, as before
    assert shown(record_id="9" * 30) == 0


def test_the_count_of_changes_is_the_lists_own(portal_admin):
    """The pages are counted table by table (audit_changes.change_count): the same number."""
    from corporate_parenting.audit_views import ChangeFilter

    body = BodyFactory(name="Name 0")
    _renames(body, 3)
    MeetingFactory(body=body)
    today = timezone.localdate()
    for filters in (
        {},
        BODIES,
        {"change": "update"},
        {"who": portal_admin.pk},
        {"since": today, "until": today},
        {"record_id": body.pk, "record_type": "panels.Body"},
        {"record_id": "not a number"},
        {"record_type": "panels.Amendment"},
    ):
        changes = ChangeFilter(filters, queryset=audit_changes.change_list()).qs
        assert audit_changes.change_count(changes) == len(list(changes.values_list("pgh_id")))


def test_nothing_to_show_when_no_change_matches(client_for):
    client = client_for("admin")
    page = client.get(URL, {"record_type": "panels.Amendment"})
    assert "Nothing to show." in page.text
    assert len(_csv(client.get(URL, {"record_type": "panels.Amendment", "export": "csv"}))) == 1


def test_sorting_by_record_type_still_works(client_for):
    client = client_for("admin")
    MeetingFactory()  # and its body

    def types(sort: str) -> list[str]:
        rows = _rows(client.get(URL, {"sort": sort}).text)
        return [re.findall(r"<td[^>]*>(.*?)</td>", row)[1] for row in rows]

    ascending, descending = types("pgh_obj_model"), types("-pgh_obj_model")
    assert ascending.index("Body") < ascending.index("Meeting")
    assert descending.index("Meeting") < descending.index("Body")


def test_pages_sorted_by_a_column_never_overlap(client_for):
    client = client_for("admin")
    body = BodyFactory(name="Name 0")
    _renames(body, 29)

    def numbers(sort: str, page: int) -> list[str]:
        rows = _rows(client.get(URL, {**BODIES, "sort": sort, "page": page}).text)
        return [re.findall(r"Name \d+ → Name \d+|Created", row)[0] for row in rows]

    for sort in ("pgh_obj_model", "-pgh_obj_id", "pgh_label"):
        shown = numbers(sort, 1) + numbers(sort, 2)
        assert len(shown) == len(set(shown)) == 30, sort


def test_every_event_table_has_its_newest_first_index():
    """Without it the newest page reads every event again (history migrations 0006, 0007)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_indexes"
            " WHERE indexdef LIKE '%%(pgh_created_at, pgh_id) INCLUDE (pgh_label)'"
        )
        indexed = {row[0] for row in cursor.fetchall()}
    for event_model in EVENT_MODELS.values():
        assert event_model._meta.db_table in indexed, event_model._meta.db_table


def test_the_filters_keep_what_was_chosen(client_for, portal_admin):
    page = client_for("admin").get(URL, {"who": portal_admin.pk, "record_type": "panels.Body"})
    assert (
        f'<option value="{portal_admin.pk}" selected>{portal_admin.full_name}</option>' in page.text
    )
    assert '<option value="panels.Body" selected>Body</option>' in page.text
    assert '<option value="">Anyone</option>' in page.text
