"""Writes about people and areas: members and their targets, areas, link officers,
appointments, the champion settings and the annual report's sponsor and author.

Each function is keyword-only, atomic, and raises a ValidationError with field keys that the
view shows on the form. Changes are recorded in the audit trail.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    LinkOfficer,
    Member,
    ReportPeople,
)
from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.duties import DutyKind, people_with_duty
from corporate_parenting.models import Role, User
from corporate_parenting.years import political_year_starting

MEMBER_FIELDS = (
    "ward",
    "party",
    "phone",
    "dbs_status",
    "dbs_cleared_on",
    "training_completed_on",
)
AREA_FIELDS = ("name", "description", "current_issues")


# Members -----------------------------------------------------------------------------------


@transaction.atomic
def member_ensure(*, user: User) -> Member:
    """The champions record of a councillor, made the first time it is needed."""
    if not user.has_role(Role.COUNCILLOR):
        raise ValidationError({"member": "Only a councillor can be a champion"})
    member, _ = Member.objects.get_or_create(user=user)
    return member


@transaction.atomic
def member_update(*, member: Member, actor: User | None, **fields: object) -> Member:
    """Ward, party, phone, DBS and training. A cleared DBS needs its date."""
    unknown = set(fields) - set(MEMBER_FIELDS)
    if unknown:
        raise ValueError(f"Unknown member fields: {sorted(unknown)}")
    before = snapshot(member, MEMBER_FIELDS)
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean()
    member.save()
    changes = changes_between(before, snapshot(member, MEMBER_FIELDS))
    if changes:
        audit_record(actor=actor, instance=member, action="updated", changes=changes)
    return member


def _require_admin(actor: User | None) -> None:
    if actor is None or not actor.is_authenticated or not actor.is_portal_admin:
        raise PermissionDenied("Only an admin can do this")


@transaction.atomic
def member_target_set(
    *, actor: User | None, member: Member, target: int | None, reason: str = ""
) -> Member:
    """Give a member their own yearly target with a reason, or (target None) put them back on
    the default from the champion settings."""
    _require_admin(actor)
    before = snapshot(member, ("target_override", "target_reason"))
    member.target_override = target
    member.target_reason = reason.strip() if target is not None else ""
    member.full_clean()
    member.save(update_fields=["target_override", "target_reason", "updated_at"])
    changes = changes_between(before, snapshot(member, ("target_override", "target_reason")))
    if changes:
        audit_record(actor=actor, instance=member, action="target changed", changes=changes)
    return member


# Areas and link officers -------------------------------------------------------------------


@transaction.atomic
def area_create(
    *, actor: User | None, name: str, description: str = "", current_issues: str = ""
) -> ChampionArea:
    slug = slugify(name)[:120]
    if not slug:
        raise ValidationError({"name": "Enter a name with letters or numbers"})
    if (
        ChampionArea.objects.filter(name__iexact=name.strip()).exists()
        or ChampionArea.objects.filter(slug=slug).exists()
    ):
        raise ValidationError({"name": "There is already an area with this name"})
    area = ChampionArea(
        name=name.strip(), slug=slug, description=description, current_issues=current_issues
    )
    area.full_clean()
    area.save()
    audit_record(actor=actor, instance=area, action="created")
    return area


@transaction.atomic
def area_update(*, area: ChampionArea, actor: User | None, **fields: object) -> ChampionArea:
    unknown = set(fields) - set(AREA_FIELDS)
    if unknown:
        raise ValueError(f"Unknown area fields: {sorted(unknown)}")
    before = snapshot(area, AREA_FIELDS)
    name = str(fields.get("name", area.name)).strip()
    if ChampionArea.objects.exclude(pk=area.pk).filter(name__iexact=name).exists():
        raise ValidationError({"name": "There is already an area with this name"})
    for field_name, value in fields.items():
        setattr(area, field_name, value.strip() if isinstance(value, str) else value)
    area.full_clean()
    area.save()
    changes = changes_between(before, snapshot(area, AREA_FIELDS))
    if changes:
        audit_record(actor=actor, instance=area, action="updated", changes=changes)
    return area


@transaction.atomic
def link_officer_add(
    *,
    actor: User | None,
    area: ChampionArea,
    officer: User,
    job_title: str,
    team: str = "",
    contact: str = "",
) -> LinkOfficer:
    if not people_with_duty(DutyKind.LINK_OFFICER).filter(pk=officer.pk).exists():
        raise ValidationError({"officer": "Choose someone who holds the link officer duty"})
    if LinkOfficer.objects.filter(area=area, officer=officer).exists():
        raise ValidationError({"officer": f"{officer} is already a link officer for {area}"})
    link = LinkOfficer(area=area, officer=officer, job_title=job_title, team=team, contact=contact)
    link.full_clean()
    link.save()
    audit_record(actor=actor, instance=area, action="added link officer", note=str(officer))
    return link


@transaction.atomic
def link_officer_remove(*, actor: User | None, link: LinkOfficer) -> None:
    area, officer = link.area, link.officer
    link.delete()
    audit_record(actor=actor, instance=area, action="removed link officer", note=str(officer))


# Appointments ------------------------------------------------------------------------------


@transaction.atomic
def appointment_create(
    *, actor: User | None, user: User, area: ChampionArea, start_year: int
) -> Appointment:
    """Appoint a councillor as a champion of an area for the political year starting in start_year."""
    try:
        member = member_ensure(user=user)
    except ValidationError as error:
        raise ValidationError({"user": error.messages}) from error
    year = political_year_starting(start_year)
    if Appointment.objects.filter(member=member, area=area, start_year=start_year).exists():
        raise ValidationError({"user": f"{user} already champions {area} in {year.label}"})
    try:
        with transaction.atomic():
            appointment = Appointment.objects.create(
                member=member, area=area, start_year=start_year
            )
    except IntegrityError as error:  # two admins at once
        raise ValidationError(
            {"user": f"{user} already champions {area} in {year.label}"}
        ) from error
    audit_record(
        actor=actor,
        instance=area,
        action="appointed champion",
        note=f"{member} for {year.label}",
    )
    audit_record(
        actor=actor, instance=member, action="appointed champion", note=f"{area}, {year.label}"
    )
    return appointment


@transaction.atomic
def appointment_end(
    *,
    actor: User | None,
    appointment: Appointment,
    ended_on: date | None = None,
    reason: str = "",
) -> Appointment:
    """Record the last day a member served (today unless given). The appointment stays, so the
    year's report and coverage still show who championed what, and for how long."""
    if appointment.is_ended:
        raise ValidationError({"ended_on": "This appointment has already ended"})
    appointment.ended_on = ended_on or timezone.localdate()
    appointment.end_reason = reason.strip()
    appointment.full_clean()
    appointment.save(update_fields=["ended_on", "end_reason", "updated_at"])
    area, member = appointment.area, appointment.member
    label = political_year_starting(appointment.start_year).label
    note = f"{member} for {label}, last day {appointment.ended_on:%-d %B %Y}"
    if appointment.end_reason:
        note += f": {appointment.end_reason}"
    audit_record(actor=actor, instance=area, action="ended appointment", note=note)
    audit_record(actor=actor, instance=member, action="ended appointment", note=f"{area}, {note}")
    return appointment


