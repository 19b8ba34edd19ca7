"""Progress against the yearly engagement target, computed here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone

from champions.models import ChampionSettings, Member
from corporate_parenting.years import PoliticalYear


@dataclass(frozen=True)
class Progress:
    count: int  # submitted engagements dated in the political year
    target: int

    @property
    def met(self) -> bool:
        return self.count >= self.target

    @property
    def remaining(self) -> int:
        return max(self.target - self.count, 0)

    @property
    def percent(self) -> int:
        """0 to 100, for a progress bar; capped at 100."""
        if self.target <= 0:
            return 100
        return min(100, round(100 * self.count / self.target))

    @property
    def label(self) -> str:
        return f"{self.count} of {self.target}"

    @property
    def status(self) -> str:
        """'Target met', 'On the way' or 'Not started'."""
        if self.met:
            return "Target met"
        return "On the way" if self.count else "Not started"


def engagement_target() -> int:
    """The default target, from the champion settings."""
    return ChampionSettings.load().engagement_target


def target_for(member: Member, default: int | None = None) -> int:
    """THE rule for a member's yearly target: their own target when an admin set one (with a
    reason), the champion settings' target otherwise. Pass default when it is already loaded."""
    if member.target_override is not None:
        return member.target_override
    return engagement_target() if default is None else default


def progress_from_count(count: int, target: int) -> Progress:
    return Progress(count=count, target=target)


def progress_for(member: Member, year: PoliticalYear, default: int | None = None) -> Progress:
    """One member's progress in a political year against their target (one query)."""
    count = member.engagements.submitted().in_year(year).count()
    return progress_from_count(count, target_for(member, default))


def chased_from(first_appointed: datetime | date | None, year: PoliticalYear) -> date | None:
    """THE "too new to chase" rule: the first day a champion may be told anything about the
    year's target or their training (a reminder that they are behind, training not done, the
    home page's "to go"). That is REMINDERS_TRAINING_GRACE_DAYS after they were first appointed
    a champion, or after the political year started if that is later: a councillor appointed
    minutes ago, or in a year's first weeks, is given time for induction and a first engagement.
    first_appointed is when their first appointment was recorded (MemberQuerySet
    .with_first_appointed); None (never appointed) gives None: nothing to chase."""
    if first_appointed is None:
        return None
    if isinstance(first_appointed, datetime):
        first_appointed = timezone.localdate(first_appointed)
    grace = timedelta(days=settings.REMINDERS_TRAINING_GRACE_DAYS)
    return max(first_appointed, year.start) + grace


def too_new_to_chase(member: Member, year: PoliticalYear, today: date) -> bool:
    """Whether, on that day, the member is still too new as a champion to be told they are behind
    target or have no training recorded. A member from with_first_appointed() costs no query."""
    if hasattr(member, "first_appointed_at"):
        first = member.first_appointed_at
    else:
        first = member.appointments.order_by("created_at").values_list("created_at", flat=True)[:1]
        first = next(iter(first), None)
    start = chased_from(first, year)
    return start is None or today < start
