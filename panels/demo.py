"""Demo data for panel meetings: a Corporate Parenting Panel with invented members, a past meeting
with approved minutes shaped like the council's, the next meeting with its agenda, and open
actions. Safe to run again: nothing is duplicated."""

from datetime import date, time, timedelta
from typing import TextIO

from django.utils import timezone

from corporate_parenting.models import Role, User
from corporate_parenting.services import user_create_or_update
from panels import services
from panels.models import Body, ItemKind, Meeting
from panels.reports import demo as reports_demo

MEMBERS = (
    ("helen.marsh@example.org", "Councillor Helen Marsh", "chair"),
    ("tom.okoro@example.org", "Councillor Tom Okoro", "vice_chair"),
    ("ruth.lindqvist@example.org", "Councillor Ruth Lindqvist", "member"),
    ("gary.penrose@example.org", "Councillor Gary Penrose", "member"),
    ("amira.said@example.org", "Councillor Amira Said", "member"),
)
OFFICERS = """Dana Whitfield (Director of Children's Services)
Lee Carver (Head of Corporate Parenting)
Nadia Rahman (Virtual School Headteacher)
Dan Okafor (Democratic Services Officer)"""


def _wednesday_near(day: date) -> date:
    return day + timedelta(days=(2 - day.weekday()) % 7)


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def load(stdout: TextIO) -> None:
    clerk = _person("officer@example.org")
    body = Body.objects.filter(slug="corporate-parenting-panel").first()
    if body is None:
        body = services.body_create(
            actor=clerk,
            name="Corporate Parenting Panel",
            slug="corporate-parenting-panel",
            minute_prefix="CPP",
            is_public=True,
            clerk=clerk,
            description="Councillors, officers and young people checking that the council is a "
            "good corporate parent to children in care and care leavers.",
        )
    elif clerk is not None and body.clerk_id is None:
        Body.objects.filter(pk=body.pk).update(clerk=clerk)
    members = []
    for email, name, role in MEMBERS:
        user, _ = user_create_or_update(email=email, full_name=name, roles=[Role.COUNCILLOR])
        if not body.memberships.filter(user=user).exists():
            services.membership_set(actor=clerk, body=body, user=user, role=role)
        members.append(user)
    demo_councillor = _person("councillor@example.org")
    if demo_councillor is not None and not body.memberships.filter(user=demo_councillor).exists():
        services.membership_set(actor=clerk, body=body, user=demo_councillor, role="member")
        members.append(demo_councillor)

    today = timezone.localdate()
    if not body.meetings.exists():
        past = _past_meeting(body, clerk, members, _wednesday_near(today - timedelta(days=49)))
        _next_meeting(body, clerk, past.next_meeting_date or today + timedelta(days=28))
    if clerk is not None and not body.planned_items.exists():
        _work_programme(body, clerk, today)
    stdout.write(f"Panels: {body.meetings.count()} meetings of the {body.name}\n")


