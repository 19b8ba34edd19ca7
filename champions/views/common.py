"""What every champions page shares: who may open it, the member behind a request, the year."""

from __future__ import annotations

from django.utils import timezone

from champions.models import Member
from corporate_parenting.http import SignedInRequest
from corporate_parenting.inputs import year_from
from corporate_parenting.years import (
    PoliticalYear,
    current_political_year,
    political_year_starting,
)


def member_of(request: SignedInRequest) -> Member | None:
    return Member.objects.filter(user=request.user).first()


def year_from_request(request: SignedInRequest) -> PoliticalYear:
    """?year=2024 for the political year starting in 2024 (up to 20 years back); the current
    one otherwise."""
    current = current_political_year()
    try:
        start = year_from(request.GET.get("year", ""), current.start_year)
    except ValueError:
        return current
    if not current.start_year - 20 <= start <= current.start_year:
        return current
    return political_year_starting(start)


def year_links(year: PoliticalYear) -> dict[str, object]:
    """The previous year, and the next one once it has started."""
    following = year.next()
    return {
        "previous_year": year.previous(),
        "next_year": following if following.start <= timezone.localdate() else None,
    }
