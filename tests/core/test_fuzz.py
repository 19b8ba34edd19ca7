"""Hostile input never makes a 500: every URL pattern, every role, every form.

Walks the permission matrix's URL patterns (tests/test_permissions.py) as anonymous,
councillor, officer and admin. Each page is fetched with hostile query strings (its known
parameters and filters, with huge, negative, out-of-range, control-character and very long
values), and each page that shows a form is posted hostile values for its fields. Any status of
500 or more, or an exception the server did not handle, fails with the request that made it.

Examples are bounded (FUZZ_EXAMPLES per role, one query string and one post per page per
example) so the whole walk stays around a minute for each role.

A second walk is not random: each kind of hostile text (TEXT_ATTACKS: a NUL, line breaks, a lone
surrogate, 10,000 characters) goes in every query parameter of every page, and in every field of
every form it shows: every field at once, then every text field with the others as the page
filled them in (so an edit form gets past its other fields to the service behind it).
"""

import os
import random
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.core.signals import got_request_exception
from django.db import IntegrityError, transaction
from django.forms import BaseForm, BaseFormSet, BoundField, CharField
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from corporate_parenting.tables import PortalFilterSet
from tests.conftest import ROLES
from tests.second_factor import sign_in_verified
from tests.test_permissions import MATRIX

COUNTS: Counter = Counter()
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))

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
    "a\r\nb",
    "\ud800",
    "x" * 10_000,
]

# Text every field and parameter must refuse or keep, never fail on: a NUL (PostgreSQL cannot
# hold it), line breaks (an e-mail or HTTP header and an iCalendar line cannot), a lone surrogate
# (no UTF-8 for it: the server gets bytes that are not UTF-8) and a value far past any limit.
TEXT_ATTACKS = {
    "a NUL": "a\x00b",
    "CR/LF": "first\r\nsecond\rthird\nfourth",
    "a lone surrogate": "\ud800x\udfff",
    "10,000 characters": ("Long text " * 1000)[:10_000],
}

HOSTILE_POOL = 16  # values Hypothesis draws for each walk, beside HOSTILE
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


# Parameters the views read (grep GET in the apps), plus common ones; every filter's are added
# once the URL patterns (and so the filters) are imported.
STATIC_PARAMETERS = {"year", "month", "page", "q", "sort", "export", "next", "area", "mine"} | {
    "show",
    "when",
    "past_review",
    "per_page",
    "token",
    "kind",
    "status",
    "date",
    "from",
    "to",
    "body",
    "event_q",
    "plan_item",
    "download",
    "all",
}


@cache
def parameters() -> list[str]:
    return sorted(STATIC_PARAMETERS | _filter_names())


def _encode(pairs: Mapping[str, str | list[str]]) -> str:
    """application/x-www-form-urlencoded, as a client that does not care sends it: a lone
    surrogate goes as the three bytes UTF-8 would give it (surrogatepass), which no decoder
    accepts as UTF-8."""
    parts = []
    for key, values in pairs.items():
        for value in [values] if isinstance(values, str) else values:
            raw = value.encode("utf-8", "surrogatepass")
            parts.append(f"{quote_plus(key)}={quote_plus(raw)}")
    return "&".join(parts)


def _encodable(payload: Mapping[str, str | list[str]]) -> bool:
    try:
        for values in payload.values():
            for value in [values] if isinstance(values, str) else values:
                value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _post(client: Client, url: str, payload: dict[str, str | list[str]]):
    """A multipart post, as a browser sends a form; urlencoded bytes when a value has no
    UTF-8 (the test client would refuse to encode it)."""
    if _encodable(payload):
        return client.post(url, payload)
    return client.post(url, _encode(payload), content_type="application/x-www-form-urlencoded")


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


def _signed_in_again(client: Client, user) -> None:
    """After a POST, the client signed in as the role again, if the POST changed that (signed
    out, or in as someone else, or lost the second factor). Checked in the session rather than
    signing in every time: signing out and in was about a third of a walk's time (sampled with
    py-spy: the sessions' and django-axes' writes)."""
    cookie = client.cookies.get(django_settings.SESSION_COOKIE_NAME)
    # Client.session makes and saves a session when there is no cookie: look only when there is.
    session = client.session if cookie is not None and cookie.value else {}
    if user is None:
        if session.get(SESSION_KEY) is not None:
            client.logout()
        return
    if session.get(SESSION_KEY) == str(user.pk) and session.get(DEVICE_ID_SESSION_KEY):
        return
    client.logout()
    _sign_in(client, user)


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


ValueFor = Callable[[BoundField], str | list[str] | None]


def _post_data(form: BaseForm | BaseFormSet, value_for: ValueFor) -> dict[str, str | list[str]]:
    """What to post for the form: value_for(field) for each field, left out when None."""
    if isinstance(form, BaseFormSet):
        data: dict[str, str | list[str]] = {
            form.management_form.add_prefix(name): str(field.initial or 0)
            for name, field in form.management_form.fields.items()
        }
        data[form.management_form.add_prefix("TOTAL_FORMS")] = str(len(form.forms))
        for sub in form.forms:
            data |= _post_data(sub, value_for)
        return data
    data = {}
    for bound in form:
        value = value_for(bound)
        if value is not None:
            data[bound.html_name] = value
    return data