def _past_meeting(body: Body, clerk: User | None, members: list[User], day: date) -> Meeting:
    meeting = services.meeting_create(
        actor=clerk, body=body, date=day, start_time=time(18, 30), venue="Civic Offices, Room 2"
    )
    services.agenda_item_update(
        actor=clerk,
        item=meeting.items.get(kind=ItemKind.DECLARATIONS),
        title="Declarations of interest",
    )
    titles = (
        ("Care Leavers' Week", "Lee Carver, Head of Corporate Parenting"),
        ("Sufficiency strategy", "Lee Carver, Head of Corporate Parenting"),
        ("Virtual School annual report", "Nadia Rahman, Virtual School Headteacher"),
    )
    items = [
        services.agenda_item_add(actor=clerk, meeting=meeting, title=title, presenter=presenter)
        for title, presenter in titles
    ]
    services.agenda_publish(actor=clerk, meeting=meeting, today=day - timedelta(days=14))
    services.attendance_record(
        actor=clerk,
        meeting=meeting,
        present=members[:-1],
        apologies=members[-1:],
        officers=OFFICERS,
        also_present="Councillor Jean Barker",
        young_people_present=2,
    )
    services.declaration_add(
        actor=clerk,
        meeting=meeting,
        member=members[0],
        kind="registerable",
        text="Is a trustee of a local fostering charity.",
    )
    services.minutes_item_save(
        actor=clerk,
        item=items[0],
        discussion="Lee Carver, Head of Corporate Parenting, updated the Panel on the events of "
        "Care Leavers' Week, including a new private social media page for care leavers.\n\n"
        "Members asked how many care leavers had taken part. Forty-one had joined at least one "
        "event.",
    )
    services.resolution_add(actor=clerk, item=items[0], text="That the update be noted.")
    officer = clerk
    if officer is not None:
        services.resolution_add(
            actor=clerk,
            item=items[0],
            text="That the Head of Corporate Parenting report on engagement with care leavers "
            "through social media.",
            is_action=True,
            owner=officer,
            due_next_meeting=True,
        )
    services.minutes_item_save(
        actor=clerk,
        item=items[1],
        discussion="The Panel received an update on the sufficiency of placements. 78% of "
        "children in care were placed within 20 miles of home.",
    )
    services.resolution_add(actor=clerk, item=items[1], text="That the update be noted.")
    if officer is not None:
        overdue = services.resolution_add(
            actor=clerk,
            item=items[1],
            text="That the Panel be sent the number of children in care who have moved more "
            "than three times this year.",
            is_action=True,
            owner=officer,
            due_date=day + timedelta(days=21),
        )
        services.action_update_add(
            actor=clerk,
            resolution=overdue,
            text="Figures requested from the performance team.",
            status="in_progress",
        )
    services.minutes_item_save(
        actor=clerk,
        item=items[2],
        discussion="Nadia Rahman presented the Virtual School annual report.",
    )
    services.resolution_add(actor=clerk, item=items[2], text="That the report be noted.")
    services.resolution_add(
        actor=clerk,
        item=items[2],
        text="That members visit a Personal Education Plan review with the Virtual School.",
        is_action=True,
        owner_is_members=True,
        due_next_meeting=True,
    )
    services.meeting_update(
        actor=clerk,
        meeting=meeting,
        closing_time=time(20, 10),
        next_meeting_date=_wednesday_near(timezone.localdate() + timedelta(days=21)),
        next_meeting_time=time(18, 30),
    )
    services.minutes_approve(actor=clerk, meeting=meeting)
    meeting.refresh_from_db()
    return meeting


# The demo's work programme: invented items for the coming months (month offset, title).
PLANNED = (
    (2, "Sufficiency strategy: annual refresh"),
    (2, "Virtual School head's annual report"),
    (4, "Care leavers' local offer: review"),
    (4, "Health assessments of children in care"),
    (6, "Fostering service annual report"),
    (6, "Children in Care Council: what we asked for this year"),
)


def _work_programme(body: Body, clerk: User, today: date) -> None:
    """Planned items for the months ahead, one deferred and one dropped, the programme public."""
    first = today.replace(day=1)
    planned = []
    for offset, title in PLANNED:
        year, month = divmod(first.month - 1 + offset, 12)
        planned.append(
            services.planned_item_add(
                actor=clerk,
                body=body,
                title=title,
                month=date(first.year + year, month + 1, 1),
                owner=clerk,
            )
        )
    later = planned[3]
    year, month = divmod(later.month.month - 1 + 2, 12)
    services.planned_item_update(
        actor=clerk,
        item=later,
        title=later.title,
        month=date(later.month.year + year, month + 1, 1),
        owner=clerk,
        notes="Waiting for the health partners' figures.",
    )
    services.planned_item_drop(
        actor=clerk, item=planned[1], reason="Taken by the Education Scrutiny Committee"
    )
    services.work_programme_publish(actor=clerk, body=body)


def _next_meeting(body: Body, clerk: User | None, day: date) -> Meeting:
    meeting = services.meeting_create(
        actor=clerk, body=body, date=day, start_time=time(18, 30), venue="Civic Offices, Room 2"
    )
    for title, presenter in (
        ("Children in care: performance report", "Dana Whitfield, Director of Children's Services"),
        ("Care leavers' housing protocol", "Lee Carver, Head of Corporate Parenting"),
        ("Champion model: progress", "Councillor Helen Marsh"),
    ):
        services.agenda_item_add(actor=clerk, meeting=meeting, title=title, presenter=presenter)
    services.agenda_item_add(
        actor=clerk,
        meeting=meeting,
        title="Residential placements: provider contract",
        presenter="Dana Whitfield, Director of Children's Services",
        is_exempt=True,
        exempt_paragraph="3",
    )
    reports_demo.load_for_meeting(
        items=list(meeting.items.filter(kind=ItemKind.BUSINESS).order_by("position")),
        clerk=clerk,
    )
    if (day - timezone.localdate()).days > 7:
        services.agenda_publish(actor=clerk, meeting=meeting)
    return meeting
