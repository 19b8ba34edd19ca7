"""The scaled data set the benchmark measures, made by a registry of builders.

Factor 1 is the demo. Factor 10 is about ten years of a large council: 60 members, 50,000
champion engagements, 5,000 events, 2,000 agenda items, 1,000 offer entries and 100 indicators
over 120 periods.

The core builds people in their roles and the site settings. Each app (champions, panels,
events, offer) adds its own `build_<thing>(factor: int) -> dict[str, int]` functions, returning
how many rows of each kind they made, in tests/bench/build_<app>.py as that module's BUILDERS
(loaded in APPS_WITH_BUILDERS order). Builders write with bulk_create, never save() in a loop: factor 10 must build in under two minutes, and one INSERT per
batch is what makes 50,000 engagements take seconds rather than minutes.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from corporate_parenting.models import Role, SiteSettings, User
from corporate_parenting.services import roles_ensure

Builder = Callable[[int], dict[str, int]]

# Rows per INSERT: large enough to be quick, small enough to keep each statement modest.
BATCH_SIZE = 2000

# How many people of each role there are per unit of factor (factor 10: 60 councillors).
PEOPLE_PER_FACTOR = {Role.COUNCILLOR: 6, Role.OFFICER: 4}
ADMINS = 2

FIRST_NAMES = ("Ada", "Ben", "Chloe", "Dev", "Esme", "Farid", "Grace", "Hamza", "Isla", "Jon")
LAST_NAMES = ("Fenwick", "Patel", "Whitaker", "Okafor", "Nowak", "Hughes", "Khan", "Reid")


def _name(index: int) -> str:
    # Stepping the surname by a number coprime with its length gives 80 distinct names.
    return f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[(index * 3) % len(LAST_NAMES)]}"


def build_people(factor: int) -> dict[str, int]:
    """Councillors (6 per factor), officers (4 per factor) and two admins, in their role groups."""
    roles_ensure()
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    # Nobody signs in with a password here (the benchmark uses sessions), and hashing one per
    # person would cost more than the whole build; an unusable password needs no hashing.
    unusable = make_password(None)
    wanted = {**{role: per * factor for role, per in PEOPLE_PER_FACTOR.items()}, Role.ADMIN: ADMINS}

    people: list[tuple[User, str]] = []
    for role, count in wanted.items():
        for number in range(1, count + 1):
            user = User(
                email=f"{role}{number}@bench.example.org",
                full_name=_name(len(people)),
                password=unusable,
            )
            people.append((user, role))
    User.objects.bulk_create([user for user, _ in people], batch_size=BATCH_SIZE)

    membership = User.groups.through
    membership.objects.bulk_create(
        [membership(user_id=user.pk, group_id=groups[role].pk) for user, role in people],
        batch_size=BATCH_SIZE,
    )
    return {f"{role}s": count for role, count in wanted.items()}


def build_site_settings(factor: int) -> dict[str, int]:
    """The one settings row, with a contact address so the footer shows its mailto link."""
    SiteSettings.objects.bulk_create(
        [
            SiteSettings(
                pk=1,
                council_name=settings.PORTAL_COUNCIL_NAME,
                service_name=settings.PORTAL_SERVICE_NAME,
                brand_colour=settings.PORTAL_BRAND_COLOUR,
                logo_url=settings.PORTAL_LOGO_URL,
                contact_email="corporate-parenting@bench.example.org",
            )
        ]
    )
    return {"site_settings": 1}


# In dependency order: a builder may point at rows an earlier one made.
CORE_BUILDERS: list[Builder] = [
    build_people,
    build_site_settings,
]
# Each app's builders live in tests/bench/build_<app>.py as BUILDERS, run in this order (champions
# first: events and offer point at its areas and engagements).
APPS_WITH_BUILDERS = ("champions", "panels", "events", "offer")


def _app_builders() -> list[Builder]:
    builders: list[Builder] = []
    for app_label in APPS_WITH_BUILDERS:
        try:
            module = import_module(f"tests.bench.build_{app_label}")
        except ModuleNotFoundError as error:
            if error.name != f"tests.bench.build_{app_label}":
                raise
            continue
        builders.extend(module.BUILDERS)
    return builders


BUILDERS: list[Builder] = CORE_BUILDERS + _app_builders()


@dataclass
class BuildReport:
    factor: int
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    seconds_by_builder: dict[str, float] = field(default_factory=dict)


def build(factor: int) -> BuildReport:
    """Every builder in turn, into an empty database, as one transaction."""
    report = BuildReport(factor=factor)
    started = time.perf_counter()
    with transaction.atomic():
        for builder in BUILDERS:
            step_started = time.perf_counter()
            report.rows.update(builder(factor))
            report.seconds_by_builder[builder.__name__] = time.perf_counter() - step_started
    report.seconds = time.perf_counter() - started
    return report


def first_user(role: str) -> User:
    """The person the benchmark signs in as for this role."""
    user = User.objects.filter(groups__name=role).order_by("pk").first()
    if user is None:
        raise LookupError(f"the data set has nobody in the {role} role")
    return user
