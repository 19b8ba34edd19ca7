"""E-mails greet each person by the name they are known by: "Hello Jane," for Cllr Dr Jane Smith,
never "Hello Cllr,". An admin, or the person themselves, may choose another name."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from champions.member_import import members_import
from corporate_parenting.models import AuditEvent, User, name_to_address
from corporate_parenting.people.services import invitation_create
from corporate_parenting.reminders import dispatch
from corporate_parenting.reminders.kinds import Kind
from corporate_parenting.reminders.services import Outgoing, reminders_create
from tests import factories
from tests.core.reminder_helpers import parsed, parts
from tests.events.factories import EventFactory, SignUpFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("full_name", "greeted_as"),
    [
        ("Cllr Dr Jane Smith", "Jane"),
        ("Councillor Ruth Hollis", "Ruth"),
        ("Cllr. Tom Okafor", "Tom"),
        ("COUNCILLOR  mrs  Priya   Ashworth", "Priya"),
        ("Prof Sir Alan Reid", "Alan"),
        ("The Rt Hon Lord Patel of Bradford", "Patel"),
        ("Rev. Canon Mary Ann Jones", "Mary"),
        ("Dame Judi", "Judi"),
        ("Cllr Smith", "Smith"),
        ("Jane Smith", "Jane"),
        ("Councillor", "Councillor"),
        ("Cllr Dr", "Cllr Dr"),
        ("", ""),
    ],
)
def test_the_name_to_address_leaves_out_titles(full_name, greeted_as):
    assert name_to_address(full_name) == greeted_as
    assert User(full_name=full_name).address_name == greeted_as


def test_a_chosen_name_wins_over_the_full_name():
    assert User(full_name="Cllr Dr Jane Smith", known_as="  Dr   Jane ").address_name == "Dr Jane"


def _send_event_reminder(person: User) -> str:
    event = EventFactory(title="Fostering Fortnight launch")
    SignUpFactory(event=event, person=person)
    reminders_create(
        items=[
            Outgoing(
                kind=Kind.EVENT_UPCOMING,
                subject=event,
                recipient=person,
                occasion="7d",
                context={
                    "title": event.title,
                    "dates": event.dates_label,
                    "times": event.times_label,
                    "location": "Civic Offices",
                    "start_date": event.start_date.isoformat(),
                    "days_left": 7,
                    "path": f"/events/{event.pk}/",
                },
            )
        ]
    )
    dispatch.dispatch()
    [message] = [m for m in mail.outbox if person.email in m.to]
    bodies = parts(parsed(message))
    return bodies["text/plain"] + bodies["text/html"]


def test_a_reminder_greets_a_councillor_by_their_first_name_not_their_title():
    person = factories.councillor(email="jane@example.org", full_name="Cllr Dr Jane Smith")
    body = _send_event_reminder(person)
    assert "Hello Jane," in body
    assert "Hello Cllr" not in body


def test_a_reminder_uses_the_name_an_admin_chose():
    person = factories.councillor(email="bob@example.org", full_name="Councillor Robert Lane")
    person.known_as = "Bob"
    person.save()
    body = _send_event_reminder(person)
    assert "Hello Bob," in body
    assert "Hello Councillor" not in body and "Hello Robert" not in body


def test_the_invitation_greets_by_the_name_without_the_title(
    portal_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(
            actor=portal_admin,
            email="ruth@example.org",
            full_name="Councillor Ruth Hollis",
            roles=["councillor"],
        )
    [message] = mail.outbox
    bodies = parts(parsed(message))
    for body in bodies.values():
        assert "Hello Ruth," in body
        assert "Hello Councillor" not in body


def test_the_password_reset_greets_by_the_name_without_the_title(client):
    factories.councillor(email="jane@example.org", full_name="Cllr Jane Smith")
    client.post(reverse("password_reset"), {"email": "jane@example.org"})
    [message] = mail.outbox
    bodies = parts(parsed(message))
    assert bodies
    for body in bodies.values():
        assert "Hello Jane," in body
        assert "Hello Cllr" not in body


def test_an_admin_sets_the_name_on_the_persons_page(client_for):
    person = factories.councillor(email="bob@example.org", full_name="Councillor Robert Lane")
    admin = client_for("admin")
    page = admin.get(reverse("people:detail", kwargs={"pk": person.pk})).text
    assert "Name to use in e-mails" in page
    assert reverse("people:name", kwargs={"pk": person.pk}) in page

    response = admin.post(reverse("people:name", kwargs={"pk": person.pk}), {"known_as": " Bob "})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.known_as == "Bob"
    assert person.address_name == "Bob"
    event = AuditEvent.objects.for_object(person).get(action="name to use in e-mails changed")
    assert event.changes == {"known_as": ["", "Bob"]}

    # Blank goes back to the name in the full name.
    admin.post(reverse("people:name", kwargs={"pk": person.pk}), {"known_as": ""})
    person.refresh_from_db()
    assert person.address_name == "Robert"


@pytest.mark.parametrize("role", ["councillor", "officer"])
def test_only_an_admin_sets_someone_elses_name(client_for, role):
    person = factories.councillor(email="bob@example.org", full_name="Councillor Robert Lane")
    response = client_for(role).post(
        reverse("people:name", kwargs={"pk": person.pk}), {"known_as": "Bobby"}
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.known_as == ""


def test_anyone_signed_in_sets_their_own_name_on_their_account_page(client_for):
    client = client_for("councillor")
    assert reverse("people:account_name") in client.get(reverse("people:account")).text
    response = client.post(reverse("people:account_name"), {"known_as": "Ada F"})
    assert response.status_code == 302
    assert User.objects.get(email="councillor@example.org").address_name == "Ada F"
    assert "Ada F" in client.get(reverse("people:account")).text


def test_the_account_name_page_is_for_signed_in_people_only(client):
    response = client.post(reverse("people:account_name"), {"known_as": "Nobody"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("B" * 10_000, "Enter a name of 150 characters or fewer"),
        ("Bob\x00", "control"),
        ("Bob\r\nBcc: someone@example.org", "one line"),
    ],
)
def test_a_hostile_name_gets_a_clear_error_on_the_field(client_for, typed, message):
    client = client_for("admin")
    person = factories.councillor(email="bob@example.org", full_name="Councillor Robert Lane")
    response = client.post(reverse("people:name", kwargs={"pk": person.pk}), {"known_as": typed})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["known_as"])
    assert message.lower() in errors.lower()
    person.refresh_from_db()
    assert person.known_as == ""


def test_the_members_import_and_create_admin_still_make_people_greeted_by_name(portal_admin):
    members_import(
        actor=portal_admin,
        data=b"name,email,ward,party\nCllr Dr Jane Smith,jane.smith@council.example,Riverside,\n",
    )
    assert User.objects.get(email="jane.smith@council.example").address_name == "Jane"
    call_command(
        "create_admin", "first@example.org", "--name", "Dr Morgan Blake", stdout=io.StringIO()
    )
    assert User.objects.get(email="first@example.org").address_name == "Morgan"
