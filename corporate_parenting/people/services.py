"""Writes about people: invitations, roles, and deactivation at the end of a term.

Every service takes the `actor`, refuses anyone but an admin (PermissionDenied), runs in one
transaction, records what it did in the audit trail, and raises ValidationError({field: msg}).

An invitation's link holds a random secret; only its SHA-256 hash is stored, so the database
alone cannot be used to take over an account. The e-mail is sent directly (not through the
reminders outbox), because the outbox keeps each message's text and the link must not be kept.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.audit import audit_record
from corporate_parenting.email import send_templated_email
from corporate_parenting.models import Duty, DutyKind, Invitation, Role, User
from corporate_parenting.reminders.links import absolute
from corporate_parenting.services import roles_ensure

logger = logging.getLogger(__name__)

TOKEN_MAX_LENGTH = 100  # a longer "token" in an address is not one of ours


def invitation_days() -> int:
    """How long an invitation's link works: INVITATION_EXPIRY_DAYS, 7 by default."""
    return int(getattr(settings, "INVITATION_EXPIRY_DAYS", 7))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_path(token: str) -> str:
    return reverse("people:invitation_accept", kwargs={"token": token})


def invitation_url(token: str) -> str:
    """The full link, on the portal's public address (PORTAL_BASE_URL)."""
    return absolute(invitation_path(token))


@dataclass(frozen=True)
class IssuedInvitation:
    """A new invitation and its secret; the secret is shown or sent once and never stored."""

    invitation: Invitation
    token: str

    @property
    def url(self) -> str:
        return invitation_url(self.token)


def _require_admin(actor: User | None) -> None:
    if actor is None or not actor.is_authenticated or not actor.is_portal_admin:
        raise PermissionDenied("Only an admin can manage people")


def _clean_roles(roles: Iterable[str]) -> list[str]:
    chosen = [role for role in Role.values if role in set(roles)]
    if len(chosen) != len(set(roles)):
        raise ValidationError({"roles": "Choose roles from the list"})
    if not chosen:
        raise ValidationError({"roles": "Choose at least one role"})
    return chosen


def _clean_duties(duties: Iterable[str]) -> list[str]:
    wanted = set(duties)
    chosen = [kind for kind in DutyKind.values if kind in wanted]
    if len(chosen) != len(wanted):
        raise ValidationError({"duties": "Choose duties from the list"})
    return chosen


