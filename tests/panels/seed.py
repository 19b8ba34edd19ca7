"""The seed minutes' December 2020 meeting (invented names, the same shape), entered through the
services as a clerk would: 9 items CPP20 to CPP28, 6 members present, 6 officers, 1 apology, a
councillor and two young people also present."""

import datetime
from dataclasses import dataclass

from corporate_parenting.models import User
from panels import services
from panels.models import Body, ItemKind, Meeting
from tests import factories as core

OFFICERS = """M Hale (Director - Children's Services)
S Heath (Head of Corporate Parenting)
M Mayer (Group Head - Children's Social Care)
T Malloy (Principal - Community Learning Service)
R Wilkes (Virtual School Headteacher)
R Tilman (Committee Services Manager)"""

BUSINESS = (
    ("Care Leavers' Week", "T Malloy", 2),
    ("Outcome of the inspection of local authority children's services", "M Hale", 4),
    ("Sufficiency strategy", "S Heath", 2),
    ("Achieving early permanence strategy", "M Mayer", 3),
    ("Progress on care leavers employment, apprenticeships, education and work", "M Hale", 2),
    ("Champion model", "T Malloy", 1),
)


@dataclass
class SeedMeeting:
    body: Body
    september: Meeting
    december: Meeting
    clerk: User
    members: dict[str, User]


def build_seed_meeting(clerk: User | None = None) -> SeedMeeting:
    clerk = clerk or core.officer(full_name="R Tilman")
    body = services.body_create(
        actor=clerk,
        name="Corporate Parenting Panel",
        slug="corporate-parenting-panel",
        minute_prefix="CPP",
        is_public=True,
        clerk=clerk,
    )
    roles = {
        "M Bramley": "chair",
        "K Bramley": "member",
        "Brook": "member",
        "V Harding": "vice_chair",
        "Mills": "vice_chair",
        "Towers": "member",
        "Marsh": "member",
    }
    members = {}
    for name, role in roles.items():
        user = core.councillor(full_name=f"Councillor {name}")
        services.membership_set(actor=clerk, body=body, user=user, role=role)
        members[name] = user

    # The September meeting used CPP1 to CPP19.
    september = services.meeting_create(
        actor=clerk, body=body, date=datetime.date(2020, 9, 9), start_time=datetime.time(18, 30)
    )
    for number in range(15):
        services.agenda_item_add(actor=clerk, meeting=september, title=f"September item {number}")
    services.agenda_publish(actor=clerk, meeting=september, today=datetime.date(2020, 8, 26))
    services.attendance_record(
        actor=clerk, meeting=september, present=list(members.values()), apologies=[]
    )
    services.minutes_item_save(
        actor=clerk, item=september.items.get(position=5), discussion="The Panel was updated."
    )

    december = services.meeting_create(
        actor=clerk,
        body=body,
        date=datetime.date(2020, 12, 9),
        start_time=datetime.time(18, 30),
        venue="Civic Offices",
    )
    services.agenda_item_remove(actor=clerk, item=december.items.get(kind=ItemKind.ACTION_LOG))
    services.agenda_item_update(
        actor=clerk,
        item=december.items.get(kind=ItemKind.DECLARATIONS),
        title="Declarations of interest",
    )
    items = [
        services.agenda_item_add(actor=clerk, meeting=december, title=title, presenter=presenter)
        for title, presenter, _ in BUSINESS
    ]
    services.agenda_publish(
        actor=clerk,
        meeting=december,
        today=datetime.date(2020, 11, 30),
    )
    services.attendance_record(
        actor=clerk,
        meeting=december,
        present=[u for name, u in members.items() if name != "Marsh"],
        apologies=[members["Marsh"]],
        officers=OFFICERS,
        also_present="Councillor Norton",
        young_people_present=2,
    )
    services.declaration_add(
        actor=clerk,
        meeting=december,
        member=members["M Bramley"],
        kind="registerable",
        text="Works with an educational trust.",
    )
    services.minutes_approve(actor=clerk, meeting=september, at_meeting=december)
    director = core.officer(full_name="M Hale")
    for item, (title, presenter, resolutions) in zip(items, BUSINESS, strict=True):
        services.minutes_item_save(
            actor=clerk,
            item=item,
            discussion=f"{presenter} updated the Panel on {title.lower()}.\n\n"
            "Members asked questions and the Panel noted the answers.",
        )
        services.resolution_add(actor=clerk, item=item, text="That the update be noted.")
        for number in range(2, resolutions + 1):
            services.resolution_add(
                actor=clerk,
                item=item,
                text=f"That the Director - Children's Services be asked to report back ({number}).",
                is_action=True,
                owner=director,
                due_next_meeting=True,
            )
    services.meeting_update(
        actor=clerk,
        meeting=december,
        closing_time=datetime.time(20, 45),
        next_meeting_date=datetime.date(2021, 3, 16),
        next_meeting_time=datetime.time(18, 30),
    )
    december.refresh_from_db()
    september.refresh_from_db()
    return SeedMeeting(
        body=body, september=september, december=december, clerk=clerk, members=members
    )
