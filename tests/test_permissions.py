"""Who may open what: every URL pattern, for every role, anonymous included.

A URL pattern with no row here fails test_every_url_pattern_has_a_row, so a new view cannot
be added without deciding who may see it.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import ROLES
from tests.matrix import (
    NOT_ALLOWED,
    OK,
    REDIRECT,
    SIGN_IN,
    Row,
    admin_only,
    anyone_signed_in,
    everyone,
)

MATRIX: dict[str, Row] = {
    "home": everyone(OK),
    "healthz": everyone(OK),
    "accessibility": everyone(OK),
    "privacy": everyone(OK),
    "site_settings": admin_only(),
    "login": Row(OK, REDIRECT, REDIRECT, REDIRECT, partner=REDIRECT),
    "logout": everyone(NOT_ALLOWED),
    "password_change": anyone_signed_in(OK),
    "password_reset": everyone(OK),
    "password_reset_done": everyone(OK),
    "password_reset_confirm": everyone(
        OK, kwargs=lambda: {"uidb64": "MQ", "token": "expired-token"}
    ),
    "password_reset_complete": everyone(OK),
    # The second factor: staff in the matrix have passed it; the councillor has not opted in.
    # Partner representatives need a second factor as staff do.
    "two_factor_verify": Row(SIGN_IN, REDIRECT, REDIRECT, REDIRECT, partner=REDIRECT),
    "two_factor_setup": anyone_signed_in(OK),
    "two_factor_backup_codes": Row(SIGN_IN, REDIRECT, OK, OK, partner=OK),
    "audit_trail": admin_only(),
    "audit_changes": admin_only(),
    # The Django admin site is for technical support staff only; nobody in the matrix is staff.
    "admin:index": everyone(REDIRECT),
}

# Each app adds its rows as ROWS in tests/<app>/permissions.py or tests/<app>/permissions_<name>.py;
# every such module is found here, so a new part of the portal only adds its own file.
_TESTS = Path(__file__).resolve().parent
for _path in sorted(_TESTS.glob("*/permissions*.py")):
    _module = import_module(f"tests.{_path.parent.name}.{_path.stem}")
    MATRIX.update(_module.ROWS)

# Namespaces checked as one row (their own index) rather than pattern by pattern.
WHOLE_NAMESPACES = {"admin"}


def url_pattern_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace
            if namespace in WHOLE_NAMESPACES:
                names.add(f"{namespace}:index")
                continue
            names |= url_pattern_names(entry, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


def test_every_url_pattern_has_a_row():
    names = url_pattern_names()
    missing = names - set(MATRIX)
    stale = set(MATRIX) - names
    assert not missing, f"URL patterns with no row in the permission matrix: {sorted(missing)}"
    assert not stale, f"Rows for URL patterns that no longer exist: {sorted(stale)}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, role, client_for):
    row = MATRIX[name]
    # kwargs() may make the records the URL points at (it runs with the database available).
    url = reverse(name, kwargs=row.kwargs() if row.kwargs else None)
    response = client_for(role).get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end, which closes the file
    expected = row.expected(role)
    if expected == SIGN_IN:
        assert response.status_code == 302, f"{role} {url}: {response.status_code}"
        assert response.url.startswith(reverse("login")), f"{role} {url} went to {response.url}"
    else:
        assert response.status_code == expected, f"{role} {url}: {response.status_code}"
