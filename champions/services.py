"""Every write to champions: areas, link officers, appointments, members, engagements.

Each function is keyword-only, atomic, and raises a ValidationError with field keys that the
view shows on the form. Appointment changes are recorded in the audit trail.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from champions.models import (
    Appointment,
    ChampionArea,
    ChampionSettings,
    Engagement,
    EngagementKind,
    EngagementStatus,
    FollowUpStatus,
    LinkOfficer,
    Member,
)
from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import Role, User
from corporate_parenting.years import political_year_for, political_year_starting

if TYPE_CHECKING:
    from events.models import Event

MEMBER_FIELDS = (
    "ward",
    "party",
    "phone",
    "dbs_status",
    "dbs_cleared_on",
    "training_completed_on",
)
AREA_FIELDS = ("name", "description", "current_issues")
ENGAGEMENT_FIELDS = (
    "date",
    "kind",
    "area",
    "event",
    "event_title",
    "what_we_did",
    "young_people_said",
    "follow_up_requested",
    "young_people_count",
)


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
    if not officer.has_role(Role.OFFICER):
        raise ValidationError({"officer": "Choose someone with the officer role"})
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
def appointment_end(*, actor: User | None, appointment: Appointment) -> None:
    """Remove an appointment (made in error, or the member stood down)."""
    area, member = appointment.area, appointment.member
    label = political_year_starting(appointment.start_year).label
    appointment.delete()
    audit_record(
        actor=actor, instance=area, action="ended appointment", note=f"{member} for {label}"
    )
    audit_record(actor=actor, instance=member, action="ended appointment", note=f"{area}, {label}")


# Engagements -------------------------------------------------------------------------------


def _validate_engagement(member: Member, values: dict[str, object], *, submitting: bool) -> None:
    errors: dict[str, str] = {}
    day = values.get("date")
    if not isinstance(day, date):
        errors["date"] = "Enter the date of the engagement"
    elif day > timezone.localdate():
        errors["date"] = "The date must be today or in the past"
    count = values.get("young_people_count")
    if count is None or not isinstance(count, int) or count < 0:
        errors["young_people_count"] = "Enter the number of young people as 0 or more"
    if values.get("kind") not in EngagementKind.values:
        errors["kind"] = "Choose what kind of engagement it was"
    area = values.get("area")
    if area is None:
        if submitting:
            errors["area"] = "Choose the area this engagement was for"
    elif isinstance(day, date) and "date" not in errors:
        year = political_year_for(day)
        if not Appointment.objects.filter(
            member=member, area=area, start_year=year.start_year
        ).exists():
            errors["area"] = (
                f"You are not a champion of {area} in {year.label}: choose one of your areas"
            )
    if errors:
        raise ValidationError(errors)


def _follow_up_status_for(engagement: Engagement) -> str:
    if not engagement.follow_up_requested.strip():
        return FollowUpStatus.NONE
    return engagement.follow_up_status or FollowUpStatus.OPEN


@transaction.atomic
def engagement_log(*, member: Member, submit: bool, **values: object) -> Engagement:
    """A new engagement, saved as a draft or submitted. Counts towards the target once submitted."""
    unknown = set(values) - set(ENGAGEMENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown engagement fields: {sorted(unknown)}")
    values.setdefault("young_people_count", 0)
    _validate_engagement(member, values, submitting=submit)
    engagement = Engagement(
        member=member,
        status=EngagementStatus.SUBMITTED if submit else EngagementStatus.DRAFT,
        **values,
    )
    if engagement.event_id and not engagement.event_title:
        engagement.event_title = engagement.event.title[:200]
    engagement.follow_up_status = _follow_up_status_for(engagement) if submit else ""
    engagement.full_clean()
    engagement.save()
    return engagement


@transaction.atomic
def engagement_update(*, engagement: Engagement, submit: bool, **values: object) -> Engagement:
    """The champion changes their own entry; a draft may be submitted, a submitted one stays so."""
    unknown = set(values) - set(ENGAGEMENT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown engagement fields: {sorted(unknown)}")
    merged = {name: getattr(engagement, name) for name in ENGAGEMENT_FIELDS} | values
    submitting = submit or not engagement.is_draft
    _validate_engagement(engagement.member, merged, submitting=submitting)
    for name, value in values.items():
        setattr(engagement, name, value)
    if submitting:
        engagement.status = EngagementStatus.SUBMITTED
        if engagement.follow_up_status != FollowUpStatus.DONE:
            engagement.follow_up_status = _follow_up_status_for(engagement)
    engagement.full_clean()
    engagement.save()
    return engagement


@transaction.atomic
def engagement_delete_draft(*, engagement: Engagement) -> None:
    if not engagement.is_draft:
        raise ValidationError("Only a draft can be deleted")
    engagement.delete()


@transaction.atomic
def engagement_respond(
    *,
    engagement: Engagement,
    officer: User,
    response: str,
    follow_up_status: str,
    show_in_you_said_we_did: bool = False,
) -> Engagement:
    """An officer answers a follow-up. Only a done follow-up can go in "You said, we did"."""
    errors: dict[str, str] = {}
    if engagement.is_draft or not engagement.follow_up_status:
        raise ValidationError("This engagement has no follow-up to respond to")
    if follow_up_status not in (
        FollowUpStatus.OPEN,
        FollowUpStatus.IN_PROGRESS,
        FollowUpStatus.DONE,
    ):
        errors["follow_up_status"] = "Choose open, in progress or done"
    if follow_up_status == FollowUpStatus.DONE and not response.strip():
        errors["follow_up_response"] = "Enter what was done before marking the follow-up done"
    if show_in_you_said_we_did and follow_up_status != FollowUpStatus.DONE:
        errors["show_in_you_said_we_did"] = 'Only a done follow-up can go in "You said, we did"'
    if show_in_you_said_we_did and not engagement.young_people_said.strip():
        errors["show_in_you_said_we_did"] = (
            '"You said, we did" needs what young people said: this engagement has none'
        )
    if errors:
        raise ValidationError(errors)
    engagement.follow_up_response = response.strip()
    engagement.follow_up_status = follow_up_status
    engagement.show_in_you_said_we_did = show_in_you_said_we_did
    engagement.responded_by = officer
    engagement.responded_at = timezone.now()
    engagement.full_clean()
    engagement.save()
    return engagement


@transaction.atomic
def engagement_draft_from_event(
    *,
    member: Member,
    event_title: str,
    on: date,
    area: ChampionArea | None,
    event: Event | None = None,
) -> Engagement:
    """A draft engagement for a member who attended an event; the member completes and submits it.

    When no area is given and the member champions exactly one area that year, it is used.
    """
    if area is None:
        areas = list(ChampionArea.objects.championed_by(member, political_year_for(on))[:2])
        area = areas[0] if len(areas) == 1 else None
    engagement = Engagement(
        member=member,
        area=area,
        date=on,
        kind=EngagementKind.EVENT,
        event=event,
        event_title=event_title[:200],
        status=EngagementStatus.DRAFT,
    )
    engagement.full_clean()
    engagement.save()
    return engagement


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
