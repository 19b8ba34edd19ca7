"""Demo data for champions: the eight areas, invented members and officers, a year of engagements.

Invented people only. Safe to run again: records are found by natural keys, never duplicated.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from champions.models import (
    Appointment,
    ChampionArea,
    DbsStatus,
    Engagement,
    EngagementKind,
    EngagementStatus,
    FollowUpStatus,
    LinkOfficer,
    Member,
    ReportPeople,
)
from corporate_parenting.duties import people_with_duty
from corporate_parenting.models import DutyKind, Role, User
from corporate_parenting.services import user_create_or_update
from corporate_parenting.years import PoliticalYear, current_political_year, years_later

# The eight areas of the champion model (Corporate Parenting Panel, champion model update).
AREAS = (
    (
        "Care Leavers and Housing",
        "Young people leaving care, from 16 to 25, and where they live: the local offer, "
        "staying put, supported lodgings and a fair route into council housing.",
        "Priority for care leavers in the housing allocations scheme; council tax exemption; "
        "more care leavers into apprenticeships with the council.",
    ),
    (
        "Education and the Virtual School",
        "How children in care do at school and college, with the Virtual School that "
        "champions their education.",
        "Attendance and exclusions of children in care; personal education plans done on time.",
    ),
    (
        "Fostering",
        "Recruiting and keeping foster carers, and the support they and the children they "
        "look after receive.",
        "More local foster carers, so that children stay near their schools and friends.",
    ),
    (
        "Adoption and Permanence",
        "Children who cannot live with their birth families finding a permanent home: "
        "adoption, special guardianship and long-term fostering.",
        "Life story work for every child; support after adoption.",
    ),
    (
        "SEND",
        "Children in care with special educational needs and disabilities.",
        "Education, health and care plans reviewed on time; short breaks.",
    ),
    (
        "Children in Care",
        "The everyday lives of children in our care: their homes, their health, their "
        "hobbies and being heard.",
        "Health assessments on time; more activities in the school holidays.",
    ),
    (
        "Safeguarding and Quality",
        "Keeping children safe and the quality of the work done with them.",
        "Children missing from care; return home interviews.",
    ),
    (
        "Participation",
        "Children and young people having a say in the services they use, through the "
        "Children in Care Council and youth groups.",
        "A young person's seat at Corporate Parenting Panel; feedback on the care leaver offer.",
    ),
)

# Invented councillors: e-mail, name, ward, party, DBS status, areas (by position in AREAS).
MEMBERS = (
    (
        "cllr.hollis@example.org",
        "Councillor Ruth Hollis",
        "Northfield",
        "Labour",
        DbsStatus.CLEARED,
        (1,),
    ),
    (
        "cllr.mensah@example.org",
        "Councillor Kofi Mensah",
        "Eastgate",
        "Liberal Democrat",
        DbsStatus.CLEARED,
        (2,),
    ),
    (
        "cllr.barker@example.org",
        "Councillor Helen Barker",
        "Riverside",
        "Conservative",
        DbsStatus.APPLIED,
        (3,),
    ),
    (
        "cllr.doyle@example.org",
        "Councillor Sean Doyle",
        "Westbury",
        "Labour",
        DbsStatus.CLEARED,
        (5, 0),
    ),
    (
        "cllr.chowdhury@example.org",
        "Councillor Amina Chowdhury",
        "Old Town",
        "Labour",
        DbsStatus.CLEARED,
        (7,),
    ),
    (
        "cllr.price@example.org",
        "Councillor Gareth Price",
        "Hillside",
        "Conservative",
        DbsStatus.NOT_STARTED,
        (),
    ),
    (
        "cllr.osei@example.org",
        "Councillor Grace Osei",
        "Southfields",
        "Green",
        DbsStatus.CLEARED,
        (6,),
    ),
)
DEMO_COUNCILLOR_AREAS = (0,)  # councillor@example.org champions Care Leavers and Housing

# Invented officers: e-mail, name, job title, team, areas.
OFFICERS = (
    ("t.baines@example.org", "Tessa Baines", "Team Manager", "16-25 Team", (0,)),
    ("m.iqbal@example.org", "Mo Iqbal", "Virtual School Headteacher", "Virtual School", (1,)),
    ("l.fraser@example.org", "Lucy Fraser", "Fostering Team Manager", "Fostering", (2,)),
    (
        "p.nwosu@example.org",
        "Peter Nwosu",
        "Head of Safeguarding and Quality",
        "Safeguarding",
        (6,),
    ),
)
DEMO_OFFICER = ("Participation Team Leader", "Participation and Engagement Team", (7, 5, 0))

# A year of engagements: kind, event, what they did, what young people said, follow-up, count.
STORIES = (
    (
        EngagementKind.EVENT,
        "Care Leavers Week",
        "Opened the celebration evening and stayed for the quiz.",
        "Getting a first flat is scary; they want someone to go to viewings with them.",
        "Can the 16-25 team offer a named worker for flat viewings?",
        42,
    ),
    (
        EngagementKind.GROUP,
        "",
        "Joined the youth club for baking and board games.",
        "They would like more trips in the summer holidays.",
        "Look at funding two summer trips.",
        9,
    ),
    (
        EngagementKind.ONE_TO_ONE,
        "",
        "Met the link officer to go through the team's priorities.",
        "",
        "",
        0,
    ),
    (
        EngagementKind.VISIT,
        "",
        "Visited a children's home with the registered manager.",
        "The wifi keeps dropping, which makes homework hard.",
        "Ask property services to fix the wifi at the home.",
        5,
    ),
    (
        EngagementKind.ROUND_TABLE,
        "Champions round table",
        "Quarterly round table with the Director of Children's Services.",
        "",
        "",
        0,
    ),
    (
        EngagementKind.EVENT,
        "Fostering Fortnight",
        "Judged the cake competition and thanked foster carers.",
        "Foster carers' own children want to be thanked too.",
        "",
        15,
    ),
)
RESPONSES = {
    "Look at funding two summer trips.": (
        "Two trips are booked for August, paid for from the participation budget.",
        True,
    ),
    "Ask property services to fix the wifi at the home.": (
        "A new router was fitted and the connection tested with the young people.",
        True,
    ),
}


def _user(email: str, name: str, role: str) -> User:
    user, _ = user_create_or_update(email=email, full_name=name, roles=(role,))
    return user


def _dates_this_year(count: int, seed: int) -> list[date]:
    """count dates spread across the political year so far, none in the future."""
    year = current_political_year()
    today = timezone.localdate()
    span = max((today - year.start).days, 1)
    return [
        year.start + timedelta(days=(span * (i + 1)) // (count + 1) - seed % 5)
        for i in range(count)
    ]


DEMO_SPONSOR = "dana.whitfield@example.org"  # corporate_parenting/demo.py DEMO_DUTIES
DEMO_AUTHOR = "lee.carver@example.org"


def load(stdout) -> None:
    year = current_political_year()
    today = timezone.localdate()
    areas = []
    for name, description, issues in AREAS:
        area, _ = ChampionArea.objects.get_or_create(
            name=name,
            defaults={
                "slug": name.lower().replace(" ", "-"),
                "description": description,
                "current_issues": issues,
            },
        )
        areas.append(area)

    members: list[tuple[Member, tuple[int, ...]]] = []
    # The invented colleagues are made with DEBUG on (make run), like the demo sign-ins; the
    # demo sign-ins get their part whenever they exist.
    colleagues = settings.DEBUG
    for index, (email, name, ward, party, dbs, area_indexes) in enumerate(
        MEMBERS if colleagues else ()
    ):
        user = _user(email, name, Role.COUNCILLOR)
        member, _ = Member.objects.get_or_create(
            user=user,
            defaults={
                "ward": ward,
                "party": party,
                "phone": f"01632 96{index:04d}",
                "dbs_status": dbs,
                "dbs_cleared_on": today - timedelta(days=300 + 90 * index)
                if dbs == DbsStatus.CLEARED
                else None,
                "training_completed_on": year.start + timedelta(days=20)
                if index % 2 == 0
                else None,
            },
        )
        members.append((member, area_indexes))
    demo_councillor = User.objects.filter(email="councillor@example.org").first()
    if demo_councillor is not None:
        member, _ = Member.objects.get_or_create(
            user=demo_councillor,
            defaults={
                "ward": "Castle",
                "party": "Independent",
                "phone": "01632 960999",
                "dbs_status": DbsStatus.CLEARED,
                "dbs_cleared_on": today - timedelta(days=400),
                "training_completed_on": year.start + timedelta(days=30),
            },
        )
        members.append((member, DEMO_COUNCILLOR_AREAS))

    for member, area_indexes in members:
        for area_index in area_indexes:
            for start_year in (year.start_year - 1, year.start_year):
                # Appointed when that year began: demo champions are not new to the role.
                began = year.previous().start if start_year < year.start_year else year.start
                Appointment.objects.get_or_create(
                    member=member,
                    area=areas[area_index],
                    start_year=start_year,
                    defaults={"created_at": timezone.make_aware(datetime.combine(began, time(9)))},
                )

    for email, name, title, team, area_indexes in OFFICERS if colleagues else ():
        officer = _user(email, name, Role.OFFICER)
        for area_index in area_indexes:
            LinkOfficer.objects.get_or_create(
                officer=officer,
                area=areas[area_index],
                defaults={"job_title": title, "team": team, "contact": "01632 960100"},
            )
    demo_officer = User.objects.filter(email="officer@example.org").first()
    if demo_officer is not None:
        title, team, area_indexes = DEMO_OFFICER
        for area_index in area_indexes:
            LinkOfficer.objects.get_or_create(
                officer=demo_officer,
                area=areas[area_index],
                defaults={"job_title": title, "team": team, "contact": "01632 960200"},
            )

    made = 0
    for number, (member, area_indexes) in enumerate(members):
        if not area_indexes:
            continue
        # The demo councillor has two so far (one to go); the others vary around the target.
        is_demo = member.user.email == "councillor@example.org"
        how_many = 2 if is_demo else 1 + number % 4
        last_year = [years_later(d, -1) for d in _dates_this_year(3, number)]
        for when_list in (_dates_this_year(how_many, number), last_year):
            for position, when in enumerate(when_list):
                # The demo councillor: a done follow-up, then a recent one still open.
                story = STORIES[
                    (1, 0)[position % 2] if is_demo else (number + position) % len(STORIES)
                ]
                kind, event, did, said, follow_up, count = story
                response, done = RESPONSES.get(follow_up, ("", False))
                if follow_up and response and when < today - timedelta(days=30):
                    status = FollowUpStatus.DONE if done else FollowUpStatus.IN_PROGRESS
                else:
                    status = FollowUpStatus.OPEN if follow_up else FollowUpStatus.NONE
                    response = ""
                _, created = Engagement.objects.get_or_create(
                    member=member,
                    date=when,
                    kind=kind,
                    defaults={
                        "area": areas[area_indexes[position % len(area_indexes)]],
                        "event_title": event,
                        "what_we_did": did,
                        "young_people_said": said,
                        "follow_up_requested": follow_up,
                        "young_people_count": count,
                        "status": EngagementStatus.SUBMITTED,
                        "follow_up_status": status,
                        "follow_up_response": response,
                        "show_in_you_said_we_did": status == FollowUpStatus.DONE,
                    },
                )
                made += created
    _report_people(year)
    stdout.write(f"Champions: {len(areas)} areas, {len(members)} members, {made} new engagements.")


def _report_people(year: PoliticalYear) -> None:
    """The demo report's sponsor and author, when the demo people with those duties exist."""
    sponsor = people_with_duty(DutyKind.REPORT_SPONSOR).filter(email=DEMO_SPONSOR).first()
    author = people_with_duty(DutyKind.REPORT_AUTHOR).filter(email=DEMO_AUTHOR).first()
    if sponsor is not None and author is not None:
        ReportPeople.objects.get_or_create(
            start_year=year.start_year, defaults={"sponsor": sponsor, "author": author}
        )
