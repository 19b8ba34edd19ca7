"""Partner organisations (the NHS trust, the police, the college) that share the council's
corporate parenting duty, and the people who represent them in the portal.

A representative signs in with the partner role (Role.PARTNER): they see their organisation's
pages and the public pages, and the papers of the bodies they sit on; never people's records,
the audit trail, the reminders ledger or champions' engagements.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

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

    def public(self) -> PartnerOrganisationQuerySet:
        """Every organisation is public (its name, kind, what it does and its made pledges);
        its contact and its representatives are not."""
        return self.all()

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
    board = models.ForeignKey(
        "panels.Body",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_organisations",
        verbose_name="the board it answers to",
        help_text="Its late pledges are a standing item on this body's agendas, and the body's "
        "public page lists it.",
    )
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


class ForWhom(models.TextChoices):
    CHILDREN_IN_CARE = "children_in_care", "Children in care"
    CARE_LEAVERS = "care_leavers", "Care leavers"
    BOTH = "both", "Children in care and care leavers"


class PledgeStatus(models.TextChoices):
    """Decided by one rule, PledgeQuerySet.with_status()."""

    DRAFT = "draft", "Draft"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    LATE = "late", "Late"
    DONE = "done", "Done"


# A pledge's progress is reported at least each quarter: a pledge with nothing reported for longer
# than this is at risk.
QUARTER = datetime.timedelta(days=92)

STATUS_TAG = {
    PledgeStatus.DRAFT: "govuk-tag--grey",
    PledgeStatus.ON_TRACK: "govuk-tag--green",
    PledgeStatus.AT_RISK: "govuk-tag--yellow",
    PledgeStatus.LATE: "govuk-tag--red",
    PledgeStatus.DONE: "govuk-tag--blue",
}


class PledgeQuerySet(models.QuerySet["Pledge"]):
    def made(self) -> PledgeQuerySet:
        """Pledges the organisation has made (the recorded act): the Board and the public
        read these; a draft is its organisation's and the council staff's only."""
        return self.filter(made_at__isnull=False)

    def public(self) -> PledgeQuerySet:
        """What the public reads: made pledges of organisations that are partners now or were."""
        return self.made()

    def visible_to(self, user: object) -> PledgeQuerySet:
        """Staff see every pledge; a representative their organisation's (drafts too) and
        other organisations' made ones; councillors made ones."""
        if not getattr(user, "is_authenticated", False):
            return self.public()
        if user.is_council_staff:  # type: ignore[attr-defined]
            return self
        if user.is_partner:  # type: ignore[attr-defined]
            # The organisation as a subquery: a join through its representatives would give a
            # made pledge once per representative.
            own = PartnerOrganisation.objects.of(user).values("pk")
            return self.filter(models.Q(made_at__isnull=False) | models.Q(organisation__in=own))
        return self.made()

    def with_last_report(self) -> PledgeQuerySet:
        latest = ProgressUpdate.objects.filter(pledge=models.OuterRef("pk")).order_by(
            "-reported_on", "-pk"
        )
        return self.annotate(
            last_reported_on=models.Subquery(latest.values("reported_on")[:1]),
            last_at_risk=models.Subquery(latest.values("at_risk")[:1]),
        )

    def with_status(self, today: datetime.date | None = None) -> PledgeQuerySet:
        """The one rule for a pledge's status, as `status`: a draft until made; done once
        marked done; late when its date has passed; at risk when its representative last said
        so, or nothing has been reported for more than a quarter; on track otherwise."""
        today = today or timezone.localdate()
        quiet_since = today - QUARTER
        return self.with_last_report().annotate(
            status=models.Case(
                models.When(made_at__isnull=True, then=models.Value(PledgeStatus.DRAFT)),
                models.When(done_on__isnull=False, then=models.Value(PledgeStatus.DONE)),
                models.When(due_on__lt=today, then=models.Value(PledgeStatus.LATE)),
                models.When(
                    models.Q(last_at_risk=True)
                    | models.Q(last_reported_on__lt=quiet_since)
                    | models.Q(last_reported_on__isnull=True, made_at__date__lt=quiet_since),
                    then=models.Value(PledgeStatus.AT_RISK),
                ),
                default=models.Value(PledgeStatus.ON_TRACK),
                output_field=models.CharField(),
            )
        )

    def late(self, today: datetime.date | None = None) -> PledgeQuerySet:
        return self.with_status(today).filter(status=PledgeStatus.LATE)  # type: ignore[misc]  # annotated by with_status

    def standing_item(self, meeting: object) -> PledgeQuerySet:
        """The standing item on a meeting still to come: the late pledges of the organisations
        answering to its body (a held meeting's papers keep what they said, so none)."""
        today = timezone.localdate()
        if meeting.date < today:  # type: ignore[attr-defined]  # meeting is a panels Meeting
            return self.none()
        return (
            self.made()
            .late(today)
            .filter(organisation__board_id=meeting.body_id)  # type: ignore[attr-defined]  # as above
            .select_related("organisation")
            .order_by("organisation__name", "due_on", "pk")
        )

    def in_year(self, start_year: int) -> PledgeQuerySet:
        return self.filter(year=start_year)


