"""Home page panels: a councillor's progress, an officer's open follow-ups, an admin's coverage."""

from django.db.models import Count, Exists, OuterRef
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from champions.coverage import area_cover
from champions.models import ChampionArea, Engagement, Member
from champions.progress import progress_for, too_new_to_chase
from corporate_parenting.models import Role
from corporate_parenting.years import current_political_year


def home_panels(request: HttpRequest) -> list[str]:
    user = request.user
    if not user.is_authenticated:
        return []
    year = current_political_year()
    context: dict[str, object] = {"year": year}
    role = user.primary_role
    if role == Role.ADMIN:
        vacant = list(ChampionArea.objects.vacant_in(year).order_by("name").only("name"))
        area_count = ChampionArea.objects.count()
        engaged = Engagement.objects.submitted().in_year(year).filter(member=OuterRef("pk"))
        members = Member.objects.aggregate(
            total=Count("pk"), engaged=Count("pk", filter=Exists(engaged))
        )
        context.update(
            panel="admin",
            area_count=area_count,
            cover=area_cover(area_count, len(vacant)),
            vacant=vacant,
            member_count=members["total"],
            engaged_count=members["engaged"],
        )
    elif role == Role.OFFICER:
        if not user.link_areas.exists():
            return []
        waiting = Engagement.objects.open_follow_ups().in_areas_of(user).select_related("area")
        context.update(
            panel="officer",
            follow_ups=list(waiting.order_by("date")[:5]),
            follow_up_count=waiting.count(),
        )
    elif role == Role.COUNCILLOR:
        member = Member.objects.with_first_appointed().filter(user=user).first()
        if member is None or not member.appointments.current(year).exists():
            context.update(panel="councillor", progress=None)
        else:
            context.update(
                panel="councillor",
                progress=progress_for(member, year),
                # A new champion is welcomed, not told how far they are from the target.
                settling_in=too_new_to_chase(member, year, timezone.localdate()),
            )
    else:
        return []
    return [render_to_string("champions/_home_panel.html", context)]
