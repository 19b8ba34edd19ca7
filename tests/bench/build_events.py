"""The events diary at scale: 500 events per unit of factor (5,000 at factor 10) spread over
`factor` years up to a year ahead, a third of them tied to champion areas, one in ten public,
sign-ups by councillors, and a private calendar feed address for every councillor."""

from datetime import time, timedelta

from django.utils import timezone

from champions.models import ChampionArea
from corporate_parenting.models import Role, User
from events.models import (
    AnnualRule,
    Audience,
    Category,
    Event,
    FeedToken,
    SignUp,
    hash_feed_token,
)

BATCH_SIZE = 2000
EVENTS_PER_FACTOR = 500
SIGNUPS_PER_EVENT = 3
CATEGORIES = Category.values
AUDIENCES = Audience.values


def bench_feed_secret(person_id: int) -> str:
    return f"bench-feed-{person_id}"


def build_events(factor: int) -> dict[str, int]:
    today = timezone.localdate()
    count = EVENTS_PER_FACTOR * factor
    first_day = today - timedelta(days=365 * factor - 365)
    span = (today + timedelta(days=365) - first_day).days
    events = []
    for n in range(count):
        start = first_day + timedelta(days=(n * span) // count)
        kind = n % 7
        all_day = kind in (0, 1)
        length = 6 if kind == 0 else 0
        events.append(
            Event(
                title=f"Event {n + 1}",
                category=CATEGORIES[n % len(CATEGORIES)],
                start_date=start,
                end_date=start + timedelta(days=length),
                start_time=None if all_day else time(10 + n % 8),
                end_time=None if all_day else time(11 + n % 8, 30),
                location="" if all_day else "Civic Offices",
                description="An event in the corporate parenting diary.",
                audience=AUDIENCES[n % len(AUDIENCES)],
                is_public=n % 10 == 0,
                involves_children=n % 4 == 0,
                capacity=None if n % 3 else 20,
                organiser="Participation team",
                is_annual=kind == 0,
                annual_rule=AnnualRule.SAME_WEEKDAY if kind == 0 else AnnualRule.SAME_DATES,
            )
        )
    Event.objects.bulk_create(events, batch_size=BATCH_SIZE)

    areas = list(ChampionArea.objects.order_by("pk").values_list("pk", flat=True))
    through = Event.areas.through
    links = (
        [
            through(event_id=event.pk, championarea_id=areas[i % len(areas)])
            for i, event in enumerate(events)
            if i % 3 == 0
        ]
        if areas
        else []
    )
    through.objects.bulk_create(links, batch_size=BATCH_SIZE)

    councillors = list(
        User.objects.filter(groups__name=Role.COUNCILLOR)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    signups = [
        SignUp(event_id=event.pk, person_id=councillors[(i + k) % len(councillors)])
        for i, event in enumerate(events)
        for k in range(min(SIGNUPS_PER_EVENT, len(councillors)))
    ]
    SignUp.objects.bulk_create(signups, batch_size=BATCH_SIZE)
    # Known secrets (bench_feed_secret), so a benchmark can open each private feed; kept hashed.
    tokens = [
        FeedToken(person_id=pk, token_hash=hash_feed_token(bench_feed_secret(pk)))
        for pk in councillors
    ]
    FeedToken.objects.bulk_create(tokens, batch_size=BATCH_SIZE)
    return {
        "events": len(events),
        "event_areas": len(links),
        "event_signups": len(signups),
        "event_feed_tokens": len(tokens),
    }


BUILDERS = [build_events]