class Pledge(BaseModel):
    """What a partner organisation commits to do for children in care or care leavers in a
    year, how it will show its progress and by when."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="pledges"
    )
    year = models.PositiveSmallIntegerField(help_text="The political year it starts in.")
    what = models.TextField("what we will do")
    for_whom = models.CharField(max_length=20, choices=ForWhom.choices)
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    how_shown = models.TextField("how progress will be shown")
    due_on = models.DateField("done by")
    principle = models.ForeignKey(
        "voice.Principle", on_delete=models.PROTECT, related_name="pledges"
    )
    made_at = models.DateTimeField(null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_on = models.DateField(null=True, blank=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ("organisation", "due_on", "pk")

    def __str__(self) -> str:
        return self.what if len(self.what) <= 80 else f"{self.what[:77]}..."

    def get_absolute_url(self) -> str:
        return reverse("partners:pledge_detail", kwargs={"pk": self.pk})

    @property
    def is_made(self) -> bool:
        return self.made_at is not None

    @property
    def ages(self) -> str:
        if self.age_from is not None and self.age_to is not None:
            return f"aged {self.age_from} to {self.age_to}"
        if self.age_from is not None:
            return f"aged {self.age_from} and over"
        if self.age_to is not None:
            return f"aged up to {self.age_to}"
        return ""

    @property
    def status_label(self) -> str:
        """The status PledgeQuerySet.with_status() gave this row, as words."""
        return PledgeStatus(self.status).label  # type: ignore[attr-defined]

    @property
    def status_tag(self) -> str:
        return STATUS_TAG[PledgeStatus(self.status)]  # type: ignore[attr-defined]


def evidence_upload_to(update: ProgressUpdate, filename: str) -> str:
    return f"partners/evidence/{update.pledge_id}/{filename}"


class ProgressUpdate(BaseModel):
    """What a representative reports of a pledge: words always; a figure, a link and a file
    (a PDF, read by the council's people and the organisation only) when they have them."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField()
    summary = models.TextField("progress")
    figure = models.CharField(max_length=100, blank=True)
    link = models.URLField(max_length=300, blank=True)
    file = models.FileField(upload_to=evidence_upload_to, blank=True)
    file_name = models.CharField(max_length=120, blank=True)
    at_risk = models.BooleanField(default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("pledge", "-reported_on", "-pk")

    def __str__(self) -> str:
        return f"Progress on {self.reported_on:%-d %B %Y}"


class SelfAssessment(BaseModel):
    """Once a year, an organisation's account of how it meets the corporate parenting duty:
    the four questions of the duty, with its evidence. Completing it (the recorded act) puts it
    in the Board's compiled self-assessments."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="self_assessments"
    )
    year = models.PositiveSmallIntegerField(help_text="The political year it starts in.")
    staying_alert = models.TextField(
        "how we stay alert to what affects children in care and care leavers", blank=True
    )
    services_assessed = models.TextField(
        "which of our services we have assessed for them, and what we found", blank=True
    )
    opportunities = models.TextField("the opportunities we offer them", blank=True)
    helping_use = models.TextField("how we help them use our services", blank=True)
    evidence = models.TextField("our evidence", blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-year", "organisation__name")
        constraints = [
            models.UniqueConstraint(
                fields=("organisation", "year"), name="partners_one_self_assessment_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: self-assessment {self.year}"

    def get_absolute_url(self) -> str:
        return reverse(
            "partners:self_assessment",
            kwargs={"slug": self.organisation.slug, "year": self.year},
        )

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def answers(self) -> list[tuple[str, str]]:
        """(question, answer) in the order the duty asks them."""
        return [
            (question, getattr(self, field)) for field, question, _ in SELF_ASSESSMENT_QUESTIONS
        ]


# The questions, in the order the duty asks them: (field, question, hint).
SELF_ASSESSMENT_QUESTIONS = (
    (
        "staying_alert",
        "How do you stay alert to what affects children in care and care leavers?",
        "How you find out what matters to them and what gets in their way: data you look at, "
        "who you listen to.",
    ),
    (
        "services_assessed",
        "Which of your services have you assessed for them, and what did you find?",
        "What you looked at this year and what you changed as a result.",
    ),
    (
        "opportunities",
        "What opportunities do you offer them?",
        "Jobs, apprenticeships, placements, bursaries, activities.",
    ),
    (
        "helping_use",
        "How do you help them use your services?",
        "Named contacts, priority access, help with forms, outreach.",
    ),
    (
        "evidence",
        "Your evidence",
        "What shows this: figures, reports, links. Never a young person's name or details.",
    ),
)


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for the offer editor"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class OfferProposalQuerySet(models.QuerySet["OfferProposal"]):
    def waiting(self) -> OfferProposalQuerySet:
        return self.filter(status=ProposalStatus.PROPOSED)


class OfferProposal(BaseModel):
    """An entry for the care leaver offer that a partner provides (or a change to one), as the
    partner wrote it. The offer editor approves it into an entry (who provides it is recorded
    on the entry) or declines it with a reason."""

    organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, related_name="offer_proposals"
    )
    entry = models.ForeignKey(
        "offer.OfferEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text="The entry it changes, or the entry made from it once approved.",
    )
    is_change = models.BooleanField(default=False, help_text="A change to an entry it provides.")
    category = models.ForeignKey("offer.OfferCategory", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300)
    details = models.TextField(blank=True)
    how_to_get = models.TextField("how to get it", blank=True)
    age_from = models.PositiveSmallIntegerField("from age", default=16)
    age_to = models.PositiveSmallIntegerField("to age", default=25)
    contact_phone = models.CharField("phone", max_length=30, blank=True)
    link_url = models.URLField("web link", max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)

    objects = OfferProposalQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partners:proposal_detail", kwargs={"pk": self.pk})

    @property
    def is_waiting(self) -> bool:
        return self.status == ProposalStatus.PROPOSED


# What a proposal carries over to an offer entry, field for field.
PROPOSAL_FIELDS = (
    "category",
    "title",
    "summary",
    "details",
    "how_to_get",
    "age_from",
    "age_to",
    "contact_phone",
    "link_url",
)
