"""The demo council's Children in Care Council and care leavers' forum, their two seats on the
Corporate Parenting Panel (by role only, no accounts), and matters they raised: one answered and
shown in "you said, we did", one open, one overdue. All invented for the demonstration: no real
young person asked these things. Safe to run again: found by name, never duplicated.

The two bodies are not public: their meetings are the young people's own sessions. The public
sees them only as seats on the Panel, by role, and through the answers shown publicly.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from corporate_parenting.models import User
from panels import services as panels_services
from panels.models import Body
from panels.models.bodies import BodyKind, MemberRole
from voice import matter_services
from voice.matters import Matter
from voice.models import Theme

DEMO_NOTE = "Demonstration data: invented for the demo council."

BODIES = (
    (
        "Children in Care Council",
        "children-in-care-council",
        BodyKind.CHILDREN_IN_CARE_COUNCIL,
        "Children in care aged 11 to 17 who meet monthly and hold the Panel to account.",
    ),
    (
        "Care leavers' forum",
        "care-leavers-forum",
        BodyKind.CARE_LEAVERS_FORUM,
        "Care leavers aged 16 to 25 who meet every six weeks.",
    ),
)
SEATS = ("Children in Care Council representative", "Children in Care Council representative")
MEMBER_SEATS = ("Chair of the Council", "Vice-chair of the Council", "Council member")

# (title, what they asked, themes, days ago raised, days until due from raised, response, shown)
MATTERS: tuple[tuple[str, str, tuple[str, ...], int, int, str, bool], ...] = (
    (
        "Wi-fi in supported lodgings",
        "Some of us in supported lodgings have no wi-fi and cannot do college work at home. "
        "Can the council make sure every placement has it?",
        ("education-and-work", "housing"),
        120,
        42,
        "Every supported lodgings contract now includes wi-fi, and providers were asked to "
        "check theirs by the end of the term.",
        True,
    ),
    (
        "Seeing brothers and sisters in the holidays",
        "Young people placed apart from their brothers and sisters want more chances to see "
        "them in the school holidays.",
        ("relationships-and-family",),
        20,
        56,
        "",
        False,
    ),
    (
        "Pocket money the same in every home",
        "Pocket money is different in each foster home and children's home. Can it be the same?",
        ("money", "being-listened-to"),
        75,
        30,
        "",
        False,
    ),
)


def _body(name: str, slug: str, kind: str, description: str, clerk: User | None) -> Body:
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        body = panels_services.body_create(
            actor=clerk,
            name=name,
            slug=slug,
            kind=kind,
            minute_prefix="CICC" if kind == BodyKind.CHILDREN_IN_CARE_COUNCIL else "CLF",
            is_public=False,
            clerk=clerk,
            description=f"{description} {DEMO_NOTE}",
        )
    return body


def load(stdout: Any) -> None:
    clerk = User.objects.filter(email="officer@example.org").first()
    bodies = [_body(*spec, clerk=clerk) for spec in BODIES]
    for body in bodies:
        if not body.memberships.exists():
            for seat in MEMBER_SEATS:
                panels_services.membership_set(
                    actor=clerk, body=body, seat_name=seat, role=MemberRole.MEMBER
                )
    board = Body.objects.filter(slug="corporate-parenting-panel").first()
    if board is None:
        return
    if not board.memberships.filter(user__isnull=True).exists():
        for seat in SEATS:
            panels_services.membership_set(
                actor=clerk, body=board, seat_name=seat, role=MemberRole.YOUNG_PEOPLE
            )
    owner = clerk or User.objects.filter(is_active=True).order_by("pk").first()
    if clerk is None or owner is None or Matter.objects.exists():
        stdout.write(f"Voice: {Matter.objects.count()} matters raised by young people\n")
        return
    themes = {theme.slug: theme for theme in Theme.objects.active()}
    today = timezone.localdate()
    for title, asked, slugs, ago, due_in, response, shown in MATTERS:
        raised_on = today - timedelta(days=ago)
        matter = matter_services.matter_save(
            actor=clerk,
            matter=None,
            raised_by=bodies[0],
            raised_on=raised_on,
            title=title,
            asked=asked,
            board=board,
            owner=owner,
            due_on=raised_on + timedelta(days=due_in),
            themes=[themes[slug] for slug in slugs if slug in themes],
        )
        if response:
            matter_services.matter_respond(actor=clerk, matter=matter, response=response)
        if shown:
            matter_services.matter_show_publicly(actor=clerk, matter=matter, shown=True)
    stdout.write(f"Voice: {Matter.objects.count()} matters raised by young people (invented)\n")