def _as_shown(bound: BoundField) -> str | list[str] | None:
    """The value the page filled the field in with, as a browser sends it back."""
    value = bound.value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    shown = bound.field.widget.format_value(value)
    if isinstance(shown, list | tuple):
        return [str(item) for item in shown]
    return None if shown is None else str(shown)


def _field_names(forms: Iterable[BaseForm | BaseFormSet]) -> set[str]:
    names: set[str] = set()
    for form in forms:
        subforms = form.forms if isinstance(form, BaseFormSet) else [form]
        names |= {bound.html_name for sub in subforms for bound in sub}
    return names


def _read(response) -> None:
    if response.streaming:
        b"".join(response.streaming_content)


RAISED: list[str] = []


ROOT = str(Path(__file__).resolve().parents[2])


def _record_exception(sender, request=None, **kwargs) -> None:
    """The exception with the last frames of the portal's own code that led to it (the
    library's frames below them say little about where to look)."""
    error = sys.exc_info()[1]
    frames = traceback.extract_tb(error.__traceback__ if error else None)
    ours = [
        frame
        for frame in frames
        if frame.filename.startswith(ROOT) and "/.venv/" not in frame.filename
    ]
    where = "".join(traceback.format_list(ours[-4:] or frames[-3:]))
    RAISED.append(where + "".join(traceback.format_exception_only(error)))


def _check(response, what: str, failures: list[str]) -> None:
    _read(response)
    if response.status_code >= 500:
        cause = RAISED[-1] if RAISED else ""
        failures.append(f"{what}: {response.status_code}\n{cause}")
    RAISED.clear()


@pytest.mark.django_db
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("role", ROLES)
def test_hostile_input_never_makes_a_500(role, user_for_role):
    COUNTS.clear()
    urls = _urls()
    client = _client(role, user_for_role)

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    # Each example draws a pool of hostile values and a seed, and the walk picks from the pool
    # (and from HOSTILE) with the seed. Drawing each value from Hypothesis as the walk went ran
    # past the bytes Hypothesis gives one example on the admin's longer walk: it threw those
    # examples away part-walked and drew again (85 walks for 3 examples, 233 s).
    @given(
        pool=st.lists(hostile_values, min_size=HOSTILE_POOL, max_size=HOSTILE_POOL),
        seed=st.integers(min_value=0, max_value=2**32 - 1),
    )
    def walk(pool: list[str], seed: int) -> None:
        COUNTS["examples"] += 1
        pick = random.Random(seed)
        values = pool + HOSTILE
        failures: list[str] = []
        for name, url in urls:
            names = pick.sample(parameters(), k=pick.randint(0, 3))
            query = _encode({key: pick.choice(values) for key in names})
            target = f"{url}?{query}"
            response = client.get(target)
            _check(response, f"{role} GET {target}", failures)
            COUNTS["gets"] += 1
            if name in SKIP_POST:
                continue
            for form in _forms(response):
                payload = _post_data(form, lambda _bound: pick.choice(values))
                _check(_post(client, url, payload), f"{role} POST {url} {payload!r}", failures)
                COUNTS["posts"] += 1
            # A post may have signed the client out (or in): sign in again as the role.
            _signed_in_again(client, user_for_role[role])
        # Every failing request of the example, not only the first (shrinking is off: one
        # example is a walk of every page, too long to shrink).
        assert not failures, "\n".join(failures)

    got_request_exception.connect(_record_exception)
    try:
        walk()
    finally:
        got_request_exception.disconnect(_record_exception)
    print(f"{role}: {COUNTS['examples']} walks, {COUNTS['gets']} GETs, {COUNTS['posts']} POSTs")
    # Every example a whole walk, and no more walks than examples asked for.
    assert COUNTS["examples"] == FUZZ_EXAMPLES, f"{COUNTS['examples']} walks"
    COUNTS.clear()


def _text_attack(value: str) -> Iterable[tuple[str, ValueFor]]:
    yield "every field", lambda _bound: value
    yield (
        "every text field, the others as shown",
        lambda bound: value if isinstance(bound.field, CharField) else _as_shown(bound),
    )


def _short(payload: Iterable[str]) -> str:
    return ", ".join(sorted(payload))[:300]


@pytest.mark.django_db
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("role", ROLES)
def test_hostile_text_in_every_parameter_and_field_never_makes_a_500(role, user_for_role):
    urls = _urls()
    client = _client(role, user_for_role)
    failures: list[str] = []
    got_request_exception.connect(_record_exception)
    try:
        for name, url in urls:
            page = client.get(url)
            _check(page, f"{role} GET {url}", failures)
            forms = list(_forms(page))
            names = set(parameters()) | _field_names(forms)
            for label, value in TEXT_ATTACKS.items():
                target = f"{url}?{_encode(dict.fromkeys(names, value))}"
                what = f"{role} GET {url} with {label} in every parameter ({_short(names)})"
                _check(client.get(target), what, failures)
                if name in SKIP_POST:
                    continue
                for form in forms:
                    for where, value_for in _text_attack(value):
                        payload = _post_data(form, value_for)
                        what = f"{role} POST {url} with {label} in {where} ({_short(payload)})"
                        _check(_post(client, url, payload), what, failures)
                _signed_in_again(client, user_for_role[role])
    finally:
        got_request_exception.disconnect(_record_exception)
    assert not failures, "\n".join(failures)