def email_in_use(email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


def _issue(*, user: User, invited_by: User | None, valid_for: timedelta) -> IssuedInvitation:
    """A new link for this person; any earlier link of theirs stops working."""
    now = timezone.now()
    Invitation.objects.filter(user=user).open().update(cancelled_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        user=user,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=now + valid_for,
    )
    return IssuedInvitation(invitation=invitation, token=token)


def _send(issued: IssuedInvitation) -> None:
    """The invitation e-mail, after the transaction commits (never for a rolled-back one)."""
    invitation = issued.invitation
    user = invitation.user
    context: dict[str, object] = {
        "name": user.address_name,
        "invited_by": str(invitation.invited_by) if invitation.invited_by else "",
        "roles": [Role(role).label for role in Role.values if role in user.roles],
        "link": issued.url,
        "expires_at": invitation.expires_at,
    }

    def send() -> None:
        send_templated_email(to=[user.email], template="invitation", context=context)

    transaction.on_commit(send)


@transaction.atomic
def invitation_create(
    *,
    actor: User | None,
    email: str,
    full_name: str,
    roles: Iterable[str],
    duties: Iterable[str] = (),
    job_title: str = "",
) -> IssuedInvitation:
    """Make the person's account (not active until they set a password), with their roles and
    duties, and e-mail them a link to set a password."""
    _require_admin(actor)
    email = email.strip().lower()
    full_name = " ".join(full_name.split())
    errors: dict[str, str] = {}
    if not full_name:
        errors["full_name"] = "Enter the person's full name"
    elif len(full_name) > 150:
        errors["full_name"] = "Enter a name of 150 characters or fewer"
    if not email:
        errors["email"] = "Enter the person's e-mail address"
    elif email_in_use(email):
        errors["email"] = (
            "Someone in the portal already has this e-mail address: find them in the list of "
            "people (an invitation can be sent again from their page)"
        )
    if errors:
        raise ValidationError(errors)
    role_names = _clean_roles(roles)
    duty_kinds = _clean_duties(duties)
    job_title = job_title.strip()[:150]

    user = User(email=email, full_name=full_name, is_active=False)
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # the same address invited at the same moment
        raise ValidationError(
            {"email": "Someone in the portal already has this e-mail address"}
        ) from error
    user.groups.set(Group.objects.filter(name__in=role_names))
    for kind in duty_kinds:
        Duty.objects.create(user=user, kind=kind, job_title=job_title)
    issued = _issue(user=user, invited_by=actor, valid_for=timedelta(days=invitation_days()))
    audit_record(
        actor=actor,
        instance=user,
        action="invited",
        changes={
            "roles": [None, ", ".join(role_names)],
            "duties": [None, ", ".join(DutyKind(kind).label for kind in duty_kinds)],
        },
        note=f"Link works until {timezone.localtime(issued.invitation.expires_at):%-d %B %Y %H:%M}",
    )
    _send(issued)
    return issued


def can_be_invited_again(user: User) -> bool:
    """Someone who has never set a password (an invitation not yet accepted, or the first admin)."""
    return not user.has_usable_password()


@transaction.atomic
def invitation_resend(*, actor: User | None, user: User) -> IssuedInvitation:
    """A new link by e-mail; the old one stops working."""
    _require_admin(actor)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not can_be_invited_again(user):
        raise ValidationError(
            f"{user} has already set a password: they can sign in, or use 'Forgotten your "
            "password?' on the sign-in page"
        )
    issued = _issue(user=user, invited_by=actor, valid_for=timedelta(days=invitation_days()))
    audit_record(actor=actor, instance=user, action="invitation sent again")
    _send(issued)
    return issued


@transaction.atomic
def invitation_cancel(*, actor: User | None, user: User) -> None:
    """The person's link stops working. Their account stays, not active, with its roles."""
    _require_admin(actor)
    cancelled = Invitation.objects.filter(user=user).open().update(cancelled_at=timezone.now())
    if not cancelled:
        raise ValidationError(f"{user} has no invitation waiting to be accepted")
    audit_record(actor=actor, instance=user, action="invitation cancelled")


class InvitationState:
    OPEN = "open"
    EXPIRED = "expired"
    USED = "used"
    # Unknown and cancelled links look the same: the page says nothing about whose they were.
    INVALID = "invalid"


def invitation_find(token: str) -> tuple[Invitation | None, str]:
    """The invitation behind a link and whether it still works."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None, InvitationState.INVALID
    invitation = (
        Invitation.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or invitation.cancelled_at is not None:
        return None, InvitationState.INVALID
    if invitation.used_at is not None:
        return invitation, InvitationState.USED
    if invitation.is_expired:
        return invitation, InvitationState.EXPIRED
    return invitation, InvitationState.OPEN


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Set the person's password and open their account; the link cannot be used again.

    The password has been through Django's validators (the form); two tabs sending the same link
    at once give one acceptance and one error."""
    invitation, state = invitation_find(token)
    if invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation, state = invitation_find(token)
    if invitation is None or state != InvitationState.OPEN:
        raise ValidationError("This link no longer works: ask your portal admin for a new one")
    now = timezone.now()
    user = User.objects.select_for_update().get(pk=invitation.user_id)
    user.set_password(password)
    was_active = user.is_active
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    Invitation.objects.filter(pk=invitation.pk).update(used_at=now)
    Invitation.objects.filter(user=user).open().update(cancelled_at=now)
    audit_record(
        actor=user,
        instance=user,
        action="invitation accepted",
        changes={"is_active": [was_active, True]} if not was_active else None,
        note="Password set",
    )
    return user


@transaction.atomic
def person_roles_set(*, actor: User | None, user: User, roles: Iterable[str]) -> None:
    """Change a person's roles. An admin cannot take away their own admin role."""
    _require_admin(actor)
    roles = set(roles)
    # The partner role comes and goes with the person's link to their organisation (partners).
    partner = user.groups.filter(name=Role.PARTNER).exists()
    if Role.PARTNER in roles and not partner:
        raise ValidationError(
            {"roles": "Invite a partner representative from their organisation's page"}
        )
    role_names = _clean_roles(roles | {Role.PARTNER} if partner else roles)
    if actor is not None and user.pk == actor.pk and Role.ADMIN not in role_names:
        raise ValidationError(
            {"roles": "You cannot take away your own admin role: ask another admin to do it"}
        )
    before = sorted(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
    other_groups = list(user.groups.exclude(name__in=Role.values))
    user.groups.set([*other_groups, *Group.objects.filter(name__in=role_names)])
    if hasattr(user, "_roles"):
        del user._roles
    after = sorted(role_names)
    if before != after:
        audit_record(
            actor=actor,
            instance=user,
            action="roles changed",
            changes={"roles": [", ".join(before), ", ".join(after)]},
        )


KNOWN_AS_MAX_LENGTH = 150


@transaction.atomic
def person_known_as_set(*, actor: User | None, user: User, known_as: str) -> None:
    """The name e-mails greet someone by (User.address_name). An admin sets anyone's; everyone
    may set their own. Blank goes back to the first name in their full name."""
    own = actor is not None and actor.is_authenticated and actor.pk == user.pk
    if not own:
        _require_admin(actor)
    known_as = " ".join(known_as.split())
    if len(known_as) > KNOWN_AS_MAX_LENGTH:
        raise ValidationError(
            {"known_as": f"Enter a name of {KNOWN_AS_MAX_LENGTH} characters or fewer"}
        )
    before = user.known_as
    if before == known_as:
        return
    User.objects.filter(pk=user.pk).update(known_as=known_as)
    user.known_as = known_as
    audit_record(
        actor=actor,
        instance=user,
        action="name to use in e-mails changed",
        changes={"known_as": [before, known_as]},
    )


@transaction.atomic
def person_deactivate(
    *, actor: User | None, user: User, reason: str, ended_on: date | None = None
) -> None:
    """The end of someone's term: they can no longer sign in and leave the pick-lists, but
    everything they did keeps their name. Nothing is deleted."""
    _require_admin(actor)
    reason = reason.strip()
    today = timezone.localdate()
    ended_on = ended_on or today
    if actor is not None and user.pk == actor.pk:
        raise ValidationError("You cannot deactivate your own account: ask another admin to do it")
    errors: dict[str, str] = {}
    if not reason:
        errors["reason"] = "Enter why the account is being closed, like 'Term ended'"
    elif len(reason) > 500:
        errors["reason"] = "Enter a reason of 500 characters or fewer"
    if ended_on > today:
        errors["ended_on"] = "The date cannot be in the future: deactivate the account on the day"
    if errors:
        raise ValidationError(errors)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active and not Invitation.objects.filter(user=user).open().exists():
        raise ValidationError(f"{user}'s account is already closed")
    User.objects.filter(pk=user.pk).update(is_active=False)
    Invitation.objects.filter(user=user).open().update(cancelled_at=timezone.now())
    audit_record(
        actor=actor,
        instance=user,
        action="deactivated",
        changes={"is_active": [user.is_active, False], "ended_on": [None, ended_on.isoformat()]},
        note=reason,
    )


@transaction.atomic
def person_reactivate(*, actor: User | None, user: User, reason: str = "") -> None:
    """Open a closed account again (re-elected, or closed by mistake)."""
    _require_admin(actor)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        raise ValidationError(f"{user}'s account is already open")
    if not user.has_usable_password():
        raise ValidationError(f"{user} has never set a password: send them an invitation instead")
    User.objects.filter(pk=user.pk).update(is_active=True)
    audit_record(
        actor=actor,
        instance=user,
        action="reactivated",
        changes={"is_active": [False, True]},
        note=reason.strip()[:500],
    )


def admin_invitation_days() -> int:
    """The first admin's link, printed by create_admin, may be used a little later: 14 days."""
    return int(getattr(settings, "ADMIN_INVITATION_EXPIRY_DAYS", 14))


@transaction.atomic
def admin_create(*, email: str, full_name: str = "") -> IssuedInvitation:
    """The first admin (or another, made from the command line): an active account with no
    password yet, and a link to set one. No actor: whoever can run manage.py is trusted."""
    email = email.strip().lower()
    full_name = " ".join(full_name.split()) or email.split("@")[0]
    if email_in_use(email):
        raise ValidationError({"email": f"{email} is already in use by someone in the portal"})
    if len(full_name) > 150:
        raise ValidationError({"full_name": "Enter a name of 150 characters or fewer"})
    roles_ensure()
    user = User(email=email, full_name=full_name, is_active=True)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.set(Group.objects.filter(name=Role.ADMIN))
    issued = _issue(user=user, invited_by=None, valid_for=timedelta(days=admin_invitation_days()))
    audit_record(
        actor=None,
        instance=user,
        action="admin made with create_admin",
        changes={"roles": [None, Role.ADMIN.value]},
    )
    return issued
