"""Demo data for the shared core: site settings, the demo sign-ins and the officers' duties.

Invented people only. Safe to run again: nothing is duplicated and nothing a user changed is reset.
"""

from dataclasses import dataclass

from django.conf import settings

from corporate_parenting.models import Duty, DutyKind, Role, SiteSettings, User
from corporate_parenting.services import user_create_or_update


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    roles: tuple[str, ...]


DEMO_USERS = (
    DemoUser("councillor@example.org", "Priya Ashworth", (Role.COUNCILLOR,)),
    DemoUser("officer@example.org", "Dan Okafor", (Role.OFFICER,)),
    DemoUser("admin@example.org", "Morgan Blake", (Role.ADMIN,)),
    # Represents the invented NHS trust in partners/demo.py.
    DemoUser("partner@example.org", "Ellis Quinn", (Role.PARTNER,)),
)


# Who does what in the other parts' demo data (champions, panels, panels/reports, offer).
@dataclass(frozen=True)
class DemoDuty:
    email: str
    full_name: str
    kind: str
    job_title: str
    # Made only with DEBUG on, as champions/demo.py makes its invented colleagues.
    debug_only: bool = False


DEMO_DUTIES: tuple[DemoDuty, ...] = (
    # The demo officer clerks the panel, links to three champion areas, keeps the offer and its
    # indicators, and sponsors the performance report they commissioned.
    DemoDuty("officer@example.org", "Dan Okafor", DutyKind.CLERK, "Democratic Services Officer"),
    *(
        DemoDuty("officer@example.org", "Dan Okafor", kind, "Participation Team Leader")
        for kind in (
            DutyKind.LINK_OFFICER,
            DutyKind.OFFER_REVIEW_LEAD,
            DutyKind.KPI_OWNER,
            DutyKind.REPORT_AUTHOR,
            DutyKind.REPORT_SPONSOR,
            DutyKind.PARTICIPATION_OFFICER,
        )
    ),
    # The reports' sponsor and author (panels/reports/demo.py).
    DemoDuty(
        "dana.whitfield@example.org",
        "Dana Whitfield",
        DutyKind.REPORT_SPONSOR,
        "Director of Children's Services",
    ),
    DemoDuty(
        "lee.carver@example.org",
        "Lee Carver",
        DutyKind.REPORT_AUTHOR,
        "Head of Corporate Parenting",
    ),
    DemoDuty(
        "lee.carver@example.org", "Lee Carver", DutyKind.KPI_OWNER, "Head of Corporate Parenting"
    ),
    # The champions' link officers (champions/demo.py OFFICERS).
    *(
        DemoDuty(email, name, DutyKind.LINK_OFFICER, title, debug_only=True)
        for email, name, title in (
            ("t.baines@example.org", "Tessa Baines", "Team Manager, 16-25 Team"),
            ("m.iqbal@example.org", "Mo Iqbal", "Virtual School Headteacher"),
            ("l.fraser@example.org", "Lucy Fraser", "Fostering Team Manager"),
            ("p.nwosu@example.org", "Peter Nwosu", "Head of Safeguarding and Quality"),
        )
    ),
)


def load_site_settings() -> SiteSettings:
    return SiteSettings.load()


def load_users(*, password: str) -> list[User]:
    """The demo sign-ins. A password is set only when the user is first made."""
    made = []
    for demo in DEMO_USERS:
        user, _ = user_create_or_update(
            email=demo.email, full_name=demo.full_name, roles=demo.roles, password=password
        )
        made.append(user)
    load_duties()
    return made


def load_duties() -> int:
    """The demo officers with their duties; returns how many duties were new.

    The officers are made here (found again by e-mail by the other apps' demo data, which runs
    after this), so that one run gives every duty and a second run changes nothing."""
    made = 0
    for duty in DEMO_DUTIES:
        if duty.debug_only and not settings.DEBUG:
            continue
        user, _ = user_create_or_update(
            email=duty.email, full_name=duty.full_name, roles=(Role.OFFICER,)
        )
        _, created = Duty.objects.get_or_create(
            user=user, kind=duty.kind, defaults={"job_title": duty.job_title}
        )
        made += created
    return made
