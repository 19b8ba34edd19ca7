"""The strategy pages: admins shape the strategy, officers link work to it, members read its
progress, and everyone reads the public summary, which names no action."""

import pytest

from corporate_parenting.models import AuditEvent
from offer.models import OfferEntry
from panels.models import ActionStatus
from strategy.models import Objective, Priority
from tests.helpers import assert_constant_queries
from tests.offer.factories import IndicatorFactory, MeasurementFactory, OfferEntryFactory
from tests.panels.factories import ActionFactory
from tests.strategy.factories import ObjectiveFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_empty_strategy_invites_the_admin_to_start(client_for):
    admin_page = client_for("admin").get("/strategy/").content.decode()
    assert "has not entered its strategy yet" in admin_page
    assert "/strategy/priorities/new/" in admin_page
    councillor_page = client_for("councillor").get("/strategy/").content.decode()
    assert "/strategy/priorities/new/" not in councillor_page
    public = client_for("anonymous").get("/strategy/public/").content.decode()
    assert "has not published its strategy" in public


def test_admin_adds_a_priority_and_an_objective(client_for):
    client = client_for("admin")
    response = client.post(
        "/strategy/priorities/new/", {"name": "Stability", "slug": "", "position": "10"}
    )
    priority = Priority.objects.get()
    assert response.url == "/strategy/priorities/stability/"
    response = client.post(
        "/strategy/priorities/stability/objectives/new/",
        {"priority": priority.pk, "title": "Fewer placement moves", "position": ""},
        follow=True,
    )
    objective = Objective.objects.get()
    assert objective.priority == priority and objective.position == 0
    assert "Objective ‘Fewer placement moves’ saved" in response.content.decode()
    assert AuditEvent.objects.filter(action="objective added").exists()


def test_priority_form_errors_keep_what_was_typed(client_for):
    PriorityFactory(name="Health", slug="health")
    response = client_for("admin").post(
        "/strategy/priorities/new/",
        {"name": "health", "slug": "new", "description": "Kept words", "position": "-3"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is already a priority called" in content or "Enter a position" in content
    assert "Kept words" in content
    assert Priority.objects.count() == 1


def test_duplicate_name_and_reserved_slug_are_field_errors(client_for):
    PriorityFactory(name="Health", slug="health")
    response = client_for("admin").post(
        "/strategy/priorities/new/", {"name": "HEALTH", "slug": "new", "position": "1"}
    )
    form = response.context["form"]
    assert "already a priority called" in form.errors["name"][0]
    assert "used by the portal" in form.errors["slug"][0]


def test_retiring_keeps_the_priority_its_objectives_and_kpis(client_for):
    priority = PriorityFactory(name="Listening", slug="listening")
    objective = ObjectiveFactory(priority=priority)
    indicator = IndicatorFactory(priority=priority)
    client = client_for("admin")
    assert "Retire ‘Listening’?" in client.get("/strategy/priorities/listening/retire/").text
    client.post("/strategy/priorities/listening/retire/")
    priority.refresh_from_db()
    assert priority.is_retired
    indicator.refresh_from_db()
    assert indicator.priority == priority and Objective.objects.filter(pk=objective.pk).exists()
    page = client.get("/strategy/").content.decode()
    assert "Retired priorities" in page
    assert "Listening" not in client.get("/strategy/public/").content.decode()
    client.post("/strategy/priorities/listening/retire/")
    priority.refresh_from_db()
    assert not priority.is_retired


def test_officer_links_work_but_cannot_shape_the_strategy(client_for):
    objective = ObjectiveFactory()
    action = ActionFactory(status=ActionStatus.DONE)
    indicator = IndicatorFactory(target=80)
    MeasurementFactory(indicator=indicator, period="2024", value=90)
    entry = OfferEntryFactory()
    client = client_for("officer")
    response = client.post(
        f"/strategy/objectives/{objective.pk}/links/",
        {"actions": [action.pk], "indicators": [indicator.pk], "offer_entries": [entry.pk]},
    )
    assert response.status_code == 302
    page = client.get(f"/strategy/objectives/{objective.pk}/").content.decode()
    assert "1 of 1 done" in page and "1 of 1 on target" in page
    assert client.post(f"/strategy/objectives/{objective.pk}/edit/").status_code == 403


def test_links_refuse_unknown_and_non_action_choices(client_for):
    objective = ObjectiveFactory()
    not_an_action = ActionFactory(is_action=False, owner=None, due_date=None, status="")
    response = client_for("officer").post(
        f"/strategy/objectives/{objective.pk}/links/",
        {"actions": [not_an_action.pk, "x"], "indicators": ["99999"]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["actions"]
    assert not objective.actions.exists()


def test_public_summary_counts_actions_but_never_names_them(client_for):
    objective = ObjectiveFactory(title="Stable homes")
    objective.actions.set([ActionFactory(text="Secret action from private minutes")])
    objective.offer_entries.set(
        [OfferEntryFactory(title="Draft help", status=OfferEntry.Status.DRAFT)]
    )
    page = client_for("anonymous").get("/strategy/public/").content.decode()
    assert "Stable homes" in page and "0 of 1 done" in page
    assert "Secret action" not in page and "Draft help" not in page
    assert f"/strategy/objectives/{objective.pk}/" not in page


def test_councillor_sees_only_actions_of_panels_they_sit_on(client_for):
    objective = ObjectiveFactory()
    objective.actions.set([ActionFactory(text="Action of a panel elsewhere")])
    page = client_for("councillor").get(f"/strategy/objectives/{objective.pk}/").content.decode()
    assert "Action of a panel elsewhere" not in page
    assert "1 more action from panels you do not sit on" in page


def test_progress_csv(client_for):
    objective = ObjectiveFactory(title="Stable homes")
    objective.actions.set([ActionFactory(status=ActionStatus.DONE)])
    response = client_for("councillor").get("/strategy/progress.csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Priority,Objective,Actions done")
    assert "Stable homes,1,1" in text


def test_strategy_page_queries_do_not_grow_with_objectives(client_for):
    def grow(count=5):
        for _ in range(count):
            objective = ObjectiveFactory()
            objective.actions.set([ActionFactory()])
            indicator = IndicatorFactory()
            MeasurementFactory(indicator=indicator)
            objective.indicators.set([indicator])
            objective.offer_entries.set([OfferEntryFactory()])

    grow(1)

    assert_constant_queries(client_for("councillor"), "/strategy/", grow)
    assert_constant_queries(client_for("anonymous"), "/strategy/public/", grow)


def test_unknown_priority_and_objective_are_not_found(client_for):
    client = client_for("admin")
    assert client.get("/strategy/priorities/nope/").status_code == 404
    assert client.get("/strategy/objectives/999999/").status_code == 404
    assert client.post("/strategy/objectives/999999/links/").status_code == 404
