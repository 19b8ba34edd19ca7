"""Bodies that meet, and the people who sit on them with their roles."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel
from panels.querysets import BodyQuerySet


class NumberingStyle(models.TextChoices):
    PREFIX = "prefix", "A prefix and a number, like CPP20"
    PARAGRAPHS = "paragraphs", "Plain numbers with numbered paragraphs, like 17.1 and 17.2"


class BodyKind(models.TextChoices):
    PANEL = "panel", "Panel or board"
    CHILDREN_IN_CARE_COUNCIL = "children_in_care_council", "Children in Care Council"
    CARE_LEAVERS_FORUM = "care_leavers_forum", "Care leavers' forum"


# Bodies of young people: every member is shown by the role alone, never by name.
YOUNG_PEOPLES_KINDS = frozenset({BodyKind.CHILDREN_IN_CARE_COUNCIL, BodyKind.CARE_LEAVERS_FORUM})


class Body(BaseModel):
    """A panel, board or council that meets: the Corporate Parenting Panel, the Care Leavers Board,
    or a body of young people (the Children in Care Council, the care leavers' forum)."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(
        max_length=30,
        choices=BodyKind.choices,
        default=BodyKind.PANEL,
        help_text="A body of young people shows its members by their role only, never by name.",
    )
    description = models.TextField(blank=True)
    numbering_style = models.CharField(
        max_length=12, choices=NumberingStyle.choices, default=NumberingStyle.PREFIX
    )
    minute_prefix = models.CharField(
        max_length=10,
        blank=True,
        help_text="Letters before each minute number, like CPP. Only for the prefix style.",
    )
    is_public = models.BooleanField(
        default=False, help_text="Published agendas and approved minutes can be read by anyone."
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clerked_bodies",
    )
    report_deadline_days = models.PositiveSmallIntegerField(
        default=15, help_text="How many days before a meeting its reports are due with the clerk."
    )
    quorum = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many members must be present for the meeting to go ahead: printed on the "
        "front sheet of the agenda pack.",
    )
    first_minute_number = models.PositiveIntegerField(
        default=1,
        help_text="The first minute number of the year given below, for a body that moves to "
        "the portal part way through a municipal year.",
    )
    first_minute_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The year the municipal year to which the first minute number applies starts "
        "in, like 2025 for 2025 to 2026.",
    )

    # The clerk's act that makes a public body's work programme public (titles and months).
    work_programme_published_at = models.DateTimeField(null=True, blank=True)
    work_programme_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.numbering_style == NumberingStyle.PREFIX and not self.minute_prefix:
            raise ValidationError({"minute_prefix": "Enter the minute prefix, like CPP"})

    def get_absolute_url(self) -> str:
        return reverse("panels:body_detail", kwargs={"slug": self.slug})

    @property
    def is_young_peoples(self) -> bool:
        """A body of young people (the Children in Care Council, the care leavers' forum)."""
        return self.kind in YOUNG_PEOPLES_KINDS


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-Chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted member"
    YOUNG_PEOPLE = "young_people", "Young people's representative"


# Roles the public sees by the role alone, never a name: young people's details are never
# published (public pages, the public pack, the public minutes and statistics).
ROLE_ONLY = frozenset({MemberRole.YOUNG_PEOPLE})


class Membership(BaseModel):
    """A seat on a body, with its role: held by a person who signs in, or a seat without an
    account named by what it is ("Children in Care Council representative")."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="panel_memberships",
    )
    seat_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="For a seat without an account: what the seat is, like Children in Care "
        "Council representative. A role, never a person's name.",
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ("body", "user__full_name", "seat_name", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("body", "user"),
                condition=models.Q(user__isnull=False),
                name="panels_one_membership_per_body",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(seat_name=""),
                name="panels_membership_person_or_seat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_role_display()}, {self.body})"

    @property
    def is_seat(self) -> bool:
        """A seat without an account: nobody signs in for it, nothing is e-mailed to it."""
        return self.user_id is None

    @property
    def is_role_only(self) -> bool:
        """Shown by the role alone, never a name: a young people's representative (ROLE_ONLY),
        and every member of a body of young people."""
        return self.role in ROLE_ONLY or self.body.is_young_peoples

    @property
    def role_label(self) -> str:
        """What a role-only member is called: the seat's name, or the role."""
        return self.seat_name or self.get_role_display()

    @property
    def display_name(self) -> str:
        """The name every page, the minutes, the pack and the statistics print: the person's
        name, the seat's name for a seat without an account, the role for a role-only member."""
        if self.is_role_only:
            return self.role_label
        if self.user is None:
            return self.seat_name
        return self.user.full_name or self.user.email

    @property
    def sort_name(self) -> str:
        return self.display_name.lower()

    @property
    def public_name(self) -> str:
        """The name the public may read: none for a role-only member (their role says who they
        are), a seat's name for a seat without an account."""
        if self.is_role_only:
            return ""
        return self.seat_name if self.user is None else self.user.full_name
