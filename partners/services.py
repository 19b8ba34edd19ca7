"""Every write about partner organisations and their representatives. Admins keep the list
(corporate_parenting's rule for admins); a representative is invited from their organisation's
page, with the partner role and nothing else."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import Role, User
from corporate_parenting.people.services import IssuedInvitation, invitation_create
from partners.models import OrganisationKind, PartnerOrganisation, Representative

# Addresses under /partners/ that are pages, not organisations.
RESERVED_SLUGS = frozenset({"new", "export"})
FIELDS = (
    "name",
    "slug",
    "kind",
    "is_statutory",
    "about",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def can_keep(user: User | None) -> bool:
    """Admins keep the list of partner organisations."""
    return user is not None and user.is_authenticated and user.is_portal_admin


def _check_keep(actor: User | None) -> None:
    if not can_keep(actor):
        raise PermissionDenied("Only an admin can change partner organisations")


def can_read(user: User | None, organisation: PartnerOrganisation) -> bool:
    """The council's people read every partner's page; a representative their own only."""
    if user is None or not user.is_authenticated:
        return False
    if user.has_role(Role.COUNCILLOR, Role.OFFICER, Role.ADMIN):
        return True
    return (
        user.is_partner and PartnerOrganisation.objects.of(user).filter(pk=organisation.pk).exists()
    )


@transaction.atomic
def organisation_save(
    *,
    actor: User | None,
    organisation: PartnerOrganisation | None,
    name: str,
    kind: str,
    slug: str = "",
    is_statutory: bool = False,
    about: str = "",
    website: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
) -> PartnerOrganisation:
    """Add a partner organisation (organisation=None) or change one."""
    _check_keep(actor)
    name = " ".join(name.split())
    slug = slugify(slug.strip() or name)[:60]
    others = PartnerOrganisation.objects.all()
    if organisation is not None:
        others = others.exclude(pk=organisation.pk)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Enter the organisation's name"
    elif others.filter(name__iexact=name).exists():
        errors["name"] = f"There is already a partner called ‘{name}’"
    if kind not in OrganisationKind.values:
        errors["kind"] = "Choose the kind of organisation from the list"
    if not slug:
        errors["slug"] = "Enter a short name made of letters and numbers"
    elif slug in RESERVED_SLUGS:
        errors["slug"] = f"‘{slug}’ is used by the portal: choose another short name"
    elif others.filter(slug=slug).exists():
        errors["slug"] = f"Another partner already has the short name ‘{slug}’"
    if errors:
        raise ValidationError(errors)
    values = {
        "name": name,
        "slug": slug,
        "kind": kind,
        "is_statutory": is_statutory,
        "about": about.strip(),
        "website": website.strip(),
        "contact_name": " ".join(contact_name.split()),
        "contact_email": contact_email.strip().lower(),
        "contact_phone": " ".join(contact_phone.split()),
    }
    creating = organisation is None
    if organisation is None:
        organisation = PartnerOrganisation(**values)
        before: dict[str, object] = {}
    else:
        before = snapshot(organisation, FIELDS)
        for field, value in values.items():
            setattr(organisation, field, value)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as error:  # the same name saved at the same moment
        raise ValidationError({"name": f"There is already a partner called ‘{name}’"}) from error
    after = snapshot(organisation, FIELDS)
    changes = (
        {field: [None, value] for field, value in after.items()}
        if creating
        else changes_between(before, after)
    )
    if changes:
        audit_record(
            actor=actor,
            instance=organisation,
            action="added" if creating else "changed",
            changes=changes,
        )
    return organisation


@transaction.atomic
def organisation_leave(
    *, actor: User | None, organisation: PartnerOrganisation, on: datetime.date | None = None
) -> None:
    """The organisation is no longer a partner. Its record, pledges and people stay."""
    _check_keep(actor)
    if organisation.has_left:
        raise ValidationError("This organisation has already left")
    organisation.left_on = on or timezone.localdate()
    organisation.save(update_fields=["left_on", "updated_at"])
    audit_record(
        actor=actor,
        instance=organisation,
        action="left",
        changes={"left_on": [None, organisation.left_on]},
    )


@transaction.atomic
def organisation_rejoin(*, actor: User | None, organisation: PartnerOrganisation) -> None:
    _check_keep(actor)
    if not organisation.has_left:
        raise ValidationError("This organisation is a partner now")
    before = organisation.left_on
    organisation.left_on = None
    organisation.save(update_fields=["left_on", "updated_at"])
    audit_record(
        actor=actor, instance=organisation, action="rejoined", changes={"left_on": [before, None]}
    )


@transaction.atomic
def representative_invite(
    *,
    actor: User | None,
    organisation: PartnerOrganisation,
    email: str,
    full_name: str,
    job_title: str = "",
) -> IssuedInvitation:
    """Make the representative's account with the partner role, linked to their organisation,
    and e-mail them the link to set a password. They set up a second factor when they first
    sign in (partner representatives always need one, as officers do)."""
    _check_keep(actor)
    if organisation.has_left:
        raise ValidationError(
            {"email": f"{organisation.name} has left: bring it back before inviting anyone"}
        )
    issued = invitation_create(
        actor=actor,
        email=email,
        full_name=full_name,
        roles=[Role.PARTNER],
        job_title=job_title,
    )
    Representative.objects.create(
        user=issued.invitation.user, organisation=organisation, job_title=job_title.strip()[:150]
    )
    audit_record(
        actor=actor,
        instance=organisation,
        action="representative invited",
        changes={"representative": [None, issued.invitation.user.full_name]},
    )
    return issued
