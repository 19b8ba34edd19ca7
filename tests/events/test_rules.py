"""Each sign-up rule decided once (on the Event model) and used by the service, the pages and the
tables alike; roll-forward in bulk; service errors on the right form field; and the one-way
dependency of events on champions."""

import ast
from datetime import date
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from corporate_parenting.models import AuditEvent
from events import services
from events.models import Event, SignUp
from tests.champions.factories import ChampionAreaFactory
from tests.events.factories import EventFactory, SignUpFactory, in_days
from tests.events.test_views import event_form_data
from tests.helpers import assert_constant_queries

ROOT = Path(__file__).resolve().parents[2]


# Full ----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("capacity", "taken", "full"), [(None, 3, False), (3, 2, False), (3, 3, True), (0, 0, True)]
)
def test_full_is_the_same_answer_counted_or_annotated(capacity, taken, full):
    event = EventFactory(capacity=capacity)
    SignUpFactory.create_batch(taken, event=event)
    SignUpFactory(event=event, status="cancelled")  # a cancelled place takes no place
    assert Event.objects.get(pk=event.pk).is_full is full
    assert Event.objects.with_signup_counts().get(pk=event.pk).is_full is full


@pytest.mark.django_db
def test_a_full_event_is_full_on_its_page_in_the_service_and_in_the_list(client_for, councillor):
    event = EventFactory(capacity=2, title="Round table")
    SignUpFactory.create_batch(2, event=event)
    client = client_for("councillor")
    page = client.get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    assert "This event is full" in page and "2 of 2 places taken" in page
    with pytest.raises(ValidationError, match="This event is full"):
        services.signup_create(event=event, person=councillor)
    listing = client_for("officer").get(reverse("events:list")).content.decode()
    assert "2 of 2 places taken" in listing


@pytest.mark.django_db
def test_the_annotated_count_saves_the_query():
    event = EventFactory(capacity=5)
    annotated = Event.objects.with_signup_counts().get(pk=event.pk)
    with CaptureQueriesContext(connection) as queries:
        assert not annotated.is_full
        assert annotated.places_label == "0 of 5 places taken"
    assert len(queries) == 0


# Open for sign-up ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_open_for_sign_up_means_scheduled_and_not_over():
    today = in_days(0)
    assert EventFactory(start_date=in_days(-2), end_date=today).takes_sign_ups(today)
    assert not EventFactory(start_date=in_days(-2), end_date=in_days(-1)).takes_sign_ups(today)
    cancelled = services.event_cancel(actor=None, event=EventFactory())
    assert not cancelled.takes_sign_ups(today)


@pytest.mark.django_db
def test_past_and_upcoming_split_events_where_has_ended_does():
    today = in_days(0)
    ended = EventFactory(start_date=in_days(-3), end_date=in_days(-1))
    running = EventFactory(start_date=in_days(-1), end_date=today)
    assert list(Event.objects.past(today)) == [ended] and ended.has_ended(today)
    assert list(Event.objects.upcoming(today)) == [running] and not running.has_ended(today)
    assert running.has_started(today) and not EventFactory().has_started(today)


@pytest.mark.django_db
def test_the_month_offers_sign_up_only_where_the_event_takes_sign_ups(client_for, councillor):
    day = in_days(5)
    open_event = EventFactory(start_date=day, title="Open day")
    cancelled = services.event_cancel(actor=None, event=EventFactory(start_date=day))
    SignUpFactory(event=open_event, person=councillor)
    url = f"{reverse('events:month')}?year={day.year}&month={day.month}"
    page = client_for("councillor").get(url).content.decode()
    assert f'action="/events/{open_event.pk}/cancel-sign-up/"' in page
    assert "You are signed up" in page
    assert f'action="/events/{cancelled.pk}/sign-up/"' not in page


# Roll-forward in bulk ------------------------------------------------------------------------


def _annual(n: int) -> list[Event]:
    area = ChampionAreaFactory()
    return [
        EventFactory(
            title=f"Annual {n}-{k}",
            start_date=date(2022, 6, 1 + k),
            is_annual=True,
            areas=[area],
        )
        for k in range(n)
    ]


def _roll(events: list[Event], actor) -> int:
    plan = [(e, date(2023, 6, e.start_date.day), date(2023, 6, e.start_date.day)) for e in events]
    with CaptureQueriesContext(connection) as queries:
        made = services.event_roll_forward(actor=actor, plan=plan)
    assert len(made) == len(events)
    return len(queries)


@pytest.mark.django_db
def test_roll_forward_makes_the_same_number_of_queries_for_two_events_or_twenty(portal_admin):
    ContentType.objects.get_for_model(Event)  # cached per process, as in a running server
    few = _roll(_annual(2), portal_admin)
    many = _roll(_annual(20), portal_admin)
    assert few == many
    copies = Event.objects.filter(rolled_from__isnull=False)
    assert copies.count() == 22
    assert all(copy.areas.count() == 1 for copy in copies)
    assert AuditEvent.objects.filter(action="rolled forward").count() == 22


