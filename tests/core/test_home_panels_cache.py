"""Home page panels are kept in the cache under the database's committed state, so what anyone
commits shows on the next request; nothing is kept while a transaction has written."""

import pytest
from django.test import Client

from corporate_parenting.freshness import committed_state
from tests import factories
from tests.offer.factories import FeedbackFactory
from tests.second_factor import sign_in_verified


@pytest.mark.django_db(transaction=True)
def test_new_feedback_shows_in_the_officers_panel_on_the_next_request():
    # Committed rows, as in a running portal: the cache is used, and must not go stale.
    from corporate_parenting.services import roles_ensure

    roles_ensure()  # a database another such test flushed has lost the role groups
    client = sign_in_verified(Client(), factories.officer())
    FeedbackFactory()
    assert "1 piece of feedback" in client.get("/").content.decode()
    assert "1 piece of feedback" in client.get("/").content.decode()
    FeedbackFactory()
    assert "2 pieces of feedback" in client.get("/").content.decode()


@pytest.mark.django_db
def test_nothing_is_kept_once_the_transaction_has_written():
    # What a transaction wrote shows in no snapshot, so the state has no name to keep it under.
    factories.officer()
    assert committed_state() is None
