"""Sign-up checks training as well as DBS where the event needs them, and the refusal says
exactly which is missing: on the event page, after a refused sign-up, and in the service."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from champions.models import DbsStatus
from events import services
from events.models import Event, SignUp
from tests.champions.factories import MemberFactory
from tests.events.factories import EventFactory, in_days
from tests.events.test_views import event_form_data

DBS_SENTENCE = "you need a DBS check that is cleared on the day"
TRAINING_SENTENCE = "you have not completed champion training"
NEEDS_TRAINING = "This event needs champion training, and you have not completed it"

CLEARED: dict[str, object] = {"dbs_status": DbsStatus.CLEARED, "dbs_cleared_on": in_days(-30)}
TRAINED: dict[str, object] = {"training_completed_on": in_days(-10)}

# (what the event needs, what the member has, words that must appear, words that must not)
CASES: dict[str, tuple[dict[str, bool], dict[str, object], list[str], list[str]]] = {
    "dbs missing": (
        {"involves_children": True, "requires_training": True},
        TRAINED,
        ["This event involves direct contact with children, so " + DBS_SENTENCE],
        [TRAINING_SENTENCE, "needs champion training"],
    ),
    "training missing": (
        {"involves_children": True, "requires_training": True},
        CLEARED,
        [NEEDS_TRAINING, "book you on the next training"],
        ["DBS"],
    ),
    "both missing": (
        {"involves_children": True, "requires_training": True},
        {},
        [DBS_SENTENCE, TRAINING_SENTENCE, "renew your DBS check and to book you"],
        [],
    ),
    "training only, not asked for": (
        {"involves_children": True, "requires_training": False},
        CLEARED,
        [],
        ["DBS check that is", "training"],
    ),
}


def _setup(councillor, case):
    needs, has, _, _ = CASES[case]
    MemberFactory(user=councillor, **has)
    return EventFactory(title="Youth club", **needs)


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["dbs missing", "training missing", "both missing"])
def test_the_service_refuses_and_says_which_check_is_missing(councillor, case):
    event = _setup(councillor, case)
    _, _, present, absent = CASES[case]
    with pytest.raises(ValidationError) as raised:
        services.signup_create(event=event, person=councillor)
    message = " ".join(raised.value.message_dict["override_reason"])
    assert all(words in message for words in present), message
    assert not any(words in message for words in absent), message
    assert not SignUp.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(CASES))
def test_the_event_page_says_which_check_is_missing_instead_of_a_sign_up_button(
    client_for, councillor, case
):
    event = _setup(councillor, case)
    _, _, present, absent = CASES[case]
    page = client_for("councillor").get(reverse("events:detail", kwargs={"pk": event.pk}))
    your_place = page.content.decode().split("Your place", 1)[1].split("Add to calendar")[0]
    assert all(words in your_place for words in present), your_place
    assert not any(words in your_place for words in absent), your_place
    assert (f'action="/events/{event.pk}/sign-up/"' in your_place) == (not present)


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_sign_up_says_which_check_is_missing_and_saves_nothing(
    client_for, councillor, case
):
    event = _setup(councillor, case)
    _, _, present, absent = CASES[case]
    response = client_for("councillor").post(
        reverse("events:sign_up", kwargs={"pk": event.pk}), follow=True
    )
    page = response.content.decode()
    if present:
        assert "You could not sign up for Youth club" in page
        assert all(words in page for words in present)
        assert not SignUp.objects.exists()
    else:
        assert "You have signed up for Youth club" in page
        assert SignUp.objects.active().filter(person=councillor).exists()
    assert not any(words in page.split("</h1>")[0] for words in absent)


@pytest.mark.django_db
def test_an_admin_sees_the_missing_check_on_the_reason_and_can_sign_up_anyway(
    client_for, councillor
):
    MemberFactory(user=councillor, **CLEARED)
    event = EventFactory(requires_training=True)
    url = reverse("events:signups", kwargs={"pk": event.pk})
    client = client_for("admin")
    response = client.post(url, {"person": councillor.pk, "override_reason": ""})
    form = response.context["form"]
    assert NEEDS_TRAINING in " ".join(form.errors["override_reason"])
    assert "To sign them up anyway, give the reason." in form.errors["override_reason"]
    assert not SignUp.objects.exists()
    response = client.post(url, {"person": councillor.pk, "override_reason": "Trained today"})
    assert response.status_code == 302
    assert SignUp.objects.get(person=councillor).override_reason == "Trained today"


@pytest.mark.django_db
def test_an_admin_sets_whether_an_event_needs_training(client_for):
    client = client_for("admin")
    response = client.post(reverse("events:create"), event_form_data(requires_training="on"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.requires_training
    page = client.get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    assert "members must have completed champion training" in page