@pytest.mark.django_db
def test_the_roll_forward_page_makes_the_same_number_of_queries_with_more_events(client_for):
    _annual(2)
    assert_constant_queries(
        client_for("admin"), reverse("events:roll_forward") + "?year=2022", lambda: _annual(8)
    )


@pytest.mark.django_db
def test_the_roll_forward_page_escapes_what_an_admin_typed(client_for):
    EventFactory(
        title='Care "Leavers" <Week>',
        start_date=date(2022, 10, 24),
        is_annual=True,
        annual_rule="last_full_week",
    )
    page = client_for("admin").get(reverse("events:roll_forward") + "?year=2022")
    text = page.content.decode()
    assert "<Week>" not in text
    assert "Care &quot;Leavers&quot; &lt;Week&gt;" in text
    assert "Dates move: check them" in text


@pytest.mark.django_db
def test_a_refused_roll_forward_copies_nothing_and_says_which_event(client_for):
    first, second = _annual(2)
    services.event_roll_forward(actor=None, plan=[(second, date(2023, 6, 2), date(2023, 6, 2))])
    url = reverse("events:roll_forward") + "?year=2022"
    data: dict[str, str] = {}
    for event in (first, second):
        data |= {
            f"include_{event.pk}": "on",
            f"start_{event.pk}": "2023-06-05",
            f"end_{event.pk}": "2023-06-05",
            f"confirm_{event.pk}": "on",
        }
    # The page offered both; meanwhile the second was rolled forward elsewhere.
    with pytest.raises(ValidationError) as raised:
        services.event_roll_forward(
            actor=None,
            plan=[
                (first, date(2023, 6, 5), date(2023, 6, 5)),
                (second, date(2023, 6, 5), date(2023, 6, 5)),
            ],
        )
    assert raised.value.message_dict == {
        f"start_{second.pk}": [f"{second.title} has already been rolled forward"]
    }
    assert Event.objects.filter(rolled_from=first).count() == 0
    response = client_for("admin").post(url, data)
    assert response.status_code == 302  # the page offers only the first now
    assert Event.objects.filter(rolled_from=first).count() == 1


# One error path ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_service_refusal_lands_on_its_field_of_the_event_form(client_for):
    event = EventFactory(capacity=4, title="Round table")
    SignUpFactory.create_batch(3, event=event)
    data = event_form_data(
        title="Round table",
        category="round_table",
        start_date=event.start_date.isoformat(),
        end_date=event.end_date.isoformat(),
        start_time="10:00",
        end_time="12:00",
        capacity="2",
    )
    response = client_for("admin").post(reverse("events:edit", kwargs={"pk": event.pk}), data)
    errors = response.context["form"].errors
    assert "3 members have signed up already" in errors["capacity"][0]
    assert "__all__" not in errors


@pytest.mark.django_db
def test_an_admin_signing_up_someone_already_signed_up_sees_it_on_the_member(client_for):
    signup = SignUpFactory()
    response = client_for("admin").post(
        reverse("events:signups", kwargs={"pk": signup.event_id}),
        {"person": signup.person_id, "override_reason": ""},
    )
    assert "is already signed up" in response.context["form"].errors["person"][0]
    assert SignUp.objects.count() == 1


# The dependency runs one way -----------------------------------------------------------------


def _imports(path: Path) -> tuple[list[str], list[str]]:
    """(modules imported at module level, modules imported inside functions) of one file;
    imports under `if TYPE_CHECKING:` are left out: they never run."""
    tree = ast.parse(path.read_text())
    top: list[str] = []
    inner: list[str] = []

    def names(node: ast.AST) -> list[str]:
        if isinstance(node, ast.ImportFrom):
            return [node.module or ""]
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        return []

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            (inner if in_function else top).extend(names(child))
            walk(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    walk(tree, False)
    return top, inner


def test_events_asks_champions_only_through_for_events_and_its_models():
    for path in sorted((ROOT / "events").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        top, inner = _imports(path)
        assert inner == [], f"{path.relative_to(ROOT)} imports inside a function: {inner}"
        champions = [m for m in top if m == "champions" or m.startswith("champions.")]
        allowed = {"champions", "champions.for_events", "champions.models"}
        assert set(champions) <= allowed, f"{path.relative_to(ROOT)} imports {champions}"


def test_champions_never_imports_events_at_run_time_but_for_the_engagement_form():
    for path in sorted((ROOT / "champions").rglob("*.py")):
        # The engagement form offers events to pick from: forms.py, or the forms package.
        if "migrations" in path.parts or path.name == "forms.py" or "forms" in path.parts:
            continue
        top, inner = _imports(path)
        events = [m for m in top + inner if m == "events" or m.startswith("events.")]
        assert events == [], f"{path.relative_to(ROOT)} imports {events}"
