"""Demo partner organisations: an NHS trust whose representative signs in as
partner@example.org, and a police force and a college without sign-ins. All invented, and
each says so on its page.

Safe to run again: nothing is duplicated and nothing a user changed is reset.
"""

from __future__ import annotations

import datetime
from typing import TextIO

from django.utils import timezone

from corporate_parenting.models import User
from corporate_parenting.years import current_political_year
from offer.models import OfferCategory
from panels.models import Body
from partners.models import (
    ForWhom,
    OfferProposal,
    OrganisationKind,
    PartnerOrganisation,
    Pledge,
    ProgressUpdate,
    Representative,
    SelfAssessment,
)
from voice.models import Principle

INVENTED = " (An invented organisation, for the demonstration.)"

ORGANISATIONS = (
    (
        "northfield-health",
        "Northfield Health NHS Foundation Trust",
        OrganisationKind.NHS,
        True,
        "Health assessments for children in care, and free prescriptions and a named nurse "
        "for care leavers up to 25.",
        ("Jamie Rowe", "cla.health@northfield-health.example.nhs.uk", "01632 960111"),
    ),
    (
        "northfield-police",
        "Northfield Constabulary",
        OrganisationKind.POLICE,
        True,
        "A named officer for each children's home, and a protocol to keep children in care "
        "out of the criminal justice system.",
        ("Inspector Sam Hale", "partnerships@northfield-police.example.police.uk", ""),
    ),
    (
        "eastbrook-college",
        "Eastbrook College",
        OrganisationKind.EDUCATION,
        True,
        "A bursary, a named tutor and a guaranteed interview for care leavers.",
        ("Rae Holt", "student.support@eastbrook.example.ac.uk", ""),
    ),
)
REPRESENTATIVE = (
    "partner@example.org",
    "northfield-health",
    "Designated Nurse for Children in Care",
)


def load(stdout: TextIO) -> None:
    made = 0
    # The trust and the police answer to the demo panel (when the panels' demo made it).
    board = Body.objects.filter(slug="corporate-parenting-panel").first()
    for slug, name, kind, statutory, about, (contact, email, phone) in ORGANISATIONS:
        _, created = PartnerOrganisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "is_statutory": statutory,
                "about": about + INVENTED,
                "contact_name": contact,
                "contact_email": email,
                "contact_phone": phone,
                "board": board if slug != "eastbrook-college" else None,
            },
        )
        made += created
    email, slug, job_title = REPRESENTATIVE
    user = User.objects.filter(email=email).first()
    if user is not None:  # the demo sign-ins are loaded only with DEBUG on or --with-users
        Representative.objects.get_or_create(
            user=user,
            defaults={
                "organisation": PartnerOrganisation.objects.get(slug=slug),
                "job_title": job_title,
            },
        )
    pledges = _load_pledges(user)
    load_self_assessment(user)
    load_proposal(user)
    stdout.write(f"Partners: {made} organisations and {pledges} pledges added.")


# The NHS trust's pledges, one in each state: (what, for whom, ages, how shown, principle,
# made days ago or None for a draft, due in days, done days ago, progress (days ago, words,
# figure, at risk)).
PLEDGES = (
    (
        "Free prescriptions for every care leaver registered with a GP, up to 25.",
        ForWhom.CARE_LEAVERS,
        (18, 25),
        "Exemption certificates issued, counted each quarter.",
        "a",
        120,
        150,
        None,
        (
            (
                20,
                "Certificates issued at every leaving care review since April.",
                "41 issued",
                False,
            ),
        ),
    ),
    (
        "A named nurse for each child in care placed outside the county.",
        ForWhom.CHILDREN_IN_CARE,
        (None, None),
        "Share of children placed out of county with a named nurse.",
        "b",
        150,
        60,
        None,
        ((30, "Recruitment to two nurse posts has stalled.", "3 of 5 areas covered", True),),
    ),
    (
        "Initial health assessments within 20 working days of a child coming into care.",
        ForWhom.CHILDREN_IN_CARE,
        (None, None),
        "Assessments done in time, as a share of all, each quarter.",
        "a",
        300,
        -14,
        None,
        ((110, "Clinic capacity doubled from September.", "68% in time", False),),
    ),
    (
        "Mental health drop-in sessions at the care leavers' hub every week.",
        ForWhom.CARE_LEAVERS,
        (16, 25),
        "Sessions held and how many came, without names.",
        "d",
        330,
        -40,
        35,
        ((60, "Weekly sessions running since the summer.", "40 sessions held", False),),
    ),
    (
        "Dental check-ups booked for every child in care within a month of arriving.",
        ForWhom.CHILDREN_IN_CARE,
        (None, None),
        "Check-ups booked within a month, each quarter.",
        "a",
        None,
        200,
        None,
        (),
    ),
)


