"""Progress against the yearly engagement target, computed here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

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
    from champions.models import ChampionSettings

    return ChampionSettings.load().engagement_target


def progress_from_count(count: int, target: int | None = None) -> Progress:
    return Progress(count=count, target=engagement_target() if target is None else target)


def progress_for(member, year: PoliticalYear, target: int | None = None) -> Progress:
    """One member's progress in a political year (one query)."""
    count = member.engagements.submitted().in_year(year).count()
    return progress_from_count(count, target)
