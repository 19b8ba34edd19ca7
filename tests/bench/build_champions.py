"""Champions at scale: the eight areas, a Member for every councillor, appointments for each
political year, link officers, and 5,000 engagements per unit of factor (50,000 at factor 10)
spread over `factor` years, with a follow-up on one in five."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from champions.demo import AREAS
from champions.models import (
    Appointment,
    ChampionArea,
    DbsStatus,
    Engagement,
    EngagementKind,
    LinkOfficer,
    Member,
)
from corporate_parenting.models import Role, User
from corporate_parenting.years import current_political_year

BATCH_SIZE = 2000
ENGAGEMENTS_PER_FACTOR = 5000
KINDS = EngagementKind.values


def build_champions(factor: int) -> dict[str, int]:
    today = timezone.localdate()
    year = current_political_year()
    areas = ChampionArea.objects.bulk_create(
        [
            ChampionArea(
                name=name,
                slug=name.lower().replace(" ", "-"),
                description=description,
                current_issues=issues,
            )
            for name, description, issues in AREAS
        ]
    )
    councillors = list(
        User.objects.filter(groups__name=Role.COUNCILLOR)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    officers = list(
        User.objects.filter(groups__name=Role.OFFICER).order_by("pk").values_list("pk", flat=True)
    )
    if not Group.objects.filter(name=Role.COUNCILLOR).exists():
        raise LookupError("build_people must run first")
    members = Member.objects.bulk_create(
        [
            Member(
                user_id=pk,
                ward=f"Ward {index % 20 + 1}",
                party=("Labour", "Conservative", "Liberal Democrat", "Green")[index % 4],
                dbs_status=(DbsStatus.CLEARED, DbsStatus.APPLIED, DbsStatus.NOT_STARTED)[index % 3],
                dbs_cleared_on=today - timedelta(days=200 + index) if index % 3 == 0 else None,
                training_completed_on=today - timedelta(days=100) if index % 2 == 0 else None,
            )
            for index, pk in enumerate(councillors)
        ],
        batch_size=BATCH_SIZE,
    )
    # Each member champions one area every political year; area 8 is left vacant this year.
    start_years = [year.start_year - back for back in range(factor)]
    appointments = [
        Appointment(member=member, area=areas[index % (len(areas) - 1)], start_year=start_year)
        for start_year in start_years
        for index, member in enumerate(members)
    ]
    Appointment.objects.bulk_create(appointments, batch_size=BATCH_SIZE)
    links = LinkOfficer.objects.bulk_create(
        [
            LinkOfficer(
                officer_id=pk,
                area=areas[index % len(areas)],
                job_title="Team Manager",
                team="Children's Services",
                contact="01632 960000",
            )
            for index, pk in enumerate(officers)
        ],
        batch_size=BATCH_SIZE,
    )
    total = ENGAGEMENTS_PER_FACTOR * factor
    days = max(factor * 365, 1)
    engagements = []
    for number in range(total):
        member_index = number % len(members)
        when = today - timedelta(days=(number * 7919) % days)
        follow_up = number % 5 == 0
        engagements.append(
            Engagement(
                member=members[member_index],
                area=areas[member_index % (len(areas) - 1)],
                date=when,
                kind=KINDS[number % len(KINDS)],
                what_we_did="Visited the youth club and played board games.",
                young_people_said="They want more trips in the holidays.",
                follow_up_requested="Look at funding for trips." if follow_up else "",
                follow_up_status=("open", "in_progress", "done")[number % 3] if follow_up else "",
                follow_up_response="Two trips booked." if follow_up and number % 3 == 2 else "",
                show_in_you_said_we_did=follow_up and number % 3 == 2,
                young_people_count=number % 12,
                status="submitted" if number % 10 else "draft",
            )
        )
    Engagement.objects.bulk_create(engagements, batch_size=BATCH_SIZE)
    return {
        "champion_areas": len(areas),
        "members": len(members),
        "appointments": len(appointments),
        "link_officers": len(links),
        "engagements": total,
    }


BUILDERS = [build_champions]
