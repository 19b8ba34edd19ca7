"""Progress against the yearly engagement target, computed here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

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
