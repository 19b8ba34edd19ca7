"""Who is signed in is read once a request (the session from the cache, the person with their
roles and second-factor devices in one query), and nothing about them is kept between requests:
closing an account, changing roles or removing the authenticator app counts from the very next
request, not when some cache runs out."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from corporate_parenting.models import Role
from corporate_parenting.people.services import person_deactivate, person_roles_set
from tests import factories
from tests.second_factor import app_device

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_asks_the_database_once(client_for):
    client = client_for("officer")
    client.get("/accessibility/")  # the session, read from the database once, is now cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/accessibility/")
    assert response.status_code == 200
    assert b"Sign out" in response.content
    assert len(queries) == 1, [q["sql"] for q in queries.captured_queries]


def test_a_closed_account_is_signed_out_on_its_next_request(client_for, officer, portal_admin):
    client = client_for("officer")
    assert client.get("/panels/").status_code == 200
    person_deactivate(actor=portal_admin, user=officer, reason="Left the council")
    response = client.get("/panels/")
    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_a_role_taken_away_closes_its_pages_on_the_next_request(client_for, portal_admin):
    client = client_for("admin")
    assert client.get("/people/").status_code == 200
    person_roles_set(actor=factories.admin(), user=portal_admin, roles=[Role.OFFICER])
    assert client.get("/people/").status_code == 403
    # And the navigation no longer offers it.
    assert b'href="/people/"' not in client.get("/accessibility/").content


def test_a_removed_app_asks_for_the_second_factor_again_on_the_next_request(client_for, officer):
    client = client_for("officer")
    assert client.get("/panels/").status_code == 200
    app_device(officer).delete()
    response = client.get("/panels/")
    assert response.status_code == 302
    assert response.url.startswith("/two-factor/set-up/")
