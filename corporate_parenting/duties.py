"""Officers' duties as data: who is a link officer, a report author or sponsor, a clerk, a KPI
owner or an offer review lead.

Pick-lists and reminders ask here, never a setting or a constant:

    people_with_duty(DutyKind.REPORT_SPONSOR)   # active people holding it, by name
    has_duty(request.user, DutyKind.OFFER_REVIEW_LEAD)

Only admins grant and revoke a duty; each change is in the audit trail.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet

from corporate_parenting.audit import audit_record
from corporate_parenting.models import Duty, DutyKind, Role, User

__all__ = ["DutyKind", "duty_grant", "duty_kinds", "duty_revoke", "has_duty", "people_with_duty"]


def _check_kind(kind: str) -> None:
    if kind not in DutyKind.values:
        raise ValidationError({"kind": "Choose a duty from the list"})


def people_with_duty(kind: str) -> QuerySet[User]:
    """Active people who hold this duty, ordered by full name. Deactivated people are left out."""
    return User.objects.filter(is_active=True, duties__kind=kind).order_by("full_name", "email")


def admins() -> list[User]:
    """The active admins: who gets what nobody holds a duty for."""
    return list(User.objects.filter(groups__name=Role.ADMIN, is_active=True).distinct())


def duty_kinds(user: User | AnonymousUser | None) -> frozenset[str]:
    """The duties this person holds, read once per user object; none for anonymous or inactive."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_duty_kinds", None)
    if cached is None:
        cached = frozenset(Duty.objects.filter(user=user).values_list("kind", flat=True))
        user._duty_kinds = cached
    return cached


def has_duty(user: User | AnonymousUser | None, kind: str) -> bool:
    """Whether this person holds the duty. False for anonymous and deactivated people."""
    return kind in duty_kinds(user)


def _forget(user: User) -> None:
    if hasattr(user, "_duty_kinds"):
        del user._duty_kinds


def _require_admin(actor: User | None) -> None:
    if actor is None or not actor.is_authenticated or not actor.is_portal_admin:
        raise PermissionDenied("Only an admin can change a person's duties")


@transaction.atomic
def duty_grant(*, actor: User | None, user: User, kind: str, job_title: str = "") -> Duty:
    """Give a person a duty (or change the job title printed with one they hold)."""
    _require_admin(actor)
    _check_kind(kind)
    job_title = job_title.strip()
    if len(job_title) > Duty._meta.get_field("job_title").max_length:  # type: ignore[operator]  # CharField has a max_length
        raise ValidationError({"job_title": "Enter a job title of 150 characters or fewer"})
    duty, created = Duty.objects.get_or_create(
        user=user, kind=kind, defaults={"job_title": job_title}
    )
    if created:
        audit_record(
            actor=actor,
            instance=user,
            action="duty granted",
            changes={"duty": [None, duty.get_kind_display()], "job_title": [None, job_title]},
        )
    elif duty.job_title != job_title:
        before = duty.job_title
        duty.job_title = job_title
        duty.save(update_fields=["job_title", "updated_at"])
        audit_record(
            actor=actor,
            instance=user,
            action="duty changed",
            changes={"job_title": [before, job_title]},
            note=duty.get_kind_display(),
        )
    _forget(user)
    return duty


@transaction.atomic
def duty_revoke(*, actor: User | None, user: User, kind: str) -> None:
    """Take a duty away. Records made while they held it keep their name."""
    _require_admin(actor)
    _check_kind(kind)
    deleted, _ = Duty.objects.filter(user=user, kind=kind).delete()
    if deleted:
        audit_record(
            actor=actor,
            instance=user,
            action="duty revoked",
            changes={"duty": [DutyKind(kind).label, None]},
        )
    _forget(user)
