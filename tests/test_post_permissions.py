"""Who may change what: every URL pattern sent a POST by each role that may not use it.

The GET matrix (tests/test_permissions.py, rows in tests/*/permissions*.py) says who may open each
page; a role refused there (sent to sign in, 403 or 404) must be refused a POST the same way, and
the database must be exactly as it was: the row count of every table is compared before and after,
the history tables included, so an update (which the triggers record as a new history row) shows
up as well as an insert or a delete. A POST-only endpoint's row says 405 for the roles that may
use it; the others are refused here too.

The roles that may post are covered by the tests of each app that make the change through the
page (see "Who may change what" in README.md for the list).
"""

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from corporate_parenting.models import SiteSettings
from tests.conftest import ROLES
from tests.matrix import FORBIDDEN, NOT_FOUND, SIGN_IN
from tests.test_permissions import MATRIX

REFUSED = (SIGN_IN, FORBIDDEN, NOT_FOUND)
# Tables a refused request may write: the session, django-axes's sign-in attempts.
IGNORED_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"}

CASES = [
    (name, role)
    for name, row in sorted(MATRIX.items())
    for role in ROLES
    if row.expected(role) in REFUSED and not name.startswith("admin:")
]


def _count_query() -> str:
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        - IGNORED_TABLES
    )
    return "SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}") AS "{t}"' for t in tables)  # noqa: S608 (table names from the models)


COUNT_SQL = _count_query()


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(COUNT_SQL)
        names = [column.name for column in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def test_every_refusal_is_checked():
    """Most URL patterns refuse somebody; a matrix change that refused nobody would show here."""
    assert len(CASES) > 150


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role"), CASES)
def test_refused_post_changes_nothing(name, role, client_for):
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs() if row.kwargs else None)
    client = client_for(role)
    SiteSettings.load()  # made on first use by any page; not a change the POST made
    before = row_counts()
    response = client.post(url, {"title": "Changed", "name": "Changed", "confirm": "yes"})
    expected = row.expected(role)
    if expected == SIGN_IN:
        assert response.status_code == 302, f"{role} POST {url}: {response.status_code}"
        assert response.url.startswith(reverse("login")), f"{role} POST {url} -> {response.url}"
    else:
        assert response.status_code == expected, f"{role} POST {url}: {response.status_code}"
    after = row_counts()
    changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
    assert not changed, f"{role} POST {url} changed {changed}"
