"""Reads about people: the list with what the list shows, and each person's status."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from corporate_parenting.models import Duty, Invitation, Role, User


class Status:
    ACTIVE = "Active"
    INVITED = "Invited"
    NOT_ACCEPTED = "Invitation not accepted"
    NO_PASSWORD = "No password yet"  # noqa: S105 (a status label, not a password)
    DEACTIVATED = "Deactivated"

    @classmethod
    def tag_class(cls, status: str) -> str:
        """The colour a status is tagged in: green active, blue invited, grey closed, and yellow
        for an account that needs the admin (no password, or an invitation not accepted)."""
        colours = {
            cls.ACTIVE: "govuk-tag--green",
            cls.INVITED: "govuk-tag--blue",
            cls.DEACTIVATED: "govuk-tag--grey",
        }
        return colours.get(status, "govuk-tag--yellow")


def people() -> QuerySet[User]:
    """Everyone, with their roles, duties and whether a link of theirs still works."""
    return User.objects.annotate(
        invitation_open=Exists(Invitation.objects.open().filter(user=OuterRef("pk")))
    ).prefetch_related(
        Prefetch("groups", queryset=Group.objects.filter(name__in=Role.values).order_by("name")),
        Prefetch("duties", queryset=Duty.objects.order_by("kind")),
    )


def person_status(user: User) -> str:
    """One word or two for where a person stands; the same on the list and their page."""
    open_link = getattr(user, "invitation_open", None)
    if open_link is None:
        open_link = Invitation.objects.filter(user=user).open().exists()
    if user.is_active and user.has_usable_password():
        return Status.ACTIVE
    if open_link:
        return Status.INVITED
    if not user.has_usable_password():
        return Status.NO_PASSWORD if user.is_active else Status.NOT_ACCEPTED
    return Status.DEACTIVATED


def role_labels(user: User) -> list[str]:
    """The person's roles as words, from the prefetched groups when there are some."""
    names = {group.name for group in user.groups.all()}
    return [Role(role).label for role in Role.values if role in names]


def duty_labels(user: User) -> list[str]:
    return [duty.get_kind_display() for duty in user.duties.all()]
