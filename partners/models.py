"""Partner organisations (the NHS trust, the police, the college) that share the council's
corporate parenting duty, and the people who represent them in the portal.

A representative signs in with the partner role (Role.PARTNER): they see their organisation's
pages and the public pages, and the papers of the bodies they sit on; never people's records,
the audit trail, the reminders ledger or champions' engagements.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from corporate_parenting.models import BaseModel


class OrganisationKind(models.TextChoices):
    NHS = "nhs", "NHS"
    POLICE = "police", "Police"
    EDUCATION = "education", "Education"
    EMPLOYMENT = "employment", "Employment and benefits"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary sector"
    BUSINESS = "business", "Business"
    OTHER = "other", "Other"


class PartnerOrganisationQuerySet(models.QuerySet["PartnerOrganisation"]):
    def current(self) -> PartnerOrganisationQuerySet:
        """Organisations that are partners now (not left)."""
        return self.filter(left_on__isnull=True)

    def of(self, user: object) -> PartnerOrganisationQuerySet:
        """The organisation a partner representative speaks for (none for anyone else)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(representatives__user=user)


class PartnerOrganisation(BaseModel):
    """An organisation that is a corporate parent with the council, or works with it as one.
    Kept by admins; an organisation that stops being a partner has left, never deleted."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Short name used in web addresses."
    )
    kind = models.CharField(max_length=12, choices=OrganisationKind.choices)
    is_statutory = models.BooleanField(
        "statutory corporate parent",
        default=False,
        help_text="A corporate parent in law (Children's Wellbeing and Schools Act 2026).",
    )
    about = models.TextField(blank=True)
    website = models.URLField(max_length=300, blank=True)
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(max_length=254, blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    left_on = models.DateField(null=True, blank=True)

    objects = PartnerOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"slug": self.slug})

    @property
    def has_left(self) -> bool:
        return self.left_on is not None


class Representative(BaseModel):
    """A person who speaks for a partner organisation in the portal (one organisation each)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_representative"
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="representatives"
    )
    job_title = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ("organisation", "user__full_name")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"
