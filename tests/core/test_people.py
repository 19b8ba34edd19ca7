"""People: invitations (sent, sent again, cancelled, accepted, expired, reused), roles, and
deactivation at the end of a term that keeps everything the person did."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from corporate_parenting.duties import has_duty, people_with_duty
from corporate_parenting.models import AuditEvent, DutyKind, Invitation, Role, User
from corporate_parenting.people import services
from corporate_parenting.people.querysets import Status, people, person_status
from tests import factories

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-for-tests"


def invite(actor, email="new.officer@example.org", **extra):
    fields = {
        "email": email,
        "full_name": "Nia Officer",
        "roles": [Role.OFFICER],
        "duties": [DutyKind.REPORT_AUTHOR],
        "job_title": "Head of Service",
    }
    fields.update(extra)
    return services.invitation_create(actor=actor, **fields)


def signs_in(client, email: str, password: str) -> bool:
    response = client.post("/sign-in/", {"username": email, "password": password})
    return response.status_code == 302


def link_path(message) -> str:
    [line] = [line for line in message.body.splitlines() if "/invitation/" in line]
    return line[line.index("/invitation/") :]


def test_invite_makes_an_inactive_account_with_roles_and_duties_and_mails_a_link(
    portal_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issued = invite(portal_admin, email="  New.Officer@Example.org ")
    person = User.objects.get(email="new.officer@example.org")
    assert not person.is_active and not person.has_usable_password()
    assert person.roles == {Role.OFFICER}
    duty = person.duties.get()
    assert (duty.kind, duty.job_title) == (DutyKind.REPORT_AUTHOR, "Head of Service")
    # Not in pick-lists until they accept.
    assert list(people_with_duty(DutyKind.REPORT_AUTHOR)) == []
    [message] = mail.outbox
    assert message.to == ["new.officer@example.org"]
    assert link_path(message) == services.invitation_path(issued.token)
    # Only the hash is stored.
    invitation = Invitation.objects.get()
    assert issued.token not in invitation.token_hash
    assert invitation.token_hash == services.hash_token(issued.token)
    assert invitation.expires_at - timezone.now() > timedelta(days=6, hours=23)
    assert person_status(people().get(pk=person.pk)) == Status.INVITED
    assert AuditEvent.objects.for_object(person).get().action == "invited"


def test_invitation_expiry_is_a_setting(portal_admin, settings):
    settings.INVITATION_EXPIRY_DAYS = 2
    issued = invite(portal_admin)
    left = issued.invitation.expires_at - timezone.now()
    assert timedelta(days=1, hours=23) < left <= timedelta(days=2)


def test_an_address_in_use_is_an_error_on_the_email_and_nothing_is_made(portal_admin):
    factories.councillor(email="taken@example.org")
    with pytest.raises(ValidationError) as error:
        invite(portal_admin, email="TAKEN@example.org")
    assert "already has this e-mail address" in error.value.message_dict["email"][0]
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_roles_must_be_chosen_from_the_list(portal_admin):
    with pytest.raises(ValidationError) as error:
        invite(portal_admin, roles=[])
    assert "roles" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        invite(portal_admin, roles=["mayor"])
    assert "roles" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        invite(portal_admin, duties=["mayor"])
    assert "duties" in error.value.message_dict
    assert not User.objects.filter(email="new.officer@example.org").exists()


def test_only_admins_invite(officer):
    with pytest.raises(PermissionDenied):
        invite(officer)
    assert not Invitation.objects.exists()


def test_accepting_sets_the_password_activates_and_uses_the_link(portal_admin, client):
    issued = invite(portal_admin)
    person = services.invitation_accept(token=issued.token, password=NEW_PASSWORD)
    person.refresh_from_db()
    assert person.is_active and person.check_password(NEW_PASSWORD)
    assert Invitation.objects.get().used_at is not None
    assert person_status(people().get(pk=person.pk)) == Status.ACTIVE
    assert has_duty(person, DutyKind.REPORT_AUTHOR)
    assert list(people_with_duty(DutyKind.REPORT_AUTHOR)) == [person]
    assert signs_in(client, "new.officer@example.org", NEW_PASSWORD)


def test_a_used_link_cannot_be_used_again(portal_admin):
    issued = invite(portal_admin)
    services.invitation_accept(token=issued.token, password=NEW_PASSWORD)
    assert services.invitation_find(issued.token)[1] == services.InvitationState.USED
    with pytest.raises(ValidationError):
        services.invitation_accept(token=issued.token, password="another-long-password-1")
    person = User.objects.get(email="new.officer@example.org")
    assert person.check_password(NEW_PASSWORD)


def test_an_expired_link_does_not_work(portal_admin):
    issued = invite(portal_admin)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.invitation_find(issued.token)[1] == services.InvitationState.EXPIRED
    with pytest.raises(ValidationError):
        services.invitation_accept(token=issued.token, password=NEW_PASSWORD)
    person = User.objects.get(email="new.officer@example.org")
    assert not person.is_active and not person.has_usable_password()
    assert person_status(people().get(pk=person.pk)) == Status.NOT_ACCEPTED


def test_sending_again_gives_a_new_link_and_kills_the_old_one(
    portal_admin, django_capture_on_commit_callbacks
):
    first = invite(portal_admin)
    person = first.invitation.user
    with django_capture_on_commit_callbacks(execute=True):
        second = services.invitation_resend(actor=portal_admin, user=person)
    assert second.token != first.token
    assert services.invitation_find(first.token)[1] == services.InvitationState.INVALID
    assert services.invitation_find(second.token)[1] == services.InvitationState.OPEN
    assert link_path(mail.outbox[-1]) == services.invitation_path(second.token)
    with pytest.raises(ValidationError):
        services.invitation_accept(token=first.token, password=NEW_PASSWORD)
    services.invitation_accept(token=second.token, password=NEW_PASSWORD)


def test_sending_again_is_refused_once_a_password_is_set(portal_admin):
    issued = invite(portal_admin)
    services.invitation_accept(token=issued.token, password=NEW_PASSWORD)
    with pytest.raises(ValidationError):
        services.invitation_resend(actor=portal_admin, user=issued.invitation.user)


def test_cancelling_kills_the_link_and_keeps_the_account_closed(portal_admin):
    issued = invite(portal_admin)
    person = issued.invitation.user
    services.invitation_cancel(actor=portal_admin, user=person)
    assert services.invitation_find(issued.token) == (None, services.InvitationState.INVALID)
    with pytest.raises(ValidationError):
        services.invitation_accept(token=issued.token, password=NEW_PASSWORD)
    person.refresh_from_db()
    assert not person.is_active
    with pytest.raises(ValidationError):
        services.invitation_cancel(actor=portal_admin, user=person)
    # Sent again, it works.
    again = services.invitation_resend(actor=portal_admin, user=person)
    services.invitation_accept(token=again.token, password=NEW_PASSWORD)


def test_unknown_and_hostile_tokens_are_invalid():
    for token in ("", "x", "a" * 5000, "../../etc", "\x00"):
        assert services.invitation_find(token) == (None, services.InvitationState.INVALID)


def test_roles_change_and_are_recorded(portal_admin):
    person = factories.councillor()
    services.person_roles_set(actor=portal_admin, user=person, roles=[Role.OFFICER, Role.ADMIN])
    person = User.objects.get(pk=person.pk)
    assert person.roles == {Role.OFFICER, Role.ADMIN}
    event = AuditEvent.objects.for_object(person).get()
    assert event.changes == {"roles": ["councillor", "admin, officer"]}


def test_an_admin_cannot_demote_or_deactivate_themselves(portal_admin):
    with pytest.raises(ValidationError) as error:
        services.person_roles_set(actor=portal_admin, user=portal_admin, roles=[Role.OFFICER])
    assert "roles" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.person_deactivate(actor=portal_admin, user=portal_admin, reason="Leaving")
    portal_admin.refresh_from_db()
    assert portal_admin.is_active and User.objects.get(pk=portal_admin.pk).is_portal_admin
    # Keeping admin and adding a role is fine.
    services.person_roles_set(
        actor=portal_admin, user=portal_admin, roles=[Role.ADMIN, Role.OFFICER]
    )


def test_only_admins_change_roles_or_deactivate(officer):
    person = factories.councillor()
    with pytest.raises(PermissionDenied):
        services.person_roles_set(actor=officer, user=person, roles=[Role.ADMIN])
    with pytest.raises(PermissionDenied):
        services.person_deactivate(actor=officer, user=person, reason="No")
    with pytest.raises(PermissionDenied):
        services.person_reactivate(actor=officer, user=person)


def test_deactivation_records_reason_and_date_and_keeps_the_person(portal_admin, client):
    person = factories.officer(email="leaving@example.org")
    from corporate_parenting.duties import duty_grant

    duty_grant(actor=portal_admin, user=person, kind=DutyKind.CLERK)
    ended = timezone.localdate() - timedelta(days=3)
    services.person_deactivate(
        actor=portal_admin, user=person, reason="Term ended in May", ended_on=ended
    )
    person = User.objects.get(pk=person.pk)
    assert not person.is_active
    assert person.duties.count() == 1  # kept, but not offered
    assert list(people_with_duty(DutyKind.CLERK)) == []
    event = AuditEvent.objects.filter(action="deactivated").get()
    assert event.note == "Term ended in May"
    assert event.changes["ended_on"] == [None, ended.isoformat()]
    assert not signs_in(client, "leaving@example.org", factories.PASSWORD)
    assert person_status(people().get(pk=person.pk)) == Status.DEACTIVATED

    services.person_reactivate(actor=portal_admin, user=person, reason="Re-elected")
    assert User.objects.get(pk=person.pk).is_active
    assert signs_in(client, "leaving@example.org", factories.PASSWORD)


def test_deactivation_needs_a_reason_and_a_date_not_in_the_future(portal_admin):
    person = factories.officer()
    with pytest.raises(ValidationError) as error:
        services.person_deactivate(
            actor=portal_admin,
            user=person,
            reason="  ",
            ended_on=timezone.localdate() + timedelta(days=1),
        )
    assert set(error.value.message_dict) == {"reason", "ended_on"}
    assert User.objects.get(pk=person.pk).is_active


def test_deactivating_an_invited_person_kills_their_link(portal_admin):
    issued = invite(portal_admin)
    services.person_deactivate(actor=portal_admin, user=issued.invitation.user, reason="Mistake")
    assert services.invitation_find(issued.token)[1] == services.InvitationState.INVALID


def test_a_signed_in_person_is_signed_out_when_deactivated(portal_admin, client):
    person = factories.councillor()
    client.force_login(person)
    assert client.get("/account/").status_code == 200
    services.person_deactivate(actor=portal_admin, user=person, reason="Term ended")
    response = client.get("/account/")
    assert response.status_code == 302 and "/sign-in/" in response.url
