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
    kind: str = "panel",
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
        kind=kind,
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
    "kind",
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
    body, who = membership.body, membership.display_name
    membership.delete()
    audit_record(actor=actor, instance=body, action="member removed", note=who)


SEAT_NAME_MAX = 150


@transaction.atomic
def membership_set(
    *, actor: User | None, body: Body, role: str, user: User | None = None, seat_name: str = ""
) -> Membership:
    """A person's seat on a body (their role changed if they sit already), or a seat without an
    account, named by what it is (a Children in Care Council representative): one or the other."""
    if role not in MemberRole.values:
        raise ValidationError({"role": "Choose a role on the body"})
    seat_name = " ".join(seat_name.split())
    if user is not None and seat_name:
        raise ValidationError(
            {"seat_name": "Choose a person or give the name of a seat without an account, not both"}
        )
    if user is None and not seat_name:
        raise ValidationError(
            {"user": "Choose the councillor to add, or give the name of a seat without an account"}
        )
    if len(seat_name) > SEAT_NAME_MAX:
        raise ValidationError(
            {"seat_name": f"Keep the name of the seat to {SEAT_NAME_MAX} characters or fewer"}
        )
    if user is not None:
        membership, created = Membership.objects.update_or_create(
            body=body, user=user, defaults={"role": role}
        )
    else:
        membership = Membership.objects.create(body=body, seat_name=seat_name, role=role)
        created = True
    audit_record(
        actor=actor,
        instance=body,
        action="member added" if created else "member role changed",
        note=f"{membership.display_name}: {membership.get_role_display()}",
    )
    return membership


def members_of(body: Body) -> QuerySet[User]:
    """The people who sit on the body with an account (seats without one are not people to
    choose, e-mail or remind)."""
    return User.objects.filter(panel_memberships__body=body).order_by("full_name")


def seats_of(body: Body) -> QuerySet[Membership]:
    """The body's seats without an account, like a Children in Care Council representative."""
    return body.memberships.filter(user__isnull=True).order_by("seat_name", "pk")


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
