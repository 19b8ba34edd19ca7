"""Bodies and who sits on them; where a body's minute numbers start."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from corporate_parenting.audit import audit_record, changes_between, snapshot
from corporate_parenting.models import User
from panels.models import Body, MemberRole, Membership


@transaction.atomic
def body_create(
    *,
    actor: User | None,
    name: str,
    slug: str,
    numbering_style: str = "prefix",
    minute_prefix: str = "",
    is_public: bool = False,
    clerk: User | None = None,
    description: str = "",
    report_deadline_days: int = 15,
    first_minute_number: int | None = None,
    first_minute_year: int | None = None,
    quorum: int | None = None,
) -> Body:
    _check_first_minute(first_minute_number, first_minute_year)
    body = Body(
        name=name,
        slug=slug,
        numbering_style=numbering_style,
        minute_prefix=minute_prefix,
        is_public=is_public,
        clerk=clerk,
        description=description,
        report_deadline_days=report_deadline_days,
        first_minute_number=first_minute_number or 1,
        first_minute_year=first_minute_year,
        quorum=quorum,
    )
    body.full_clean()
    body.save()
    audit_record(actor=actor, instance=body, action="created")
    return body


BODY_FIELDS = (
    "name",
    "slug",
    "numbering_style",
    "minute_prefix",
    "is_public",
    "clerk",
    "report_deadline_days",
    "first_minute_number",
    "first_minute_year",
    "quorum",
)


@transaction.atomic
def body_update(*, actor: User | None, body: Body, **fields: object) -> Body:
    unknown = set(fields) - set(BODY_FIELDS)
    if unknown:
        raise ValueError(f"Not a body detail: {', '.join(sorted(unknown))}")
    body = Body.objects.select_for_update().get(pk=body.pk)
    if "first_minute_number" in fields or "first_minute_year" in fields:
        # A body that never chose its first number keeps the default 1 with no year.
        chosen = body.first_minute_number if body.first_minute_year is not None else None
        number = fields.get("first_minute_number", chosen)
        year = fields.get("first_minute_year", body.first_minute_year)
        _check_first_minute(number, year)  # type: ignore[arg-type]  # **fields values are typed object; here an int or None
        fields["first_minute_number"] = number or 1
    before = snapshot(body, fields)
    for name, value in fields.items():
        setattr(body, name, value)
    body.full_clean()
    body.save()
    audit_record(
        actor=actor,
        instance=body,
        action="details changed",
        changes=changes_between(before, snapshot(body, fields)),
    )
    return body


@transaction.atomic
def membership_remove(*, actor: User | None, membership: Membership) -> None:
    body, user = membership.body, membership.user
    membership.delete()
    audit_record(actor=actor, instance=body, action="member removed", note=str(user))


@transaction.atomic
def membership_set(*, actor: User | None, body: Body, user: User, role: str) -> Membership:
    if role not in MemberRole.values:
        raise ValidationError({"role": "Choose a role on the body"})
    membership, created = Membership.objects.update_or_create(
        body=body, user=user, defaults={"role": role}
    )
    audit_record(
        actor=actor,
        instance=body,
        action="member added" if created else "member role changed",
        note=f"{user}: {membership.get_role_display()}",
    )
    return membership


def members_of(body: Body) -> QuerySet[User]:
    return User.objects.filter(panel_memberships__body=body).order_by("full_name")


def _check_first_minute(number: int | None, year: int | None) -> None:
    """A body joining the portal part way through a municipal year gives both the number its
    minutes continue from and the year that starts in; neither means minutes start at 1."""
    errors = {}
    if number is not None and number < 1:
        errors["first_minute_number"] = "Enter a minute number of 1 or more"
    elif number is not None and year is None:
        errors["first_minute_year"] = (
            f"Enter the year in which the municipal year starting at minute {number} begins, "
            "like 2025 for 2025 to 2026"
        )
    if year is not None and not 2000 <= year <= 2100:
        errors["first_minute_year"] = "Enter the year as four digits, like 2025"
    elif year is not None and number is None:
        errors["first_minute_number"] = (
            f"Enter the first minute number for the municipal year starting in {year}"
        )
    if errors:
        raise ValidationError(errors)
