"""Hostile input never makes a 500: every URL pattern, every role, every form.

Walks the permission matrix's URL patterns (tests/test_permissions.py) as anonymous,
councillor, officer and admin. Each page is fetched with hostile query strings (its known
parameters and filters, with huge, negative, out-of-range, control-character and very long
values), and each page that shows a form is posted hostile values for its fields. Any status of
500 or more, or an exception the server did not handle, fails with the request that made it.

Examples are bounded (FUZZ_EXAMPLES per role, one query string and one post per page per
example) so the whole walk stays around a minute.
"""

import os
import traceback
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlencode

import pytest
from django.core.signals import got_request_exception
from django.db import IntegrityError, transaction
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corporate_parenting.tables import PortalFilterSet
from tests.conftest import ROLES
from tests.second_factor import sign_in_verified
from tests.test_permissions import MATRIX

COUNTS: Counter = Counter()
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))

# Pages that end the session or never render forms of their own.
SKIP_POST = {"logout", "admin:index"}

HOSTILE = [
    "",
    "0",
    "-1",
    "1",
    "13",
    "9999",
    "10000",
    "99999999999999999999",
    "-99999999999999999999",
    "1" * 5000,
    "1e400",
    "NaN",
    "inf",
    "2024-02-29",
    "2023-02-29",
    "29/02/2023",
    "0001-01-01",
    "9999-12-31",
    "\x00",
    "a\x00b",
    "\x1f\x7f",
    "x" * 300,
    "é" * 256,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../../etc/passwd",
    "//evil.example.org/",
    "https://evil.example.org/",
    "javascript:alert(1)",
    "\u202e\ufeff",
    "😀",
    "true",
    "on",
    "None",
    "[]",
    "{}",
]

hostile_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers().map(str),
)


def _filter_names(cls: type[PortalFilterSet] = PortalFilterSet) -> set[str]:
    names: set[str] = set()
    subclasses: list[type[PortalFilterSet]] = cls.__subclasses__()
    for sub in subclasses:
        names |= set(sub.base_filters) | _filter_names(sub)
    return names


# Parameters the views read (grep GET in the apps) and every filter's, plus common ones.
PARAMETERS = sorted(
    {"year", "month", "page", "q", "sort", "export", "next", "area", "mine", "show", "when"}
    | {"past_review", "per_page", "token", "kind", "status", "date", "from", "to"}
    | _filter_names()
)


def _urls() -> list[tuple[str, str]]:
    """(name, url) for every URL pattern; kwargs() may make the records they point at.

    A few rows make records with fixed names (the agenda pack's meeting): the second such row
    in one database is skipped, its page is walked through the first."""
    urls = []
    for name, row in sorted(MATRIX.items()):
        try:
            with transaction.atomic():
                urls.append((name, reverse(name, kwargs=row.kwargs() if row.kwargs else None)))
        except IntegrityError:
            continue
    return urls


def _sign_in(client: Client, user) -> None:
    if user is not None:
        sign_in_verified(client, user)  # staff pass the second factor, as a real sign-in would


def _client(role: str, user_for_role: dict) -> Client:
    client = Client(raise_request_exception=False)
    _sign_in(client, user_for_role[role])
    return client


def _forms(response) -> Iterable[BaseForm | BaseFormSet]:
    if response.context is None:
        return []
    seen: dict[int, BaseForm | BaseFormSet] = {}
    contexts = response.context if isinstance(response.context, list) else [response.context]
    for context in contexts:
        for value in context.flatten().values():
            if isinstance(value, BaseForm | BaseFormSet) and not getattr(value, "is_filter", 0):
                seen[id(value)] = value
    return seen.values()


def _post_data(form: BaseForm | BaseFormSet, draw) -> dict[str, str]:
    if isinstance(form, BaseFormSet):
        data = {
            form.management_form.add_prefix(name): str(field.initial or 0)
            for name, field in form.management_form.fields.items()
        }
        data[form.management_form.add_prefix("TOTAL_FORMS")] = str(len(form.forms))
        for sub in form.forms:
            data |= _post_data(sub, draw)
        return data
    return {form.add_prefix(name): draw(hostile_values) for name in form.fields}


def _read(response) -> None:
    if response.streaming:
        b"".join(response.streaming_content)


RAISED: list[str] = []


def _record_exception(sender, request=None, **kwargs) -> None:
    RAISED.append(traceback.format_exc(limit=-3))


def _check(response, what: str, failures: list[str]) -> None:
    _read(response)
    if response.status_code >= 500:
        cause = RAISED[-1] if RAISED else ""
        failures.append(f"{what}: {response.status_code}\n{cause}")
    RAISED.clear()


@pytest.mark.django_db
@pytest.mark.timeout(300)
@pytest.mark.parametrize("role", ROLES)
def test_hostile_input_never_makes_a_500(role, user_for_role):
    urls = _urls()
    client = _client(role, user_for_role)

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def walk(data):
        failures: list[str] = []
        for name, url in urls:
            names = data.draw(st.lists(st.sampled_from(PARAMETERS), max_size=3, unique=True))
            query = urlencode({key: data.draw(hostile_values) for key in names})
            target = f"{url}?{query}"
            response = client.get(target)
            _check(response, f"{role} GET {target}", failures)
            COUNTS["gets"] += 1
            if name in SKIP_POST:
                continue
            for form in _forms(response):
                payload = _post_data(form, data.draw)
                _check(client.post(url, payload), f"{role} POST {url} {payload!r}", failures)
                COUNTS["posts"] += 1
            # A post may have signed the client out (or in): sign in again as the role.
            client.logout()
            _sign_in(client, user_for_role[role])
        # Every failing request of the example, not only the first (shrinking is off: one
        # example is a walk of every page, too long to shrink).
        assert not failures, "\n".join(failures)

    got_request_exception.connect(_record_exception)
    try:
        walk()
    finally:
        got_request_exception.disconnect(_record_exception)
    print(f"{role}: {FUZZ_EXAMPLES} examples, {COUNTS['gets']} GETs, {COUNTS['posts']} POSTs")
    COUNTS.clear()
