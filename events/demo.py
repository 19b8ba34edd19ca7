"""Demo diary: the 2022 "Dates for the diary" from the Champion model report, rolled forward
year by year to the current political year, plus a few members' events coming up.

Invented people only. Safe to run again: events are found by title and first day, and an event
already rolled forward is never rolled again.
"""

from datetime import date, time, timedelta

from django.utils import timezone

from corporate_parenting.models import User
from corporate_parenting.years import current_political_year
from events import annual, services
from events.models import AnnualRule, Audience, Category, Event, SignUp

PARTICIPATION = "Participation and engagement team"

SEED_2022 = (
    # title, first day, last day, category, rule, public, children, capacity, times
    (
        "Young Carers Action Day",
        date(2022, 3, 16),
        date(2022, 3, 16),
        Category.AWARENESS,
        AnnualRule.SAME_WEEKDAY,
        True,
        False,
        None,
        None,
    ),
    (
        "Fostering Fortnight",
        date(2022, 5, 10),
        date(2022, 5, 23),
        Category.AWARENESS,
        AnnualRule.SAME_WEEKDAY,
        True,
        False,
        None,
        None,
    ),
    (
        "World Refugee Day",
        date(2022, 6, 20),
        date(2022, 6, 20),
        Category.AWARENESS,
        AnnualRule.SAME_DATES,
        True,
        False,
        None,
        None,
    ),
    (
        "Kinship Care Week",
        date(2022, 10, 3),
        date(2022, 10, 9),
        Category.AWARENESS,
        AnnualRule.FIRST_FULL_WEEK,
        True,
        False,
        None,
        None,
    ),
    (
        "Adoption Week",
        date(2022, 10, 18),
        date(2022, 10, 23),
        Category.AWARENESS,
        AnnualRule.SAME_WEEKDAY,
        True,
        False,
        None,
        None,
    ),
    (
        "Care Leavers Week",
        date(2022, 10, 24),
        date(2022, 10, 30),
        Category.AWARENESS,
        AnnualRule.LAST_FULL_WEEK,
        True,
        False,
        None,
        None,
    ),
    (
        "True Triumph Celebrating Care Leavers (16-25s)",
        date(2022, 10, 24),
        date(2022, 10, 24),
        Category.CELEBRATION,
        AnnualRule.LAST_FULL_WEEK,
        True,
        True,
        12,
        (time(18), time(21)),
    ),
    (
        "True Triumph Celebrating Furze and Westminster houses",
        date(2022, 11, 16),
        date(2022, 11, 16),
        Category.CELEBRATION,
        AnnualRule.SAME_WEEKDAY,
        True,
        True,
        10,
        (time(17), time(19, 30)),
    ),
)

DESCRIPTIONS = {
    "Fostering Fortnight": "Two weeks celebrating our foster carers and the difference they make.",
    "Care Leavers Week": "A national week celebrating care leavers and what they achieve.",
    "True Triumph Celebrating Care Leavers (16-25s)": "An evening celebrating our care leavers' "
    "achievements, with food, music and awards.",
}


def _load_seed(stdout) -> int:
    made = 0
    for title, start, end, category, rule, public, children, capacity, times in SEED_2022:
        if Event.objects.filter(title=title, start_date=start).exists():
            continue
        services.event_create(
            actor=None,
            title=title,
            category=category,
            start_date=start,
            end_date=end,
            start_time=times[0] if times else None,
            end_time=times[1] if times else None,
            location="Bistro Live, Anytown" if times else "",
            description=DESCRIPTIONS.get(title, ""),
            audience=Audience.YOUNG_PEOPLE
            if category == Category.CELEBRATION
            else Audience.ALL_MEMBERS,
            is_public=public,
            involves_children=children,
            capacity=capacity,
            organiser=PARTICIPATION,
            is_annual=True,
            annual_rule=rule,
        )
        made += 1
    return made


def _roll_forward_to_current_year() -> int:
    """Roll each annual event forward a year at a time until it reaches this political year."""
    current = current_political_year()
    made = 0
    while True:
        behind = list(
            Event.objects.annual()
            .scheduled()
            .filter(start_date__lt=current.start, rolled_to__isnull=True)
        )
        if not behind:
            return made
        plan = [(p.event, p.start_date, p.end_date) for p in map(annual.propose, behind)]
        made += len(services.event_roll_forward(actor=None, plan=plan))


def _members_events() -> list[tuple[str, Event]]:
    today = timezone.localdate()
    soon = today + timedelta(days=(7 - today.weekday()) % 7 + 8)  # a Tuesday in a week or two
    wanted = (
        (
            "Champions' round table",
            Category.ROUND_TABLE,
            soon,
            (time(10), time(12)),
            "Civic Offices, Committee Room 2",
            False,
            None,
        ),
        (
            "Corporate parenting training for members",
            Category.TRAINING,
            soon + timedelta(days=7),
            (time(18), time(20)),
            "",
            False,
            30,
        ),
        (
            "Children in Care Youth Club: board games evening",
            Category.ENGAGEMENT,
            soon + timedelta(days=2),
            (time(16, 30), time(18)),
            "Youth Centre, Anytown",
            True,
            4,
        ),
    )
    made = []
    for title, category, day, times, location, children, capacity in wanted:
        event = Event.objects.filter(title=title).first()
        if event is None:
            event = services.event_create(
                actor=None,
                title=title,
                category=category,
                start_date=day,
                end_date=day,
                start_time=times[0],
                end_time=times[1],
                location=location,
                online_link="https://meet.example.org/training" if not location else "",
                audience=Audience.CHAMPIONS
                if category != Category.TRAINING
                else Audience.ALL_MEMBERS,
                involves_children=children,
                # Visits to young people are for champions who have done their training.
                requires_training=category == Category.ENGAGEMENT,
                capacity=capacity,
                organiser=PARTICIPATION,
            )
        made.append((title, event))
    return made


def load(stdout) -> None:
    seeded = _load_seed(stdout)
    rolled = _roll_forward_to_current_year()
    members_events = _members_events()
    councillor = User.objects.filter(email="councillor@example.org").first()
    if councillor is not None:
        round_table = members_events[0][1]
        if not SignUp.objects.filter(event=round_table, person=councillor).exists():
            services.signup_create(event=round_table, person=councillor)
    stdout.write(
        f"Events: {seeded} from the 2022 diary, {rolled} rolled forward, "
        f"{len(members_events)} members' events\n"
    )