def _load_pledges(user: User | None) -> int:
    organisation = PartnerOrganisation.objects.get(slug="northfield-health")
    if organisation.pledges.exists():
        return 0
    today = timezone.localdate()
    now = timezone.now()
    year = current_political_year().start_year
    principles = {p.letter: p for p in Principle.objects.all()}
    for what, for_whom, (age_from, age_to), how, letter, made, due, done, updates in PLEDGES:
        pledge = Pledge.objects.create(
            organisation=organisation,
            year=year,
            what=what,
            for_whom=for_whom,
            age_from=age_from,
            age_to=age_to,
            how_shown=how,
            due_on=today + datetime.timedelta(days=due),
            principle=principles[letter],
            made_at=now - datetime.timedelta(days=made) if made is not None else None,
            made_by=user if made is not None else None,
            done_on=today - datetime.timedelta(days=done) if done is not None else None,
        )
        for days, words, figure, at_risk in updates:
            ProgressUpdate.objects.create(
                pledge=pledge,
                reported_on=today - datetime.timedelta(days=days),
                summary=words,
                figure=figure,
                at_risk=at_risk,
                reported_by=user,
            )
    return len(PLEDGES)


SELF_ASSESSMENT = {
    "staying_alert": "Our named nurses meet the council's leaving care team each month, and we "
    "read the Children in Care Council's questions to health at every Board.",
    "services_assessed": "This year we looked at initial health assessments and at dental care. "
    "Too many assessments were late; we doubled clinic capacity from September.",
    "opportunities": "Ten apprenticeships a year are kept for care leavers, with a guaranteed "
    "interview for any post.",
    "helping_use": "A named nurse for each care leaver who wants one, free prescriptions up to 25 "
    "and help to register with a GP after a move.",
    "evidence": "Quarterly returns to the Board; 68% of initial health assessments in time "
    "(invented figures, for the demonstration).",
}


def load_self_assessment(user: User | None) -> None:
    organisation = PartnerOrganisation.objects.get(slug="northfield-health")
    SelfAssessment.objects.get_or_create(
        organisation=organisation,
        year=current_political_year().start_year,
        defaults={**SELF_ASSESSMENT, "completed_at": timezone.now(), "completed_by": user},
    )


def load_proposal(user: User | None) -> None:
    """An offer entry the trust proposes, waiting for the offer editor."""
    organisation = PartnerOrganisation.objects.get(slug="northfield-health")
    category = OfferCategory.objects.filter(slug="health").first() or OfferCategory.objects.first()
    if category is None or organisation.offer_proposals.exists():
        return
    OfferProposal.objects.create(
        organisation=organisation,
        category=category,
        title="Free prescriptions until you are 25",
        summary="If you are registered with a GP in the county, you do not pay for prescriptions "
        "until your 25th birthday.",
        details="Show your exemption certificate at any pharmacy. It lasts a year at a time.",
        how_to_get="Ask your named nurse or your personal adviser for the form.",
        age_from=18,
        age_to=25,
        link_url="https://www.northfield-health.example.nhs.uk/care-leavers",
        proposed_by=user,
    )