# Settings ----------------------------------------------------------------------------------


@transaction.atomic
def champion_settings_update(
    *, actor: User | None, engagement_target: int, dbs_valid_years: int
) -> ChampionSettings:
    current = ChampionSettings.load()
    before = snapshot(current, ("engagement_target", "dbs_valid_years"))
    current.engagement_target = engagement_target
    current.dbs_valid_years = dbs_valid_years
    current.full_clean()
    current.save()
    changes = changes_between(before, snapshot(current, ("engagement_target", "dbs_valid_years")))
    if changes:
        audit_record(actor=actor, instance=current, action="updated", changes=changes)
    return current


# The annual report's sponsor and author ----------------------------------------------------


@transaction.atomic
def report_people_set(
    *, actor: User | None, start_year: int, sponsor: User, author: User
) -> ReportPeople:
    """Choose who sponsors and who writes the champion report of a political year, from the
    people who hold those duties."""
    _require_admin(actor)
    errors: dict[str, str] = {}
    if not people_with_duty(DutyKind.REPORT_SPONSOR).filter(pk=sponsor.pk).exists():
        errors["sponsor"] = "Choose someone who holds the report sponsor duty"
    if not people_with_duty(DutyKind.REPORT_AUTHOR).filter(pk=author.pk).exists():
        errors["author"] = "Choose someone who holds the report author duty"
    if errors:
        raise ValidationError(errors)
    chosen, created = ReportPeople.objects.select_for_update().get_or_create(
        start_year=start_year, defaults={"sponsor": sponsor, "author": author}
    )
    if not created:
        before = {"sponsor": str(chosen.sponsor), "author": str(chosen.author)}
        chosen.sponsor, chosen.author = sponsor, author
        chosen.save(update_fields=["sponsor", "author", "updated_at"])
        changes = changes_between(before, {"sponsor": str(sponsor), "author": str(author)})
    else:
        changes = {"sponsor": [None, str(sponsor)], "author": [None, str(author)]}
    if changes:
        label = political_year_starting(start_year).label
        audit_record(
            actor=actor,
            instance=chosen,
            action="chose report sponsor and author",
            note=f"Champion report {label}",
            changes=changes,
        )
    return chosen
