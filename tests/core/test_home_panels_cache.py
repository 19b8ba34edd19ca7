"""Home page panels are kept in the cache under the database's committed state, so what anyone
commits shows on the next request; nothing is kept while a transaction has written.

A test runs inside a transaction that is never committed, so the first test stands in for
commits with a state of its own, and the second shows that a real commit changes the state."""

import pytest
from django.db import connection

from corporate_parenting.freshness import committed_state
from tests.offer.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def test_new_feedback_shows_in_the_officers_panel_once_it_is_committed(client_for, monkeypatch):
    client = client_for("officer")
    FeedbackFactory()
    monkeypatch.setattr("corporate_parenting.views.committed_state", lambda: "one")
    assert "1 piece of feedback" in client.get("/").text
    FeedbackFactory()
    # Under the same state the panels come from the cache: nothing new was committed.
    assert "1 piece of feedback" in client.get("/").text
    monkeypatch.setattr("corporate_parenting.views.committed_state", lambda: "two")
    assert "2 pieces of feedback" in client.get("/").text


def test_a_commit_elsewhere_changes_the_state_and_a_write_of_our_own_leaves_none():
    before = committed_state()
    assert before is not None
    other = connection.get_new_connection(connection.get_connection_params())
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_current_xact_id()")  # a transaction that commits
    finally:
        other.close()
    assert committed_state() not in {None, before}
    FeedbackFactory()
    # What this transaction wrote shows in no snapshot, so there is no name to keep it under.
    assert committed_state() is None
