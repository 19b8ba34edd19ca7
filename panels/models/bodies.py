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


class Body(BaseModel):
    """A panel, board or council that meets: the Corporate Parenting Panel, the Care Leavers Board."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
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
    """A person who sits on a body, with their role on it."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_memberships"
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)

    class Meta:
        ordering = ("body", "user__full_name")
        constraints = [
            models.UniqueConstraint(fields=("body", "user"), name="panels_one_membership_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.body})"

    @property
    def public_name(self) -> str:
        """The name the public may read: none for a role shown by the role alone (ROLE_ONLY)."""
        return "" if self.role in ROLE_ONLY else self.user.full_name
