"""Demo partner organisations: an NHS trust whose representative signs in as
partner@example.org, and a police force and a college without sign-ins. All invented, and
each says so on its page.

Safe to run again: nothing is duplicated and nothing a user changed is reset.
"""

from __future__ import annotations

from typing import TextIO

from corporate_parenting.models import User
from partners.models import OrganisationKind, PartnerOrganisation, Representative

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
    stdout.write(f"Partners: {made} organisations added.")
