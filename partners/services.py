"""Every write about partner organisations and their representatives. Admins keep the list
(corporate_parenting's rule for admins); a representative is invited from their organisation's
page, with the partner role and nothing else."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import Role, User
from corporate_parenting.people.services import IssuedInvitation, invitation_create
from corporate_parenting.years import political_year_starting, years_later
from offer.models import OfferCategory, OfferEntry
from offer.models.entries import AGE_HIGHEST, AGE_LOWEST
from offer.services.entries import ENTRY_FIELDS, offer_entry_save
from panels.models import Body
from panels.reports.annexes import check_pdf, safe_name
from partners.models import (
    PROPOSAL_FIELDS,
    SELF_ASSESSMENT_QUESTIONS,
    ForWhom,
    OfferProposal,
    OrganisationKind,
    PartnerOrganisation,
    Pledge,
    ProgressUpdate,
    ProposalStatus,
    Representative,
    SelfAssessment,
)
from voice.models import Principle

# Addresses under /partners/ that are pages, not organisations.
RESERVED_SLUGS = frozenset(
    {"new", "export", "pledges", "evidence", "self-assessments", "public", "offer-proposals"}
)
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
    "board",
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
    board: Body | None = None,
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
        "board": board,
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


# ---------------------------------------------------------------- pledges

AGE_MAX = 25  # care leavers are supported up to 25
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
PLEDGE_FIELDS = (
    "year",
    "what",
    "for_whom",
    "age_from",
    "age_to",
    "how_shown",
    "due_on",
    "principle",
)


def can_write_for(user: User | None, organisation: PartnerOrganisation) -> bool:
    """Who writes an organisation's pledges and progress: its representatives, and the council's
    staff on its behalf."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_council_staff:
        return True
    return user.is_partner and organisation.representatives.filter(user=user).exists()


def _check_write(actor: User | None, organisation: PartnerOrganisation) -> None:
    if not can_write_for(actor, organisation):
        raise PermissionDenied("Only the organisation's representatives and the council's staff")
    if organisation.has_left:
        raise ValidationError(f"{organisation.name} has left the partnership")


def _pledge_errors(
    *,
    what: str,
    how_shown: str,
    for_whom: str,
    age_from: int | None,
    age_to: int | None,
    year: int,
    due_on: datetime.date | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not what.strip():
        errors["what"] = "Enter what you will do"
    if not how_shown.strip():
        errors["how_shown"] = "Enter how you will show your progress"
    if for_whom not in ForWhom.values:
        errors["for_whom"] = "Choose who the pledge is for"
    for field, age in (("age_from", age_from), ("age_to", age_to)):
        if age is not None and not 0 <= age <= AGE_MAX:
            errors[field] = f"Enter an age from 0 to {AGE_MAX}"
    if (
        "age_from" not in errors
        and "age_to" not in errors
        and age_from is not None
        and age_to is not None
        and age_from > age_to
    ):
        errors["age_to"] = "The upper age must be the same as or more than the lower age"
    if due_on is None:
        errors["due_on"] = "Enter the date it will be done by"
    else:
        start = political_year_starting(year).start
        if due_on < start:
            errors["due_on"] = (
                f"The date must be on or after {start:%-d %B %Y}, when the year starts"
            )
        elif due_on > years_later(start, 3):
            errors["due_on"] = "The date must be within three years of the start of the year"
    return errors


@transaction.atomic
def pledge_save(
    *,
    actor: User | None,
    organisation: PartnerOrganisation,
    pledge: Pledge | None,
    year: int,
    what: str,
    for_whom: str,
    how_shown: str,
    due_on: datetime.date | None,
    principle: Principle,
    age_from: int | None = None,
    age_to: int | None = None,
) -> Pledge:
    """Write a pledge (pledge=None) or change one. A made pledge can still be changed; the
    audit trail keeps what it said before."""
    _check_write(actor, organisation)
    if pledge is not None and pledge.done_on is not None:
        raise ValidationError("This pledge is done: it can no longer be changed")
    errors = _pledge_errors(
        what=what,
        how_shown=how_shown,
        for_whom=for_whom,
        age_from=age_from,
        age_to=age_to,
        year=year,
        due_on=due_on,
    )
    if errors:
        raise ValidationError(errors)
    values = {
        "year": year,
        "what": what.strip(),
        "for_whom": for_whom,
        "age_from": age_from,
        "age_to": age_to,
        "how_shown": how_shown.strip(),
        "due_on": due_on,
        "principle": principle,
    }
    creating = pledge is None
    if pledge is None:
        pledge = Pledge(organisation=organisation, **values)
        before: dict[str, object] = {}
    else:
        before = snapshot(pledge, PLEDGE_FIELDS)
        for field, value in values.items():
            setattr(pledge, field, value)
    pledge.save()
    after = snapshot(pledge, PLEDGE_FIELDS)
    changes = (
        {field: [None, value] for field, value in after.items()}
        if creating
        else changes_between(before, after)
    )
    if changes:
        audit_record(
            actor=actor,
            instance=pledge,
            action="drafted" if creating else "changed",
            changes=changes,
        )
    return pledge


@transaction.atomic
def pledge_make(*, actor: User | None, pledge: Pledge) -> None:
    """The organisation makes its pledge: from now the Board and the public read it."""
    _check_write(actor, pledge.organisation)
    if pledge.is_made:
        raise ValidationError("This pledge has already been made")
    pledge.made_at = timezone.now()
    pledge.made_by = actor
    pledge.save(update_fields=["made_at", "made_by", "updated_at"])
    audit_record(
        actor=actor, instance=pledge, action="made", changes={"made_at": [None, pledge.made_at]}
    )


@transaction.atomic
def pledge_done(*, actor: User | None, pledge: Pledge, on: datetime.date | None = None) -> None:
    _check_write(actor, pledge.organisation)
    if not pledge.is_made:
        raise ValidationError("Make the pledge before marking it done")
    if pledge.done_on is not None:
        raise ValidationError("This pledge is already done")
    pledge.done_on = on or timezone.localdate()
    pledge.save(update_fields=["done_on", "updated_at"])
    audit_record(
        actor=actor, instance=pledge, action="done", changes={"done_on": [None, pledge.done_on]}
    )


def evidence_name(name: str) -> str:
    return safe_name(name)


@transaction.atomic
def progress_report(
    *,
    actor: User | None,
    pledge: Pledge,
    summary: str,
    figure: str = "",
    link: str = "",
    file: UploadedFile | None = None,
    at_risk: bool = False,
    reported_on: datetime.date | None = None,
) -> ProgressUpdate:
    """The representative reports progress on a made pledge, with evidence."""
    _check_write(actor, pledge.organisation)
    if not pledge.is_made:
        raise ValidationError("Make the pledge before reporting progress on it")
    today = timezone.localdate()
    reported_on = reported_on or today
    errors: dict[str, str] = {}
    if not summary.strip():
        errors["summary"] = "Enter the progress made"
    if reported_on > today:
        errors["reported_on"] = "The date cannot be in the future"
    if file is not None:
        try:
            check_pdf(file, max_bytes=EVIDENCE_MAX_BYTES)
        except ValidationError as error:
            errors["file"] = " ".join(error.messages)
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate(
        pledge=pledge,
        reported_on=reported_on,
        summary=summary.strip(),
        figure=" ".join(figure.split()),
        link=link.strip(),
        at_risk=at_risk,
        reported_by=actor,
    )
    if file is not None:
        update.file_name = evidence_name(file.name or "evidence.pdf")
        update.file.save(f"{secrets.token_hex(8)}.pdf", file, save=False)
    update.save()
    audit_record(
        actor=actor,
        instance=pledge,
        action="progress reported",
        changes={"progress": [None, update.summary[:200]], "at_risk": [None, at_risk]},
        note=f"Evidence: {update.file_name}" if update.file_name else "",
    )
    return update


# ---------------------------------------------------------------- self-assessment

ANSWER_FIELDS = tuple(field for field, _, _ in SELF_ASSESSMENT_QUESTIONS)


@transaction.atomic
def self_assessment_save(
    *,
    actor: User | None,
    organisation: PartnerOrganisation,
    year: int,
    complete: bool = False,
    **answers: str,
) -> SelfAssessment:
    """Save the year's answers; with complete, also send them to the Board (every question
    answered). A completed self-assessment can be changed; the audit trail keeps what it
    said."""
    _check_write(actor, organisation)
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise ValueError(f"not a question of the self-assessment: {sorted(unknown)}")
    assessment, created = SelfAssessment.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    before = snapshot(assessment, ANSWER_FIELDS)
    for field in ANSWER_FIELDS:
        setattr(assessment, field, answers.get(field, "").strip())
    if complete:
        missing = {
            field: "Answer this question before sending the self-assessment to the Board"
            for field in ANSWER_FIELDS
            if not getattr(assessment, field)
        }
        if missing:
            raise ValidationError(missing)
    changes = changes_between(before, snapshot(assessment, ANSWER_FIELDS))
    if complete and not assessment.is_complete:
        assessment.completed_at = timezone.now()
        assessment.completed_by = actor
        changes["completed_at"] = [None, assessment.completed_at]
    assessment.save()
    if changes or created:
        audit_record(
            actor=actor,
            instance=assessment,
            action="completed" if "completed_at" in changes else "saved",
            changes=changes,
        )
    return assessment


# ---------------------------------------------------------------- the care leaver offer


def can_decide_proposals(user: User | None) -> bool:
    """The offer's editors (the council's staff, who keep the offer) approve partners' entries."""
    return user is not None and user.is_authenticated and user.is_council_staff


@transaction.atomic
def proposal_create(
    *,
    actor: User | None,
    organisation: PartnerOrganisation,
    entry: OfferEntry | None = None,
    category: OfferCategory | None,
    title: str,
    summary: str,
    details: str = "",
    how_to_get: str = "",
    age_from: int | None = 16,
    age_to: int | None = 25,
    contact_phone: str = "",
    link_url: str = "",
) -> OfferProposal:
    """A partner proposes an entry it provides, or a change to one it provides already."""
    _check_write(actor, organisation)
    errors: dict[str, str] = {}
    if entry is not None and entry.provider_id != organisation.pk:
        raise PermissionDenied("A partner proposes changes only to the entries it provides")
    if category is None:
        errors["category"] = "Choose a category"
    if not title.strip():
        errors["title"] = "Enter a title"
    if not summary.strip():
        errors["summary"] = "Enter a summary"
    bounds = f"Enter an age from {AGE_LOWEST} to {AGE_HIGHEST}"
    if age_from is None or not AGE_LOWEST <= age_from <= AGE_HIGHEST:
        errors["age_from"] = bounds
    if age_to is None or not AGE_LOWEST <= age_to <= AGE_HIGHEST:
        errors["age_to"] = bounds
    if not errors and age_from is not None and age_to is not None and age_from > age_to:
        errors["age_to"] = "The 'to' age must be the same as or after the 'from' age"
    if errors:
        raise ValidationError(errors)
    assert category is not None and age_from is not None and age_to is not None  # checked above
    proposal = OfferProposal.objects.create(
        organisation=organisation,
        entry=entry,
        is_change=entry is not None,
        category=category,
        title=" ".join(title.split()),
        summary=summary.strip(),
        details=details.strip(),
        how_to_get=how_to_get.strip(),
        age_from=age_from,
        age_to=age_to,
        contact_phone=" ".join(contact_phone.split()),
        link_url=link_url.strip(),
        proposed_by=actor,
    )
    audit_record(
        actor=actor,
        instance=proposal,
        action="proposed",
        changes={"title": [None, proposal.title]},
        note=f"A change to ‘{entry.title}’" if entry else "",
    )
    return proposal


def proposal_entry_initial(proposal: OfferProposal) -> dict[str, object]:
    """What the offer editor's entry form starts from: the entry it changes (or a new draft
    reviewed a year from today), with the partner's words over it."""
    entry = proposal.entry
    initial: dict[str, object] = (
        {field: getattr(entry, field) for field in ENTRY_FIELDS}
        if entry is not None
        else {"review_by": years_later(timezone.localdate(), 1)}
    )
    initial.update({field: getattr(proposal, field) for field in PROPOSAL_FIELDS})
    initial["provider"] = proposal.organisation
    return initial


@transaction.atomic
def proposal_approve(
    *, actor: User | None, proposal: OfferProposal, **entry_fields: Any
) -> OfferEntry:
    """The offer editor approves: the entry is written as they finished it (through the offer's
    own service), provided by the partner."""
    if not can_decide_proposals(actor):
        raise PermissionDenied("Only the offer's editors approve partners' entries")
    if not proposal.is_waiting:
        raise ValidationError("This proposal has already been decided")
    entry_fields["provider"] = proposal.organisation
    entry = offer_entry_save(entry=proposal.entry, actor=actor, **entry_fields)
    proposal.entry = entry
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    proposal.save(update_fields=["entry", "status", "decided_at", "decided_by", "updated_at"])
    audit_record(
        actor=actor,
        instance=proposal,
        action="approved",
        changes={"status": [ProposalStatus.PROPOSED.label, ProposalStatus.APPROVED.label]},
    )
    return entry


@transaction.atomic
def proposal_decline(*, actor: User | None, proposal: OfferProposal, note: str) -> None:
    if not can_decide_proposals(actor):
        raise PermissionDenied("Only the offer's editors decline partners' entries")
    if not proposal.is_waiting:
        raise ValidationError("This proposal has already been decided")
    if not note.strip():
        raise ValidationError({"note": "Say why, so the partner knows what to change"})
    proposal.status = ProposalStatus.DECLINED
    proposal.decision_note = note.strip()
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    proposal.save(
        update_fields=["status", "decision_note", "decided_at", "decided_by", "updated_at"]
    )
    audit_record(
        actor=actor,
        instance=proposal,
        action="declined",
        changes={"status": [ProposalStatus.PROPOSED.label, ProposalStatus.DECLINED.label]},
        note=proposal.decision_note,
    )
